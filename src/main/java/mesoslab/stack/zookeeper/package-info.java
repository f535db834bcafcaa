/**
 * ZooKeeper knowledge: probing members with four-letter words, judging the quorum (healthy,
 * degraded but serving, failed) with evidence per member, and the {@code zk_quorum} module.
 */
package mesoslab.stack.zookeeper;
