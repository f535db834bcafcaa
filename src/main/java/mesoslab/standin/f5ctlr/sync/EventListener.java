package mesoslab.standin.f5ctlr.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.f5ctlr.marathon.MarathonClient;
import mesoslab.standin.f5ctlr.marathon.MarathonException;
import mesoslab.standin.f5ctlr.marathon.SseParser;

/**
 * Follows Marathon's {@code /v2/events} and triggers a pass on the events that can change a pool:
 * the real controller's five ({@code status_update_event}, {@code event_stream_attached},
 * {@code health_status_changed_event}, {@code app_terminated_event}, {@code api_post_event}) and,
 * in this stand-in, every {@code deployment_*} event too, which costs at most one extra pass per
 * deployment and catches label-only changes at the moment they finish. {@code event_stream_detached}
 * triggers and reconnects. Any failure reconnects after one second, to the next Marathon URL.
 */
public final class EventListener implements AutoCloseable {
    static final Set<String> TRIGGERS = Set.of("status_update_event", "event_stream_attached", "health_status_changed_event",
            "app_terminated_event", "api_post_event");

    private final MarathonClient marathon;
    private final Duration sseTimeout;
    private final Runnable trigger;
    private final Log log;
    private final Thread thread;
    private volatile boolean closed;

    public EventListener(MarathonClient marathon, Duration sseTimeout, Runnable trigger, Log log) {
        this.marathon = marathon;
        this.sseTimeout = sseTimeout;
        this.trigger = trigger;
        this.log = log;
        this.thread = new Thread(this::run, "f5ctlr-events");
        this.thread.setDaemon(true);
    }

    public EventListener start() {
        thread.start();
        return this;
    }

    /** Whether an event of this type makes the controller resync. */
    public static boolean triggers(String eventType) {
        return TRIGGERS.contains(eventType) || eventType.startsWith("deployment_") || eventType.equals("event_stream_detached");
    }

    private void run() {
        while (!closed) {
            URI url = marathon.nextEventUrl();
            log.info("SSE Active, trying fetch events from " + url + "/v2/events");
            try {
                marathon.streamEvents(url, sseTimeout, this::handle);
            } catch (MarathonException e) {
                if (!closed) {
                    log.error("Marathon event exception: " + e.getMessage());
                    log.error("Reconnecting to Marathon event stream...");
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** False ends the stream: after {@code event_stream_detached}, or when closed. */
    private boolean handle(SseParser.Message message) {
        if (closed) {
            return false;
        }
        if (message.data().isBlank()) {
            log.debug("skipping empty message");
            return true;
        }
        for (String type : SseParser.eventTypes(message.data())) {
            log.info("received event of type " + type);
            if (triggers(type)) {
                trigger.run();
            }
            if (type.equals("event_stream_detached")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
