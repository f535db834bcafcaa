package mesoslab.standin.marathon;

import java.util.List;

/** One entry of a 422 answer's {@code details}: a JSON path into the app and what is wrong there. */
record Violation(String path, List<String> errors) {}
