/**
 * Mesos-DNS stand-in: reads the real {@code config.json}, finds the leading Mesos master through
 * ZooKeeper ({@code json.info_} znodes) or the configured {@code masters}, turns
 * {@code /master/state} into Mesos-DNS's record set with its naming rules, and serves it over DNS
 * (UDP and TCP, via dnsjava) and the {@code /v1} HTTP API.
 *
 * <p>The record generation ({@link mesoslab.standin.mesosdns.RecordGenerator}) is a pure function
 * from the parsed state to a {@link mesoslab.standin.mesosdns.RecordSet}; the servers only read
 * the current record set, so the naming rules are tested without sockets.
 */
package mesoslab.standin.mesosdns;
