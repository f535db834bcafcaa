/**
 * What the Mesos master and agent stand-ins share: resources, MasterInfo and its ZooKeeper
 * detection, zk:// URLs and the internal JSON exchange client.
 */
package mesoslab.standin.mesos.common;
