package mesoslab.executor;

import mesoslab.common.MesoslabException;

/** A host could not be reached: the host leaves the run and is reported unreachable (exit code 4). */
public final class UnreachableHostException extends MesoslabException {
    private final String host;

    public UnreachableHostException(String host, MesoslabException cause) {
        super("host " + host + " is unreachable: " + cause.getMessage(), cause.hint(), cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
