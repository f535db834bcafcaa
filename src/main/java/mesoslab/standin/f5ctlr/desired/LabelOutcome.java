package mesoslab.standin.f5ctlr.desired;

/** What the labels of one service port amount to. */
public sealed interface LabelOutcome {
    /** A service to configure (pool, and a virtual server if it has a bind address). */
    record Service(ServiceSpec spec, java.util.List<String> warnings) implements LabelOutcome {}

    /** A label value is invalid: the real controller logs it and skips only this port. */
    record Invalid(String reason) implements LabelOutcome {}

    /** {@code F5_{n}_IAPP_TEMPLATE}: iApp mode, which this stand-in does not implement. */
    record IApp(String template) implements LabelOutcome {}
}
