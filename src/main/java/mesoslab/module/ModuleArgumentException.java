package mesoslab.module;

/** An argument's value has the wrong type or form; the task fails with this message. */
public final class ModuleArgumentException extends RuntimeException {
    public ModuleArgumentException(String name, Object value, String expected) {
        super("argument '" + name + "' must be " + expected + ", not '" + value + "'");
    }

    public ModuleArgumentException(String message) {
        super(message);
    }
}
