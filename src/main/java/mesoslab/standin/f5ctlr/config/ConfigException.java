package mesoslab.standin.f5ctlr.config;

/** A missing or invalid setting; the message is the one line argparse would print after "error:". */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
