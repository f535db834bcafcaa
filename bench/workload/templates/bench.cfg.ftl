# bench config for ${inventory_hostname}
port=${port}
dataDir=${root}/data
<#list groups.all as h>
peer.${h?index + 1}=${hostvars[h].ansible_host}
</#list>
