/** Mesos-style flag parsing shared by the master and agent stand-ins (env MESOS_*, --flag=value, file://). */
package mesoslab.standin.mesos.flags;
