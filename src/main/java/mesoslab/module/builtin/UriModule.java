package mesoslab.module.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;

/**
 * {@code uri}: an HTTP request made from the host, as Ansible's module makes it there. The host
 * needs only curl; the whole request (URL, headers, body, credentials) goes to curl as a config on
 * stdin, so a password never shows in the process list. The result has Ansible's fields:
 * {@code status}, {@code url}, {@code msg}, {@code content} and {@code json} with
 * {@code return_content}, and the response headers in lower case with dashes as underscores.
 * Like Ansible's, it does not run in check mode.
 */
public final class UriModule implements Module {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Separates the body from the trailer curl writes after it with {@code --write-out}. */
    private static final String TRAILER = "\n--mesoslab-uri-trailer--\n";

    @Override
    public String name() {
        return "uri";
    }

    @Override
    public Set<String> options() {
        return Set.of("url", "method", "body", "body_format", "headers", "status_code", "return_content", "timeout",
                "validate_certs", "url_username", "url_password", "force_basic_auth", "follow_redirects");
    }

    @Override
    public Set<String> required() {
        return Set.of("url");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String url = call.string("url");
        String method = call.string("method", "GET");
        if (!method.matches("[A-Z]+")) {
            throw new ModuleArgumentException("method", method, "a single word in upper case, like GET or POST");
        }
        if (call.check()) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("url", url);
            skipped.put("skipped", true);
            skipped.put("msg", "uri does not run in check mode");
            return ModuleResult.ok(skipped);
        }
        List<Integer> expected = expected(call);
        CommandResult r = call.connection().exec(Command.argv("curl", "--config", "-").withStdin(
                curlConfig(call, url, method).getBytes(StandardCharsets.UTF_8)).as(call.become()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", url);
        if (r.rc() == 127 || (r.rc() != 0 && r.stderr().contains("curl: not found"))) {
            return ModuleResult.failed("uri needs curl on " + call.host() + ": install it there, or run the task with"
                    + " delegate_to: localhost", data);
        }
        int split = r.stdout().lastIndexOf(TRAILER);
        if (r.rc() != 0 || split < 0) {
            data.put("status", -1);
            return ModuleResult.failed("Status code was -1 and not " + expected + ": Request failed: "
                    + r.stderr().replaceFirst("^curl: \\(\\d+\\) ", "").trim(), data);
        }
        Map<String, Object> trailer = parseTrailer(r.stdout().substring(split + TRAILER.length()));
        String body = splitHeaders(r.stdout().substring(0, split), (Integer) trailer.get("redirects"), trailer);
        int status = ((Number) trailer.get("status")).intValue();
        data.put("status", status);
        data.put("url", trailer.get("url"));
        data.put("redirected", !url.equals(trailer.get("url")));
        data.put("elapsed", trailer.get("elapsed"));
        data.putAll(headers(trailer));
        String contentType = String.valueOf(trailer.getOrDefault("content_type", ""));
        if (call.bool("return_content", false)) {
            data.put("content", body);
        }
        if (contentType.contains("json") && !body.isBlank()) {
            try {
                data.put("json", JSON.readValue(body, Object.class));
            } catch (java.io.IOException notJson) {
                // the header said JSON but the body is not; Ansible then just leaves json out
            }
        }
        String msg = "OK (" + body.getBytes(StandardCharsets.UTF_8).length + " bytes)";
        if (!expected.contains(status)) {
            return ModuleResult.failed("Status code was " + status + " and not " + expected + ": HTTP Error " + status, data);
        }
        data.put("msg", msg);
        return ModuleResult.ok(data);
    }

    private static List<Integer> expected(ModuleCall call) {
        Object raw = call.args().get("status_code");
        List<Integer> codes = new ArrayList<>();
        for (Object code : raw == null ? List.of(200) : raw instanceof List<?> list ? list : List.of(raw)) {
            try {
                codes.add(Integer.parseInt(String.valueOf(code).trim()));
            } catch (NumberFormatException e) {
                throw new ModuleArgumentException("status_code", code, "an HTTP status code or a list of them");
            }
        }
        return codes;
    }

    private static String curlConfig(ModuleCall call, String url, String method) {
        StringBuilder c = new StringBuilder();
        option(c, "url", url);
        option(c, "request", method);
        c.append("silent\nshow-error\n");
        option(c, "max-time", String.valueOf(call.integer("timeout", 30)));
        // Plain write-out variables and a header dump on stdout work with the curl of older
        // distributions too (Ubuntu 20.04 has no %{json}).
        c.append("dump-header = \"-\"\n");
        option(c, "write-out", TRAILER + "%{http_code} %{num_redirects} %{time_total} %{url_effective}\n%{content_type}");
        if (!call.bool("validate_certs", true)) {
            c.append("insecure\n");
        }
        if (!"none".equals(call.string("follow_redirects", "safe"))) {
            c.append("location\n");
        }
        String user = call.string("url_username", null);
        if (user != null) {
            option(c, "user", user + ":" + call.string("url_password", ""));
            // Ansible sends credentials only after a 401 unless forced; curl's --basic answers the
            // challenge the same way, so both choices end in the same request on the wire.
            c.append("basic\n");
        }
        Object headers = call.args().get("headers");
        if (headers instanceof Map<?, ?> map) {
            map.forEach((k, v) -> option(c, "header", k + ": " + v));
        } else if (headers != null) {
            throw new ModuleArgumentException("headers", headers, "a mapping of header names to values");
        }
        Object body = call.args().get("body");
        if (body != null) {
            String format = call.string("body_format", "raw");
            String text = switch (format) {
                case "json" -> body instanceof String s ? s : json(body);
                case "form-urlencoded" -> formEncoded(body);
                case "raw" -> String.valueOf(body);
                default -> throw new ModuleArgumentException("body_format", format, "raw, json or form-urlencoded");
            };
            if (format.equals("json") && !(headers instanceof Map<?, ?> m && m.keySet().stream().anyMatch(k -> "content-type".equalsIgnoreCase(String.valueOf(k))))) {
                option(c, "header", "Content-Type: application/json");
            }
            option(c, "data-binary", text);
        }
        return c.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModuleArgumentException("body", value, "a value that can be written as JSON");
        }
    }

    private static String formEncoded(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            return String.valueOf(body);
        }
        List<String> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** One line of a curl config file: the value quoted, with the escapes curl's config parser knows. */
    private static void option(StringBuilder config, String name, String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(ch);
            }
        }
        config.append(name).append(" = ").append(quoted).append("\"\n");
    }

    private static Map<String, Object> parseTrailer(String text) {
        String[] lines = text.split("\n", 2);
        String[] fields = lines[0].trim().split(" ", 4);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", Integer.parseInt(fields[0]));
        out.put("redirects", Integer.parseInt(fields[1]));
        out.put("elapsed", Double.parseDouble(fields[2]));
        out.put("url", fields.length > 3 ? fields[3] : "");
        String type = lines.length > 1 ? lines[1].trim() : "";
        out.put("content_type", type.isEmpty() ? null : type);
        return out;
    }

    /**
     * Takes the header blocks curl dumped before the body (one per response: interim 1xx answers
     * and each redirect come first), keeps the final response's headers in {@code trailer} and
     * returns the body.
     */
    private static String splitHeaders(String text, int redirects, Map<String, Object> trailer) {
        int at = 0;
        int finals = 0;
        Map<String, Object> headers = new LinkedHashMap<>();
        while (finals <= redirects) {
            int end = text.indexOf("\r\n\r\n", at);
            if (end < 0) {
                break;
            }
            String[] lines = text.substring(at, end).split("\r\n");
            at = end + 4;
            if (lines[0].matches("HTTP/\\S+ 1\\d\\d.*")) {
                continue;
            }
            finals++;
            headers.clear();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
        }
        trailer.put("headers", headers);
        return text.substring(at);
    }

    /** Response headers as Ansible returns them: lower case, dashes as underscores, one value each. */
    private static Map<String, Object> headers(Map<String, Object> trailer) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (trailer.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase().replace('-', '_'), v));
        }
        if (trailer.get("content_type") != null) {
            out.putIfAbsent("content_type", trailer.get("content_type"));
        }
        return out;
    }
}
