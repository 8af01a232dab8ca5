#!/usr/bin/env bash
# Runs a command as on a machine with no Chromium (issue 11: "npm test on a fresh machine"), without
# touching this machine: as root, in a private mount namespace whose /usr, /var and /etc are
# overlays on a tmpfs, Debian's chromium is removed with dpkg; with --no-apt apt-get goes too. What
# the command installs (apt-get install chromium) lands in the overlay and is gone when it exits.
#
#   sudo bash tests/browser/without-browser.sh [--no-apt] -- npm test
#
# PLAYWRIGHT_DOWNLOAD_HOST=http://127.0.0.1:9 keeps the lookup's probe of Playwright's download
# host on this machine when only the apt path is wanted.
set -euo pipefail
no_apt=0
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --no-apt) no_apt=1 ;;
    *) echo "usage: $0 [--no-apt] -- command..." >&2; exit 2 ;;
  esac
  shift
done
shift || true
(($# > 0)) || { echo "usage: $0 [--no-apt] -- command..." >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "$0: needs root (unshare -m, mount)" >&2; exit 2; }

if [[ "${STOCKROOM_IN_NAMESPACE:-}" != 1 ]]; then
  args=()
  ((no_apt)) && args+=(--no-apt)
  exec env STOCKROOM_IN_NAMESPACE=1 unshare -m --propagation private bash "$0" "${args[@]}" -- "$@"
fi

# The overlays' writable layers live on a tmpfs over /mnt, inside this private namespace only: the
# host's /mnt is untouched and nothing is left behind when the namespace ends.
upper=/mnt
mount -t tmpfs tmpfs "$upper"
for dir in usr var etc; do
  mkdir -p "$upper/$dir/upper" "$upper/$dir/work"
  mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$upper/$dir/upper,workdir=$upper/$dir/work" "/$dir"
done
dpkg --remove --force-depends chromium chromium-common >/dev/null 2>&1 || true
rm -rf /usr/lib/chromium
((no_apt)) && rm -f /usr/bin/apt-get /usr/bin/apt
echo "[without-browser] chromium: $(command -v chromium || echo none); apt-get: $(command -v apt-get || echo none)" >&2
exec "$@"
