package mesoslab.standin.bigip.dataplane;

import java.util.Optional;

/** What the health monitors last concluded about a pool member, for the REST view of its state. */
@FunctionalInterface
public interface MemberHealth {
    /** {@code up}, {@code down} or {@code checking}; empty when no monitor watches the member. */
    Optional<String> state(String poolFullPath, String memberFullPath);

    MemberHealth NONE = (pool, member) -> Optional.empty();
}
