/**
 * The Marathon stand-in: Marathon's flags and {@code MARATHON_*} environment, a Curator-style
 * leader latch in ZooKeeper, a v1 scheduler API framework on the Mesos stand-ins, the REST v2
 * API with its real JSON shapes, SSE events and Marathon-side health checks.
 */
package mesoslab.standin.marathon;
