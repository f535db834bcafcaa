package mesoslab.common;

import java.nio.file.Path;

/**
 * A place in an input file, 1-based, as an editor shows it. {@code line == 0} means "the whole
 * file" (for example a missing file).
 */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(display(file), line, column);
    }

    public static SourceLocation file(Path file) {
        return new SourceLocation(display(file), 0, 0);
    }

    /** The same file, {@code columns} further to the right on the same line. */
    public SourceLocation shifted(int lines, int columns) {
        return new SourceLocation(file, line + lines, lines > 0 ? columns + 1 : column + columns);
    }

    /** Paths are shown relative to the working directory when they are below it, as a user typed them. */
    static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
