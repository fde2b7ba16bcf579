#!/usr/bin/env bash
# Debian/Ubuntu packages the app and its tests need on a bare machine: the libraries Qt loads
# even offscreen, and the PDF tools the document tests use. Installs only what is missing, and
# only when it can (root with apt-get); otherwise it says what to install and carries on.
set -u
packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 libxrender1 libxi6
  poppler-utils fonts-lxgw-wenkai
  cups printer-driver-cups-pdf
)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install Qt's X11/EGL libraries and poppler-utils yourself" >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: please install: sudo apt-get install ${missing[*]}" >&2
fi
exit 0
