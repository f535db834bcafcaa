#!/usr/bin/env bash
# Times the same 21-task workload with mesoslab and with Ansible on N fresh test hosts
# (network namespaces with real OpenSSH, see mesoslab.lab.testhosts). Needs root, openssh-server
# and Debian's ansible-core; with Debian's ansible-mitogen installed, also Ansible under Mitogen.
# Usage: bench/run.sh [N]   (default 20)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-20}"
cd "$here"
mvn -q -B -DskipTests package
work="$(mktemp -d /tmp/mesoslab-bench.XXXXXX)"
# A frozen copy of the launcher and jar, so editing sources during a run cannot trigger a rebuild.
mkdir -p "$work/dist/target"
cp mesoslab "$work/dist/"; cp target/mesoslab.jar "$work/dist/target/"
ml="$work/dist/mesoslab"

lab_up() {
  rm -rf "$work/lab"; mkdir -p "$work/lab"
  java -cp "$work/dist/target/mesoslab.jar" mesoslab.lab.testhosts.TestHostsMain "$n" "$work/lab" > "$work/lab.out" 2>&1 &
  lab_pid=$!
  for _ in $(seq 1 300); do grep -q READY "$work/lab.out" 2>/dev/null && return 0; sleep 0.2; done
  echo "test hosts did not come up:"; cat "$work/lab.out"; exit 1
}
lab_down() { touch "$work/lab/stop"; wait "$lab_pid" || true; }
timed() { local start end; start=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { tail -30 "$work/last.log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }

# The raw floor: 21 trivial commands per host, hosts in parallel, over OpenSSH connections that
# are already open (ControlMaster), so neither tool's start-up nor handshakes are counted.
floor() {
  local addrs; addrs=$(grep -o 'ansible_host: [0-9.]*' "$work/lab/inventory.yml" | awk '{print $2}')
  local opts=(-i "$work/lab/id_ed25519" -o UserKnownHostsFile="$work/lab/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)
  for a in $addrs; do ssh "${opts[@]}" -o ControlMaster=yes -o ControlPersist=120 -S "$work/cm-$a" -fN "root@$a"; done
  local start end; start=$(date +%s.%N)
  for a in $addrs; do ( for _ in $(seq 1 21); do ssh "${opts[@]}" -S "$work/cm-$a" "root@$a" true; done ) & done
  wait
  end=$(date +%s.%N)
  for a in $addrs; do ssh -S "$work/cm-$a" -O exit "root@$a" 2>/dev/null || true; done
  echo "$end - $start" | bc
}

lab_up
f=$(floor)
# The launcher users run; a --check pass first, so the class-data archive the launcher keeps per
# build exists (a one-time cost after each build) and nothing on the hosts changes.
"$ml" run bench/workload/mesoslab.yml -i "$work/lab/inventory.yml" -f "$n" --check > /dev/null 2>&1 || true
m1=$(timed "$ml" run bench/workload/mesoslab.yml -i "$work/lab/inventory.yml" -f "$n")
grep -E 'changed=' "$work/last.log" | head -2
m2=$(timed "$ml" run bench/workload/mesoslab.yml -i "$work/lab/inventory.yml" -f "$n")
grep -qE "changed=[1-9]" "$work/last.log" && { grep -B2 "^changed:" "$work/last.log" | head -20; echo "mesoslab second run changed something"; exit 1; }
lab_down

printf "[defaults]\n" > "$work/ansible.cfg"
export ANSIBLE_CONFIG="$work/ansible.cfg" ANSIBLE_NOCOLOR=1 ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_RETRY_FILES_ENABLED=False
lab_up
a1=$(ANSIBLE_PIPELINING=True ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=60s" timed ansible-playbook -f "$n" -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
a2=$(ANSIBLE_PIPELINING=True ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=60s" timed ansible-playbook -f "$n" -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
lab_down
lab_up
d1=$(timed ansible-playbook -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
d2=$(timed ansible-playbook -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
lab_down
mitogen=/usr/lib/python3/dist-packages/ansible_mitogen/plugins/strategy
if [ -d "$mitogen" ]; then
  lab_up
  g1=$(ANSIBLE_STRATEGY_PLUGINS="$mitogen" ANSIBLE_STRATEGY=mitogen_linear timed ansible-playbook -f "$n" -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
  g2=$(ANSIBLE_STRATEGY_PLUGINS="$mitogen" ANSIBLE_STRATEGY=mitogen_linear timed ansible-playbook -f "$n" -i "$work/lab/inventory.yml" bench/workload/ansible.yml)
  lab_down
fi

printf '| run | mesoslab (s) | Ansible, pipelining + ControlPersist, -f %s (s) | ratio | Ansible defaults (forks 5) (s) | ratio |\n' "$n"
printf '|---|---|---|---|---|---|\n'
printf '| first (changes) | %.2f | %.2f | %.1fx | %.2f | %.1fx |\n' "$m1" "$a1" "$(echo "$a1/$m1" | bc -l)" "$d1" "$(echo "$d1/$m1" | bc -l)"
printf '| second (no changes) | %.2f | %.2f | %.1fx | %.2f | %.1fx |\n' "$m2" "$a2" "$(echo "$a2/$m2" | bc -l)" "$d2" "$(echo "$d2/$m2" | bc -l)"
if [ -n "${g1:-}" ]; then
  printf '\nAnsible with Mitogen (mitogen_linear, -f %s): first %.2f s (%.1fx mesoslab), second %.2f s (%.1fx)\n' \
    "$n" "$g1" "$(echo "$g1/$m1" | bc -l)" "$g2" "$(echo "$g2/$m2" | bc -l)"
fi
printf '\nraw floor (%s hosts x 21 commands over open OpenSSH connections): %.2f s; mesoslab second run / floor: %.1fx\n' \
  "$n" "$f" "$(echo "$m2/$f" | bc -l)"
rm -rf "$work"
