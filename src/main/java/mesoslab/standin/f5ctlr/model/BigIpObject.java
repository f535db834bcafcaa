package mesoslab.standin.f5ctlr.model;

/** One object the controller creates and keeps equal to the desired state. */
public sealed interface BigIpObject permits Monitor, Pool, Virtual {
    String partition();

    String name();

    ObjectKind kind();

    /** {@code /partition/name}, as other objects refer to it. */
    default String fullPath() {
        return "/" + partition() + "/" + name();
    }
}
