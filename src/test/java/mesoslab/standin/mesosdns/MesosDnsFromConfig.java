package mesoslab.standin.mesosdns;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts a Mesos-DNS server the way the real one starts: from a config.json file, serving once the first state is loaded. */
final class MesosDnsFromConfig {
    private MesosDnsFromConfig() {}

    static MesosDnsServer start(Path dir, String configJson) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, configJson);
        MesosDnsServer server = new MesosDnsServer(new ConfigReader(List.of()).read(config), "test-version",
                new PrintStream(new ByteArrayOutputStream()), false);
        server.start();
        if (!server.awaitReady(Duration.ofSeconds(10))) {
            server.close();
            throw new AssertionError("no first state load within 10 s from " + configJson);
        }
        return server;
    }
}
