package mesoslab.stack.zookeeper;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mesoslab.verify.FourLetterWord;

/** Asks one member {@code ruok} and {@code mntr} (both must be in 4lw.commands.whitelist). */
public final class ZkProbe {
    private ZkProbe() {}

    public static ZkNodeStatus status(ZkMember member, Duration timeout) {
        try {
            boolean imok = "imok".equals(FourLetterWord.send(member.address(), member.clientPort(), "ruok", timeout).strip());
            String mntr = FourLetterWord.send(member.address(), member.clientPort(), "mntr", timeout);
            if (mntr.contains("not in the whitelist")) {
                return new ZkNodeStatus(member, imok, null, null, "mntr is not in 4lw.commands.whitelist");
            }
            Map<String, String> metrics = parse(mntr);
            String mode = metrics.get("zk_server_state");
            String synced = metrics.get("zk_synced_followers");
            return new ZkNodeStatus(member, imok, mode, synced == null ? null : Integer.valueOf(synced.strip()), null);
        } catch (IOException e) {
            return new ZkNodeStatus(member, false, null, null, e.getClass().getSimpleName().replace("Exception", "")
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    static Map<String, String> parse(String mntr) {
        Map<String, String> metrics = new HashMap<>();
        for (String line : mntr.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                metrics.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return metrics;
    }
}
