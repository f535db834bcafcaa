package mesoslab.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mesoslab.module.builtin.GetUrlModule;
import mesoslab.module.builtin.UnarchiveModule;
import mesoslab.transport.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive install's download and unpack steps against a real HTTP server on loopback. */
class GetUrlAndUnarchiveTest {
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger downloads = new AtomicInteger();
    byte[] tarball;

    @BeforeEach
    void serveATarball() throws Exception {
        Path src = dir.resolve("src/apache-zookeeper-9.9.9-bin/lib");
        Files.createDirectories(src);
        Files.writeString(src.resolve("zookeeper.jar"), "not really a jar");
        ModuleHarness.in(dir).connection().exec(Command.argv("tar", "-czf", dir.resolve("zk.tar.gz").toString(), "-C",
                dir.resolve("src").toString(), "apache-zookeeper-9.9.9-bin"));
        tarball = Files.readAllBytes(dir.resolve("zk.tar.gz"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/zk.tar.gz", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, tarball.length);
            exchange.getResponseBody().write(tarball);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }

    private Map<String, Object> args(String checksum) {
        return Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/zk.tar.gz",
                "dest", dir.resolve("opt/zookeeper.tar.gz").toString(), "checksum", checksum, "cache_dir", dir.resolve("cache").toString());
    }

    @Test
    void aWrongChecksumWritesNothingAndSaysWhatWasExpected() throws Exception {
        Files.createDirectories(dir.resolve("opt"));
        String wrong = "sha512:" + "0".repeat(128);
        ModuleResult r = ModuleHarness.in(dir).run(new GetUrlModule(), args(wrong));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).contains("checksum mismatch").contains("expected sha512:000").contains("got sha512:" + sha512(tarball));
        assertThat(dir.resolve("opt/zookeeper.tar.gz")).doesNotExist();
        try (var cached = Files.list(dir.resolve("cache"))) {
            assertThat(cached.toList()).isEmpty();
        }
    }

    @Test
    void theRightChecksumDownloadsOnceCachesAndUnpacksIdempotently() throws Exception {
        Files.createDirectories(dir.resolve("opt"));
        ModuleHarness h = ModuleHarness.in(dir);
        ModuleResult first = h.run(new GetUrlModule(), args("sha512:" + sha512(tarball)));
        assertThat(first.changed()).as(String.valueOf(first.msg())).isTrue();
        assertThat(Files.readAllBytes(dir.resolve("opt/zookeeper.tar.gz"))).isEqualTo(tarball);
        ModuleResult second = h.run(new GetUrlModule(), args("sha512:" + sha512(tarball)));
        assertThat(second.changed()).isFalse();
        assertThat(downloads.get()).isEqualTo(1);

        Map<String, Object> unpack = Map.of("src", dir.resolve("opt/zookeeper.tar.gz").toString(), "dest", dir.resolve("opt/zookeeper").toString(),
                "remote_src", true, "extra_opts", List.of("--strip-components=1"), "creates", dir.resolve("opt/zookeeper/lib").toString());
        assertThat(h.run(new UnarchiveModule(), unpack).changed()).isTrue();
        assertThat(dir.resolve("opt/zookeeper/lib/zookeeper.jar")).hasContent("not really a jar");
        assertThat(h.run(new UnarchiveModule(), unpack).changed()).isFalse();
    }

}
