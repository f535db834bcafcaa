# Managed by mesoslab (playbooks/mesos.yml); local edits are overwritten.
# Every Mesos flag as MESOS_<FLAG>: read by mesos-init-wrapper and by the stand-in alike.
<#list env as name, value>
${name}=${value}
</#list>
