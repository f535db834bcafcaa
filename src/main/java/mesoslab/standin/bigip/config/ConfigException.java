package mesoslab.standin.bigip.config;

/**
 * An mcpd refusal, carried to the client as F5's error body
 * {@code {"code":..,"message":..,"errorStack":[],"apiError":..}}. The messages are mcpd's own
 * (reference section 3.9); those marked there as unconfirmed are our best reading.
 */
public final class ConfigException extends Exception {
    private final int code;
    private final int apiError;

    public ConfigException(int code, String message, int apiError) {
        super(message);
        this.code = code;
        this.apiError = apiError;
    }

    public int code() {
        return code;
    }

    public int apiError() {
        return apiError;
    }

    public static ConfigException notFound(String label, String what) {
        return new ConfigException(404, "01020036:3: The requested " + label + " (" + what + ") was not found.", 3);
    }

    public static ConfigException alreadyExists(String label, String what, String partition) {
        return new ConfigException(409, "01020066:3: The requested " + label + " (" + what + ") already exists in partition "
                + partition + ".", 3);
    }

    public static ConfigException badRequest(String message) {
        return new ConfigException(400, message, 3);
    }

    public static ConfigException folderNotFound(String partition) {
        return new ConfigException(400, "The requested folder (/" + partition + ") was not found.", 26214401);
    }
}
