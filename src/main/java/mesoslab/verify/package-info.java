/**
 * Generic probes and waits, knowing nothing of Mesos: {@link mesoslab.verify.Await} polls until a
 * condition holds and, on timeout, reports the last observation; four-letter-word, TCP, HTTP and
 * DNS probes. Depends on {@code common}.
 */
package mesoslab.verify;
