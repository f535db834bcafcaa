#!/usr/bin/env bash
# Start-up time of the stand-ins: wall time from `java ... mesoslab.standin.Main <kind>` to the
# first HTTP answer (any status) on its port, for mesos-master, mesos-agent, marathon and hello,
# with the JVM options of the ./mesoslab launcher, without and with a class-data archive (one
# per kind, written by a first run with -XX:ArchiveClassesAtExit). Masters, agents and Marathon
# talk to a real standalone ZooKeeper started here. Loopback only.
# Usage: bench/standin-startup.sh [RUNS]   (default 5; prints min and median per kind)
#        JAR=/path/to/other/mesoslab.jar bench/standin-startup.sh   to time another build
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
jar="${JAR:-$here/target/mesoslab.jar}"
[ -f "$jar" ] || (cd "$here" && mvn -q -B -o -DskipTests package)
work="$(mktemp -d /tmp/standin-startup.XXXXXX)"
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

zk_port=$(free_port)
mkdir -p "$work/zk"
"${jvm[@]}" -Dzookeeper.admin.enableServer=false -cp "$jar" org.apache.zookeeper.server.ZooKeeperServerMain \
  "127.0.0.1:$zk_port" "$work/zk" > "$work/zk.log" 2>&1 &
pids+=($!)
zk_ok() { exec 3<>"/dev/tcp/127.0.0.1/$zk_port" && echo ruok >&3 && grep -q imok <&3; }
for _ in $(seq 1 100); do (zk_ok) 2>/dev/null && break; sleep 0.1; done
zk="127.0.0.1:$zk_port"

flags() { # kind port n
  case "$1" in
    mesos-master) echo "--zk=zk://$zk/mesos --ip=127.0.0.1 --port=$2 --quorum=1 --work_dir=$work/m$3" ;;
    mesos-agent) echo "--master=zk://$zk/mesos --ip=127.0.0.1 --port=$2 --work_dir=$work/a$3" ;;
    marathon) echo "--master zk://$zk/mesos --zk zk://$zk/marathon-$3 --http_address 127.0.0.1 --http_port $2 --hostname 127.0.0.1" ;;
    hello) echo "--port $2" ;;
  esac
}

# One start: prints milliseconds until the port answers HTTP, then stops the process (SIGTERM,
# so an -XX:ArchiveClassesAtExit run writes its archive).
start_once() { # kind n extra-jvm-option...
  local kind=$1 n=$2; shift 2
  local port; port=$(free_port)
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2046
  "${jvm[@]}" "$@" -cp "$jar" mesoslab.standin.Main "$kind" $(flags "$kind" "$port" "$n") > "$work/$kind-$n.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null)" != "000" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$kind exited:" >&2; cat "$work/$kind-$n.log" >&2; exit 1; }
    sleep 0.005
  done
  local t1; t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "%6d %6d", a[1], a[int((NR+1)/2)]}'; }

printf '%-13s %18s %18s\n' "stand-in" "no CDS min/median" "CDS min/median"
for kind in mesos-master mesos-agent marathon hello; do
  plain=$(for i in $(seq 1 "$runs"); do start_once "$kind" "p$i"; done | stats)
  start_once "$kind" dump "-XX:ArchiveClassesAtExit=$work/$kind.jsa" > /dev/null
  cds=$(for i in $(seq 1 "$runs"); do start_once "$kind" "c$i" "-XX:SharedArchiveFile=$work/$kind.jsa"; done | stats)
  printf '%-13s %11s ms %11s ms\n' "$kind" "$plain" "$cds"
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
