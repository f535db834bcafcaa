# Managed by mesoslab (playbooks/mesos.yml, marathon.yml); local edits are overwritten.
# Every flag as MESOS_<FLAG> or MARATHON_<FLAG>: read by the packages' launchers and by the stand-ins alike.
<#list env as name, value>
${name}=${value}
</#list>
