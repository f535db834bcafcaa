${mesos_zk}
