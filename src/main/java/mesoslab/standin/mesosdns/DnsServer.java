package mesoslab.standin.mesosdns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS over UDP and TCP on one address and port; each message is answered by a
 * {@link DnsResponder}. Port 0 picks a free port, the same for both transports.
 */
public final class DnsServer implements AutoCloseable {
    private static final int TCP_IDLE_TIMEOUT_MS = 8_000;

    private final DnsResponder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService workers;

    private DnsServer(DnsResponder responder, DatagramSocket udp, ServerSocket tcp) {
        this.responder = responder;
        this.udp = udp;
        this.tcp = tcp;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "mesos-dns-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds both sockets and starts serving. */
    public static DnsServer start(DnsResponder responder, InetAddress address, int port) throws IOException {
        IOException last = null;
        // With port 0 the UDP port is free for UDP only; retry a few times if TCP finds it taken.
        for (int attempt = 0; attempt < (port == 0 ? 10 : 1); attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), 128);
                DnsServer server = new DnsServer(responder, udp, tcp);
                server.workers.execute(server::serveUdp);
                server.workers.execute(server::serveTcp);
                return server;
            } catch (BindException e) {
                udp.close();
                last = e;
            }
        }
        throw last;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] query = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            java.net.SocketAddress client = packet.getSocketAddress();
            workers.execute(() -> {
                byte[] answer = responder.answer(query, false);
                if (answer != null) {
                    try {
                        udp.send(new DatagramPacket(answer, answer.length, client));
                    } catch (IOException e) {
                        // the client went away or the socket closed: nothing to answer
                    }
                }
            });
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                workers.execute(() -> serveConnection(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Length-prefixed messages until the client closes or idles out. */
    private void serveConnection(Socket socket) {
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            socket.setSoTimeout(TCP_IDLE_TIMEOUT_MS);
            while (true) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                byte[] answer = responder.answer(query, true);
                if (answer == null) {
                    return;
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (EOFException | SocketException e) {
            // the client closed the connection
        } catch (IOException e) {
            // read timeout or broken connection: drop it like any DNS server does
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // already closed
        }
        workers.shutdownNow();
    }
}
