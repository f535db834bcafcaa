package mesoslab.standin.f5ctlr.sync;

import mesoslab.standin.f5ctlr.model.BigIpObject;
import mesoslab.standin.f5ctlr.model.ObjectKind;

/** One change to make on the BIG-IP, in the order the {@link Differ} put it. */
public sealed interface Operation {
    ObjectKind kind();

    String partition();

    String name();

    /** An operation that sends a whole desired object; its identity is the object's. */
    sealed interface WithObject extends Operation {
        BigIpObject object();

        @Override
        default ObjectKind kind() {
            return object().kind();
        }

        @Override
        default String partition() {
            return object().partition();
        }

        @Override
        default String name() {
            return object().name();
        }
    }

    /** {@code POST} to the collection. */
    record Create(BigIpObject object) implements WithObject {}

    /** {@code PUT} of the whole desired object over the existing one. */
    record Update(BigIpObject object) implements WithObject {}

    /** {@code DELETE} of an object by the name BIG-IP spells it. */
    record Delete(ObjectKind kind, String partition, String name) implements Operation {}

    /** Short form for logs: {@code create ltm/pool /mesos/app_80}. */
    default String describe() {
        String verb = this instanceof Create ? "create" : this instanceof Update ? "update" : "delete";
        return verb + " " + kind().collection() + " /" + partition() + "/" + name();
    }
}
