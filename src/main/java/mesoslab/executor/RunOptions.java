package mesoslab.executor;

/**
 * How to run, passed explicitly to the executor (never read from globals).
 *
 * @param forks        how many hosts work at once
 * @param check        change nothing; report what would change
 * @param diff         show file changes
 * @param startAtTask  skip tasks before the first one with this name (null: start at the beginning)
 * @param becomePassword the become password for hosts whose variables name none (asked with -K), or null
 */
public record RunOptions(int forks, boolean check, boolean diff, String startAtTask, mesoslab.common.Secret becomePassword) {
    public static final RunOptions DEFAULT = new RunOptions(20, false, false, null);

    public RunOptions(int forks, boolean check, boolean diff, String startAtTask) {
        this(forks, check, diff, startAtTask, null);
    }

    public RunOptions withBecomePassword(mesoslab.common.Secret password) {
        return new RunOptions(forks, check, diff, startAtTask, password);
    }
}
