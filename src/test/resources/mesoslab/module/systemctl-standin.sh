#!/bin/sh
# A systemctl stand-in for the systemd module's tests (systemd is not PID 1 in test containers).
# Units are folders under units/ next to this script, each with files "active" and "enabled";
# `show` prints the properties the way systemctl does, and every call is appended to calls.log.
here=$(dirname "$0")
d=$here/units
echo "$*" >> "$here/calls.log"
while [ $# -gt 0 ]; do case "$1" in --*) shift;; *) break;; esac; done
cmd=$1; u=${2:-}; u=${u%.service}
case "$cmd" in
  daemon-reload) exit 0;;
  show)
    if [ ! -d "$d/$u" ]; then printf 'Id=%s.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\n' "$u"; exit 0; fi
    en=$(cat "$d/$u/enabled"); act=$(cat "$d/$u/active")
    load=loaded; [ "$en" = masked ] && load=masked
    sub=dead; [ "$act" = active ] && sub=running
    printf 'Id=%s.service\nLoadState=%s\nActiveState=%s\nSubState=%s\nUnitFileState=%s\nMainPID=0\n' "$u" "$load" "$act" "$sub" "$en"
    exit 0;;
esac
[ -d "$d/$u" ] || { echo "Failed to $cmd $u.service: Unit $u.service not found." >&2; exit 5; }
case "$cmd" in
  start|restart|reload)
    [ "$(cat "$d/$u/enabled")" = masked ] && { echo "Failed to $cmd $u.service: Unit $u.service is masked." >&2; exit 1; }
    [ -e "$d/$u/broken" ] && { echo "Job for $u.service failed because the control process exited with error code." >&2; exit 1; }
    echo active > "$d/$u/active";;
  stop) echo inactive > "$d/$u/active";;
  enable) echo enabled > "$d/$u/enabled";;
  disable|unmask) echo disabled > "$d/$u/enabled";;
  mask) echo masked > "$d/$u/enabled";;
  *) echo "Unknown command verb $cmd." >&2; exit 1;;
esac
