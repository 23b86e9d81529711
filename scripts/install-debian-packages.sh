#!/usr/bin/env bash
# Installs what the browser, proxy and container tests need from Debian when it is missing: Chromium, nginx,
# openssl, and for tests/deploy podman with runc (crun refuses this kind of machine's mixed cgroups), its network
# (netavark, aardvark-dns for compose's service names, iptables) and mmdebstrap (the stand-in Python base).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/openssl ] || missing+=(openssl)
[ -x /usr/bin/podman ] || missing+=(podman)
[ -x /usr/sbin/runc ] || missing+=(runc)
[ -x /usr/lib/podman/netavark ] || missing+=(netavark)
[ -x /usr/lib/podman/aardvark-dns ] || missing+=(aardvark-dns)
[ -x /usr/sbin/iptables ] || missing+=(iptables)
[ -x /usr/bin/mmdebstrap ] || missing+=(mmdebstrap)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed apt-get update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
