package mesoslab.module.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mesoslab.module.FileContent;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.transport.FileState;

/**
 * {@code get_url}: downloads on the control machine into a cache (so each file crosses the
 * internet once, and hosts without internet still get it), verifies the {@code checksum}
 * ({@code sha256:...} or {@code sha512:...}) before anything is written, then puts the file on
 * the host like {@code copy} (atomic, idempotent by checksum).
 */
public final class GetUrlModule implements Module {
    /** Built on first download only: creating an HttpClient sets up TLS, which every run would pay for. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    @Override
    public String name() {
        return "get_url";
    }

    @Override
    public Set<String> options() {
        return Set.of("url", "dest", "checksum", "mode", "owner", "group", "timeout", "cache_dir", "force");
    }

    @Override
    public Set<String> required() {
        return Set.of("url", "dest");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String url = call.string("url");
        String dest = call.string("dest");
        Checksum checksum = Checksum.parse(call.string("checksum"));
        FileState state = call.connection().stat(dest, call.become());
        if (state.isFile() && checksum == null && !call.bool("force", false)) {
            return ModuleResult.ok(Map.of("dest", dest, "msg", "file already exists (no checksum given to compare)"));
        }
        Path cache = Path.of(call.string("cache_dir", System.getProperty("user.home") + "/.cache/mesoslab/downloads"));
        Path cached;
        try {
            cached = download(url, cache, checksum, call.integer("timeout", 120));
        } catch (ChecksumMismatch e) {
            return ModuleResult.failed(e.getMessage(), Map.of("url", url, "dest", dest));
        } catch (IOException e) {
            return ModuleResult.failed("cannot download " + url + ": " + e.getMessage(), Map.of("url", url, "dest", dest));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModuleResult.failed("download interrupted", Map.of("url", url));
        }
        try {
            byte[] content = Files.readAllBytes(cached);
            ModuleResult result = FileContent.ensure(call, dest, content, null, state);
            result.data().put("url", url);
            return result;
        } catch (IOException e) {
            throw new ModuleArgumentException("cannot read the cached download " + cached + ": " + e.getMessage());
        }
    }

    /** The cached file for {@code url}, downloaded (and verified) only when not cached yet. */
    static Path download(String url, Path cacheDir, Checksum checksum, int timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(cacheDir);
        String name = url.substring(url.lastIndexOf('/') + 1);
        Path cached = cacheDir.resolve((checksum == null ? "unverified" : checksum.hex().substring(0, 16)) + "-" + name);
        if (Files.isRegularFile(cached) && checksum != null && checksum.matches(cached)) {
            return cached;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build();
        HttpResponse<InputStream> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        Path tmp = Files.createTempFile(cacheDir, ".download", ".part");
        try (InputStream in = response.body()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (checksum != null && !checksum.matches(tmp)) {
                throw new ChecksumMismatch(url, checksum, Checksum.digest(checksum.algorithm(), tmp));
            }
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A checksum as playbooks write it: {@code algorithm:hex}. */
    record Checksum(String algorithm, String hex) {
        static Checksum parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new ModuleArgumentException("checksum", text, "'sha256:<hex>' or 'sha512:<hex>'");
            }
            String algorithm = text.substring(0, colon).toLowerCase(Locale.ROOT);
            String hex = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!algorithm.equals("sha256") && !algorithm.equals("sha512") || !hex.matches("[0-9a-f]+")) {
                throw new ModuleArgumentException("checksum", text, "'sha256:<hex>' or 'sha512:<hex>'");
            }
            return new Checksum(algorithm, hex);
        }

        boolean matches(Path file) throws IOException {
            return digest(algorithm, file).equals(hex);
        }

        static String digest(String algorithm, Path file) throws IOException {
            try {
                MessageDigest md = MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        md.update(buffer, 0, n);
                    }
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The download is not the file the playbook pinned: nothing is written. */
    static final class ChecksumMismatch extends IOException {
        ChecksumMismatch(String url, Checksum expected, String actual) {
            super("checksum mismatch for " + url + ": expected " + expected.algorithm() + ":" + expected.hex()
                    + ", got " + expected.algorithm() + ":" + actual + "; nothing was written (is the pinned checksum for this version?)");
        }
    }
}
