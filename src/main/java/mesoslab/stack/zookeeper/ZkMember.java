package mesoslab.stack.zookeeper;

/** One ensemble member: its inventory name and the client address. */
public record ZkMember(String host, String address, int clientPort) {
    public String endpoint() {
        return address + ":" + clientPort;
    }
}
