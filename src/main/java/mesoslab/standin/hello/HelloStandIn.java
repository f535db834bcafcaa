package mesoslab.standin.hello;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * The demo app {@code hello} (stand-in for f5devcentral/f5-hello-world): {@code /} names the task
 * and host that answered, so traffic through a load balancer shows which instance served it;
 * {@code /health} answers 200 for Marathon health checks.
 */
public final class HelloStandIn implements AutoCloseable {
    private final StandInHttpServer http;

    private HelloStandIn(StandInHttpServer http) {
        this.http = http;
    }

    /** Port from {@code --port N}, else {@code $PORT0}, else 8080; binds {@code $HOST}'s address or all. */
    public static HelloStandIn start(String[] args, Map<String, String> env) throws Exception {
        int port = Integer.parseInt(env.getOrDefault("PORT0", "8080"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = Integer.parseInt(args[i].substring("--port=".length()));
            } else {
                throw new IllegalArgumentException("hello: unknown argument '" + args[i] + "' (only --port N)");
            }
        }
        String taskId = env.getOrDefault("MESOS_TASK_ID", "local");
        String host = env.getOrDefault("HOST", InetAddress.getLocalHost().getHostName());
        // Bind where the task is advertised ($HOST, set by Marathon) so nothing else is exposed.
        String bind = env.get("HOST");
        StandInHttpServer http = StandInHttpServer.http(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port));
        http.get("/", r -> Response.text(200, "Hello from " + taskId + " on " + host + "\n")
                .withHeader("X-Task-Id", taskId));
        http.get("/health", r -> Response.json(Json.object().put("status", "ok").put("task", taskId)));
        http.start();
        return new HelloStandIn(http);
    }

    public static int main(String[] args) throws Exception {
        try {
            HelloStandIn hello = start(args, System.getenv());
            System.err.println("hello listening on port " + hello.port());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        new CountDownLatch(1).await();
        return 0;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }
}
