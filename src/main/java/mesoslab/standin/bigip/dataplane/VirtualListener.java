package mesoslab.standin.bigip.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One virtual server's listening socket: accepts client connections and splices each to a pool
 * member chosen by the balancer. With no member available the client is reset at once (linger 0)
 * rather than left waiting, as BIG-IP resets a connection to a virtual whose pool is down.
 */
final class VirtualListener implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private final ServerSocket server;
    private final ExecutorService workers;
    private final Function<String, List<LbModel.Member>> balancer;
    private final InetAddress snatSource;
    private final Consumer<String> log;
    private final Thread acceptor;
    private volatile LbModel.Virtual virtual;

    /**
     * @param balancer   for a virtual's full path, the members to try in order (empty: refuse)
     * @param snatSource the self IP connections to members come from (SNAT automap), or null
     */
    VirtualListener(LbModel.Virtual virtual, ExecutorService workers, Function<String, List<LbModel.Member>> balancer,
            InetAddress snatSource, Consumer<String> log) throws IOException {
        this.virtual = virtual;
        this.workers = workers;
        this.balancer = balancer;
        this.snatSource = snatSource;
        this.log = log;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(virtual.listen(), 128);
        this.acceptor = new Thread(this::acceptLoop, "bigip-vs " + virtual.fullPath());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    LbModel.Virtual virtual() {
        return virtual;
    }

    /** A new pool or name for the same listening address takes effect for the next connection. */
    void update(LbModel.Virtual changed) {
        this.virtual = changed;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.accept("virtual " + virtual.fullPath() + ": accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        for (LbModel.Member member : balancer.apply(virtual.fullPath())) {
            Socket backend = new Socket();
            try {
                if (snatSource != null) {
                    backend.bind(new InetSocketAddress(snatSource, 0));
                }
                backend.connect(new InetSocketAddress(member.host(), member.port()), CONNECT_TIMEOUT_MILLIS);
                splice(client, backend);
                return;
            } catch (IOException e) {
                closeQuietly(backend);
                // The monitor has not noticed yet; try the next member rather than fail the client.
            }
        }
        reset(client);
    }

    private void splice(Socket client, Socket backend) {
        workers.execute(() -> pump(backend, client));
        pump(client, backend);
    }

    /**
     * Copies one direction until EOF, then half-closes the other side so its peer sees the end
     * too. Each direction shuts down before it looks at the other, so whichever finishes last
     * sees both done and closes the pair. (The streams are not closed: that would close the socket.)
     */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
            return;
        }
        if (from.isOutputShutdown()) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void reset(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already gone; closing is all that is left
        }
        closeQuietly(client);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: the connection is being dropped anyway
        }
    }

    /**
     * Stops listening and waits for the accept thread to leave {@code accept()}: until it does,
     * the kernel keeps the socket open and would still take connections into the backlog, only
     * to reset them, where a stopped virtual must refuse them.
     */
    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
        } catch (IOException e) {
            log.accept("virtual " + virtual.fullPath() + ": close failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
