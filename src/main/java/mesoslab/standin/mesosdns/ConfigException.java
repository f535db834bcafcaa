package mesoslab.standin.mesosdns;

/** The config file is missing, not JSON, or a key has a bad value; the message names the key. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
