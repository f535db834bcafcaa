/**
 * Mesos from the controller's side: {@code mesos_cluster} judges the masters and agents of an
 * inventory over their HTTP APIs and ZooKeeper (one leader agreed by both, every agent active).
 * Knows Mesos's wire API only; never which implementation (real or stand-in) answers.
 */
package mesoslab.stack.mesos;
