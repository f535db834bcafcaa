package mesoslab.standin.f5ctlr.bigip;

import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.f5ctlr.sync.Operation;

/**
 * Sends {@link Operation}s in the order given, with CCCL's error rules: 409 on create means it
 * already exists (skip), 404 on update or delete means it is gone already (skip), any other error
 * puts the operation back in the queue; the queue is worked again while it keeps shrinking, which
 * lets an operation that lost a race with its dependency succeed. An unreachable BIG-IP ends the
 * whole apply at once.
 */
public final class Applier {
    /** What an apply left undone; {@code incomplete == 0} means the partition now matches. */
    public record Result(int done, int incomplete, String lastError) {}

    private final IControlClient client;
    private final String userAgent;
    private final Log log;

    public Applier(IControlClient client, String userAgent, Log log) {
        this.client = client;
        this.userAgent = userAgent;
        this.log = log;
    }

    public Result apply(List<Operation> operations) throws IControlException {
        List<Operation> queue = new ArrayList<>(operations);
        int done = 0;
        String lastError = null;
        while (!queue.isEmpty()) {
            List<Operation> failed = new ArrayList<>();
            for (Operation op : queue) {
                try {
                    send(op);
                    done++;
                    log.info(op.describe());
                } catch (IControlException e) {
                    if (e.unreachable()) {
                        throw e;
                    }
                    if (skippable(op, e.status())) {
                        log.debug(op.describe() + ": " + e.getMessage() + " (skipped)");
                        continue;
                    }
                    lastError = op.describe() + ": " + e.getMessage();
                    log.warning(lastError);
                    failed.add(op);
                }
            }
            boolean progress = failed.size() < queue.size();
            queue = failed;
            if (!progress) {
                break; // retrying now would fail the same way; the loop's backoff retries later
            }
        }
        return new Result(done, queue.size(), lastError);
    }

    private static boolean skippable(Operation op, int status) {
        return op instanceof Operation.Create ? status == 409 : status == 404;
    }

    private void send(Operation op) throws IControlException {
        String collection = op.kind().collection();
        if (op instanceof Operation.Create create) {
            client.post(collection + "/", Bodies.of(create.object(), userAgent));
        } else if (op instanceof Operation.Update update) {
            client.put(IControlClient.objectPath(collection, op.partition(), op.name()) + "/", Bodies.of(update.object(), userAgent));
        } else {
            client.delete(IControlClient.objectPath(collection, op.partition(), op.name()) + "/");
        }
    }
}
