/**
 * Marathon from the controller's side: {@code marathon_cluster} judges the instances of an
 * inventory group over Marathon's REST API and the framework's state in Mesos. Knows the wire
 * APIs only; never which implementation (real or stand-in) answers.
 */
package mesoslab.stack.marathon;
