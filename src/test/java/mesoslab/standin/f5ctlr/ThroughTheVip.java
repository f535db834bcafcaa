package mesoslab.standin.f5ctlr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the app behind a virtual server: one HTTP/1.0 request per TCP connection, because
 * the data plane balances connections, not requests (a pooling HTTP client would stay on one member).
 */
final class ThroughTheVip {
    private static final Pattern TASK_ID = Pattern.compile("(?im)^X-Task-Id:\\s*(\\S+)");

    private ThroughTheVip() {}

    /** GET / through {@code address:port}; the id of the task that answered (hello's X-Task-Id), if it did. */
    static Optional<String> taskThatAnswers(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + address + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = TASK_ID.matcher(response);
            return response.startsWith("HTTP/1.") && response.contains(" 200 ") && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }
}
