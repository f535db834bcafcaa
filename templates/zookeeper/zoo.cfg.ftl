# Managed by mesoslab (playbooks/zookeeper.yml); local edits are overwritten.
# A properties file: no comments after values on the same line.
tickTime=${zk_tick_time}
initLimit=${zk_init_limit}
syncLimit=${zk_sync_limit}
dataDir=${zk_data_dir}
clientPort=${zk_client_port}
clientPortAddress=${zk_client_address}
maxClientCnxns=60
autopurge.snapRetainCount=3
autopurge.purgeInterval=1
4lw.commands.whitelist=ruok,mntr,srvr,stat,conf,isro
# The AdminServer's default port 8080 is Marathon's: move it.
admin.enableServer=true
admin.serverAddress=${zk_address}
admin.serverPort=${zk_admin_port}
quorumListenOnAllIPs=${zk_quorum_listen_on_all_ips}
<#list groups.zookeeper as member>
server.${hostvars[member].zk_id}=${hostvars[member].zk_address}:${zk_peer_port}:${zk_election_port}
</#list>
