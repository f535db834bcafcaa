package mesoslab.stack.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real 3-member ZooKeeper 3.9 ensemble on loopback addresses. */
class QuorumCheckTest {
    @TempDir
    Path dir;

    @Test
    void reportsHealthyThenDegradedButServingThenFailedWithEvidencePerNode() throws Exception {
        try (ZkEnsembleFixture zk = new ZkEnsembleFixture(dir, 3).startAll()) {
            QuorumReport healthy = zk.awaitHealthy(Duration.ofSeconds(60));
            assertThat(healthy.verdict()).isEqualTo(QuorumVerdict.HEALTHY);
            assertThat(healthy.nodes()).filteredOn(ZkNodeStatus::leader).hasSize(1);
            assertThat(healthy.evidence()).anyMatch(l -> l.contains("leader synced_followers=2"))
                    .anyMatch(l -> l.startsWith("znode round trip: ok: written via"));

            int leader = healthy.nodes().indexOf(healthy.nodes().stream().filter(ZkNodeStatus::leader).findFirst().orElseThrow());
            int follower = (leader + 1) % 3;
            zk.kill(follower);
            QuorumCheck check = new QuorumCheck(Duration.ofSeconds(2));
            QuorumReport degraded = check.check(zk.members());
            assertThat(degraded.verdict()).as(degraded.summary()).isEqualTo(QuorumVerdict.DEGRADED);
            assertThat(degraded.summary()).contains("2 of 3 serving").contains("zk" + (follower + 1) + " is down");
            assertThat(degraded.nodes().get(follower).evidence()).contains("down (");

            zk.kill(leader);
            QuorumReport failed = check.check(zk.members());
            assertThat(failed.verdict()).isEqualTo(QuorumVerdict.FAILED);
            assertThat(failed.summary()).contains("0 of 3 serving").contains("no leader");
        }
    }
}
