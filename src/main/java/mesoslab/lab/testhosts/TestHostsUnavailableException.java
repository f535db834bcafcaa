package mesoslab.lab.testhosts;

import mesoslab.common.MesoslabException;

/** The test hosts could not be created or failed a safety check; nothing is left running. */
public final class TestHostsUnavailableException extends MesoslabException {
    public TestHostsUnavailableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
