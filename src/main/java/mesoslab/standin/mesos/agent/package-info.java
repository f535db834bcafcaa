/**
 * The mesos-agent stand-in: registration with the leading master over the stand-in agent channel,
 * tasks as real processes in sandboxes, and docker images mapped to built-in stand-ins.
 */
package mesoslab.standin.mesos.agent;
