package mesoslab.standin.bigip.dataplane;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One health check against one member, as BIG-IP's monitors do it: tcp connects (and, with a
 * send string, sends and matches), http/https send the send string and search the answer for
 * the receive string (a regular expression; empty means any answer will do). udp and
 * gateway-icmp cannot be probed without privileges here, so they always pass.
 */
final class Probe {
    private static final int MAX_ANSWER = 64 * 1024;

    private Probe() {}

    /** Whether the member passed; never throws. {@code source} is the self IP to probe from, or null. */
    static boolean check(LbModel.Monitor monitor, String host, int port, InetAddress source, int timeoutMillis) {
        if (monitor.type().equals("udp") || monitor.type().equals("gateway-icmp")) {
            return true;
        }
        try (Socket socket = connect(host, port, source, timeoutMillis, monitor.type().equals("https"))) {
            String send = unescape(monitor.send());
            String recv = monitor.recv();
            boolean http = monitor.type().startsWith("http");
            if (send.isEmpty() && (!http || recv.isEmpty())) {
                return !http || readAny(socket);
            }
            socket.getOutputStream().write(send.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return answerMatches(socket.getInputStream(), recv);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Socket connect(String host, int port, InetAddress source, int timeoutMillis, boolean tls) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(timeoutMillis);
        if (source != null) {
            socket.bind(new InetSocketAddress(source, 0));
        }
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        if (!tls) {
            return socket;
        }
        SSLSocket ssl = (SSLSocket) trustAll().getSocketFactory().createSocket(socket, host, port, true);
        ssl.startHandshake();
        return ssl;
    }

    private static boolean readAny(Socket socket) throws IOException {
        return socket.getInputStream().read() >= 0;
    }

    /** Reads until the receive pattern is found, the peer closes, or the size cap; empty recv = any byte. */
    private static boolean answerMatches(InputStream in, String recv) throws IOException {
        Pattern pattern;
        try {
            pattern = recv.isEmpty() ? null : Pattern.compile(recv);
        } catch (PatternSyntaxException e) {
            pattern = Pattern.compile(Pattern.quote(recv));
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0 && answer.size() < MAX_ANSWER) {
            answer.write(buffer, 0, n);
            if (pattern == null) {
                return true;
            }
            if (pattern.matcher(answer.toString(StandardCharsets.ISO_8859_1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** BIG-IP stores send strings with literal escapes: {@code GET / HTTP/1.0\r\n\r\n}. */
    static String unescape(String send) {
        StringBuilder out = new StringBuilder(send.length());
        for (int i = 0; i < send.length(); i++) {
            char c = send.charAt(i);
            if (c == '\\' && i + 1 < send.length()) {
                char next = send.charAt(++i);
                switch (next) {
                    case 'r' -> out.append('\r');
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** https monitors check that the service answers, not whom it claims to be, as BIG-IP's do. */
    private static SSLContext trustAll() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS is not available", e);
        }
    }
}
