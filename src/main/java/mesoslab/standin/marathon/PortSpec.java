package mesoslab.standin.marathon;

/**
 * One port of an app: a BRIDGE {@code portMapping} or a host-networking {@code portDefinition}.
 *
 * @param containerPort the port inside the container (BRIDGE only, else null)
 * @param hostPort      null: no host port; 0: any port from the offer; else exactly that port
 * @param servicePort   the logical port load balancers use (0 until assigned)
 * @param protocol      {@code tcp}, {@code udp} or {@code udp,tcp}
 * @param name          optional name ({@code PORT_<NAME>} in the task's environment)
 */
record PortSpec(Integer containerPort, Integer hostPort, int servicePort, String protocol, String name) {

    PortSpec withServicePort(int port) {
        return new PortSpec(containerPort, hostPort, port, protocol, name);
    }

    /** The port the app declared (what {@code PORT_<declared>} is named after), 0 if none. */
    int declared() {
        return containerPort != null ? containerPort : servicePort;
    }
}
