package mesoslab.standin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Launches one stand-in by name with the real component's flags, for example
 * {@code java -cp mesoslab.jar mesoslab.standin.Main marathon --master zk://... --zk zk://.../marathon}.
 *
 * <p>Each stand-in registers here under the name of the component it replaces. The stand-ins
 * know nothing of the engine: this class is their only entry point.
 */
public final class Main {

    /** A stand-in's entry point: parses the real component's flags and runs until stopped. */
    @FunctionalInterface
    public interface StandIn {
        /** Returns the process exit code; blocks while the component runs. */
        int run(String[] args) throws Exception;
    }

    private static Map<String, StandIn> standIns() {
        Map<String, StandIn> all = new LinkedHashMap<>();
        // Each stand-in adds one line here: all.put("name", SomeStandIn::main);
        all.put("mesos-master", mesoslab.standin.mesos.master.MesosMasterStandIn::main);
        all.put("mesos-agent", mesoslab.standin.mesos.agent.MesosAgentStandIn::main);
        all.put("hello", mesoslab.standin.hello.HelloStandIn::main);
        all.put("mesos-dns", mesoslab.standin.mesosdns.MesosDnsStandIn::run);
        all.put("bigip", mesoslab.standin.bigip.BigIpStandIn::main);
        all.put("marathon", mesoslab.standin.marathon.MarathonStandIn::main);
        all.put("f5-controller", mesoslab.standin.f5ctlr.F5ControllerStandIn::run);
        return all;
    }

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Map<String, StandIn> all = standIns();
        if (args.length == 0 || !all.containsKey(args[0])) {
            System.err.println("usage: mesoslab.standin.Main " + String.join("|", all.keySet()) + " [the component's own flags]"
                    + (args.length == 0 ? "" : "\nunknown stand-in '" + args[0] + "'"));
            return 2;
        }
        return all.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
