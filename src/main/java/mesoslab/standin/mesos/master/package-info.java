/**
 * The mesos-master stand-in: ZooKeeper election via json.info_ znodes, read-only endpoints with
 * Mesos' 307/503 redirects, the v1 scheduler HTTP API (JSON, RecordIO events) and the offer cycle.
 */
package mesoslab.standin.mesos.master;
