#!/usr/bin/env bash
# Install the system libraries Qt (PySide6) needs on Debian/Ubuntu, if any are missing.
# Usage: scripts/system-packages.sh [--test]   (--test adds what the test suite uses)
set -euo pipefail

packages=(
  python3-venv          # to make PeerDesk's own Python environment
  libgl1 libegl1        # OpenGL, which Qt's widgets link against
  libglib2.0-0 libdbus-1-3 libfontconfig1
  fonts-dejavu-core fonts-droid-fallback  # Latin, Greek, Cyrillic, Arabic…; Chinese, Japanese
  libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(poppler-utils)  # pdftotext / pdftoppm, to read back printed records
  packages+=(strace)         # real write faults (ENOSPC, EIO…) injected into a save
  packages+=(dbus-daemon)    # a private bus, to send the sleep and screen-lock signals
  packages+=(util-linux)     # setpriv and mount, for the permission and read-only tests
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-style system: install Qt 6's runtime libraries with your package manager." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
