${zk_id}
