package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import mesoslab.standin.f5ctlr.marathon.AppsParser;
import mesoslab.standin.f5ctlr.marathon.MarathonApp;
import mesoslab.standin.f5ctlr.marathon.MarathonException;
import mesoslab.standin.http.Json;

/** The recorded {@code GET /v2/apps?embed=apps.tasks} answer the tests share. */
final class Fixtures {
    private Fixtures() {}

    static ObjectNode appsJson() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/mesoslab/standin/f5ctlr/marathon-apps.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MarathonApp> apps() {
        try {
            return AppsParser.parse(appsJson());
        } catch (MarathonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One app of the recording, alone in an apps document. */
    static ObjectNode only(String appId) {
        ObjectNode all = appsJson();
        ObjectNode out = Json.object();
        var array = out.putArray("apps");
        all.path("apps").forEach(app -> {
            if (app.path("id").asText().equals(appId)) {
                array.add(app);
            }
        });
        return out;
    }
}
