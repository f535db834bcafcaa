/** Stand-ins for the Apache Mesos master and agent (sub-packages master, agent, common, flags). */
package mesoslab.standin.mesos;
