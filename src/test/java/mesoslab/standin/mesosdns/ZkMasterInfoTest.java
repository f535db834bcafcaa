package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import mesoslab.standin.http.Json;
import org.junit.jupiter.api.Test;

/** Reading a master's address out of its {@code json.info_} MasterInfo. */
class ZkMasterInfoTest {

    @Test
    void prefersTheAddressField() throws Exception {
        String info = "{\"id\":\"x\",\"ip\":188262592,\"port\":5050,\"hostname\":\"m1.lab\","
                + "\"address\":{\"hostname\":\"m1.lab\",\"ip\":\"127.0.0.11\",\"port\":5050}}";
        assertThat(ZkMasterDetector.address(Json.MAPPER.readTree(info))).isEqualTo("127.0.0.11:5050");
    }

    @Test
    void decodesTheLegacyIntegerIpWhenThereIsNoAddress() throws Exception {
        // 192.168.56.11 stored as its network-order bytes read as a little-endian integer.
        assertThat(ZkMasterDetector.address(Json.MAPPER.readTree("{\"ip\":188262592,\"port\":5050}"))).isEqualTo("192.168.56.11:5050");
    }

    @Test
    void ordersContendersByTheirSequenceNumber() {
        assertThat(ZkMasterDetector.sequence("json.info_0000000012")).isLessThan(ZkMasterDetector.sequence("json.info_0000000100"));
    }
}
