# Boots one test host. Runs as root inside the host's own network namespace and a fresh private
# mount + UTS namespace, so every mount below disappears with the namespace's last process.
# Arguments: work dir, address, host name. Stdin: the authorized_keys content for root.
set -eu
W=$1; ADDR=$2; NAME=$3
mount -t tmpfs tmpfs "$W"
mkdir "$W/upper" "$W/work" "$W/root"
# The host's root file system: this machine's / underneath, the host's own writes on top.
mount -t overlay overlay -o "lowerdir=/,upperdir=$W/upper,workdir=$W/work" "$W/root"
mount --rbind /dev "$W/root/dev"
mount -t proc proc "$W/root/proc"
mount --rbind /sys "$W/root/sys"
# A clean /root (no login scripts from this machine), and private /run and /tmp.
mount -t tmpfs -o mode=0700 tmpfs "$W/root/root"
mount -t tmpfs tmpfs "$W/root/run"
mount -t tmpfs -o mode=1777 tmpfs "$W/root/tmp"
hostname "$NAME"
mkdir -p -m 0700 "$W/root/root/.ssh"
mkdir -p "$W/root/run/sshd"
cat > "$W/root/root/.ssh/authorized_keys"
chmod 600 "$W/root/root/.ssh/authorized_keys"
# Own host keys per host, so known_hosts can tell the hosts apart.
rm -f "$W"/root/etc/ssh/ssh_host_*
chroot "$W/root" ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key
echo "HOSTKEY $(cat "$W/root/etc/ssh/ssh_host_ed25519_key.pub")"
exec chroot "$W/root" /usr/sbin/sshd -D -e -o ListenAddress="$ADDR" -o HostKey=/etc/ssh/ssh_host_ed25519_key \
  -o PermitRootLogin=prohibit-password -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no \
  -o UsePAM=no -o LogLevel=VERBOSE -o PidFile=none -o MaxSessions=100 -o MaxStartups=100
