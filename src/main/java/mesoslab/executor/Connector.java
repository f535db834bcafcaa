package mesoslab.executor;

import java.util.Map;
import mesoslab.transport.Connection;

/**
 * Opens the connection to a host from its variables ({@code ansible_connection},
 * {@code ansible_host}, ...). The executor opens at most one per host per run and closes them
 * all at the end.
 */
@FunctionalInterface
public interface Connector {
    /** Throws {@link mesoslab.common.MesoslabException} subtypes when the host cannot be reached. */
    Connection open(String host, Map<String, Object> vars);
}
