package mesoslab.standin.f5ctlr.sync;

import mesoslab.standin.f5ctlr.model.BigIpObject;
import mesoslab.standin.f5ctlr.model.ObjectKind;

/** One change to make on the BIG-IP, in the order the {@link Differ} put it. */
public sealed interface Operation {
    ObjectKind kind();

    String partition();

    String name();

    /** {@code POST} to the collection. */
    record Create(BigIpObject object) implements Operation {
        @Override
        public ObjectKind kind() {
            return object.kind();
        }

        @Override
        public String partition() {
            return object.partition();
        }

        @Override
        public String name() {
            return object.name();
        }
    }

    /** {@code PUT} of the whole desired object over the existing one. */
    record Update(BigIpObject object) implements Operation {
        @Override
        public ObjectKind kind() {
            return object.kind();
        }

        @Override
        public String partition() {
            return object.partition();
        }

        @Override
        public String name() {
            return object.name();
        }
    }

    /** {@code DELETE} of an object by the name BIG-IP spells it. */
    record Delete(ObjectKind kind, String partition, String name) implements Operation {}

    /** Short form for logs: {@code create ltm/pool /mesos/app_80}. */
    default String describe() {
        String verb = this instanceof Create ? "create" : this instanceof Update ? "update" : "delete";
        return verb + " " + kind().collection() + " /" + partition() + "/" + name();
    }
}
