package mesoslab.standin.f5ctlr;

import java.net.URI;
import java.util.List;

/**
 * The BIG-IP an end-to-end test drives the controller against: the test-only
 * {@link TestIControlServer} with its {@link IControlRecorder} ({@link #recorder()}), or the real
 * BIG-IP stand-in ({@link BigIpStandInUnderTest}). The tests only speak iControl REST to it, so
 * they run unchanged against either.
 */
interface BigIpUnderTest extends AutoCloseable {
    String USER = "admin";
    String PASSWORD = "e2e-secret";

    /** {@code https://host:port} of the iControl REST endpoint. */
    URI url();

    /** Makes the BIG-IP unreachable (connections refused). */
    void goDown() throws Exception;

    /** Brings it back on the same address with its configuration. */
    void comeBack() throws Exception;

    /** Requests received so far, {@code METHOD /mgmt/...} with the path decoded. */
    List<String> requests();

    @Override
    void close();

    static BigIpUnderTest recorder() throws Exception {
        TestIControlServer server = new TestIControlServer(USER, PASSWORD);
        return new BigIpUnderTest() {
            @Override
            public URI url() {
                return server.url();
            }

            @Override
            public void goDown() {
                server.goDown();
            }

            @Override
            public void comeBack() throws Exception {
                server.comeBack();
            }

            @Override
            public List<String> requests() {
                return server.requests();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    static BigIpUnderTest standIn() throws Exception {
        return BigIpStandInUnderTest.start();
    }
}
