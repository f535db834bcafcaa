# Managed by mesoslab (playbooks/zookeeper.yml).
[Unit]
Description=Apache ZooKeeper (mesoslab)
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=${zk_user}
ExecStart=<#list zk_command as word>${word}<#sep> </#list>
Restart=on-failure
RestartSec=2
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
