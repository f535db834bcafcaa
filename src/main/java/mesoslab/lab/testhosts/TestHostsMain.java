package mesoslab.lab.testhosts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings up N test hosts for the benchmark (bench/run.sh) and keeps them until a file named
 * {@code stop} appears in the work folder; writes {@code inventory.yml} (readable by mesoslab and
 * by Ansible) and prints READY.
 */
public final class TestHostsMain {
    private TestHostsMain() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(work);
        try (TestHostsLab lab = TestHostsLab.start(count, work)) {
            StringBuilder inv = new StringBuilder("all:\n  vars:\n    ansible_user: root\n")
                    .append("    ansible_ssh_private_key_file: ").append(lab.privateKey()).append('\n')
                    .append("    known_hosts_file: ").append(lab.knownHostsFile()).append('\n')
                    .append("    ansible_ssh_common_args: -o UserKnownHostsFile=").append(lab.knownHostsFile())
                    .append(" -o StrictHostKeyChecking=yes\n")
                    .append("    ansible_python_interpreter: /usr/bin/python3\n  hosts:\n");
            for (TestHost host : lab.hosts()) {
                inv.append("    ").append(host.name()).append(": {ansible_host: ").append(host.address()).append("}\n");
            }
            Files.writeString(work.resolve("inventory.yml"), inv.toString());
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(work.resolve("stop"))) {
                Thread.sleep(200);
            }
        }
    }
}
