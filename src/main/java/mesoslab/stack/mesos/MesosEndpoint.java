package mesoslab.stack.mesos;

/** One Mesos master or agent of the inventory: its host name there and where its HTTP API listens. */
public record MesosEndpoint(String host, String address, int port) {
    public String hostPort() {
        return address + ":" + port;
    }
}
