package mesoslab.transport;

/** Placeholder until the transport layer lands: a connection to one host, closed at the end of the run. */
public interface Connection extends AutoCloseable {
    @Override
    void close();
}
