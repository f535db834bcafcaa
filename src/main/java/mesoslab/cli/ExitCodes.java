package mesoslab.cli;

/** The process exit codes (DESIGN.md section 1). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID_INPUT = 2;
    public static final int TASK_FAILED = 3;
    public static final int UNREACHABLE = 4;
    public static final int VERIFY_FAILED = 5;
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
