#!/usr/bin/env bash
# Debian/Ubuntu packages Mediation Desk needs on a bare machine.
#
#   scripts/system-deps.sh         what the app needs (./run.sh): the libraries Qt loads even
#                                  offscreen, CUPS for printing, a Chinese font
#   scripts/system-deps.sh test    that plus what the test suite uses (./test.sh): PDF tools,
#                                  a PDF print queue, the other Chinese fonts rooms have,
#                                  faketime, Xvfb, LibreOffice (headless)
#
# Installs only what is missing (one dpkg-query, no apt-get when nothing is), and only when it
# can: as root with apt-get. Otherwise — not root, or not Debian — it prints the command to run
# and carries on. When apt-get itself fails it stops with a non-zero exit: a half-installed
# machine must not go on to fail later with a puzzling Qt or font error.
# APT_GET names the apt-get to run (default apt-get), so the failure path can be tested.
set -u
cd "$(dirname "$0")/.."
app_packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 libxrender1 libxi6
  cups fonts-lxgw-wenkai
)
test_packages=(
  poppler-utils qpdf printer-driver-cups-pdf faketime xvfb
  fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei fonts-wqy-zenhei fonts-noto-cjk
  libreoffice-writer-nogui libreoffice-calc-nogui
)
case "${1:-}" in
  "") packages=("${app_packages[@]}") ;;
  test) packages=("${app_packages[@]}" "${test_packages[@]}") ;;
  *) echo "system-deps: unknown set '$1' (use: test)" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; install Qt's X11/EGL libraries, CUPS and a Chinese font yourself" >&2
  exit 0
fi

# Debian's Python makes no venv without its -venv package (ensurepip is split out). Only
# matters while .venv does not exist yet; scripts/venv.sh prefers the same interpreters.
if [ ! -x .venv/bin/python ] && [ -z "${PYTHON:-}" ]; then
  for c in python3.13 python3.12 python3.11 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      if ! "$c" -c 'import ensurepip' 2>/dev/null && [ "$(command -v "$c")" = "/usr/bin/$c" ]; then
        packages+=("python3.$("$c" -c 'import sys; print(sys.version_info[1])')-venv")
      fi
      break
    fi
  done
fi

installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null | awk '$4 == "installed" {print $1}')
missing=()
for p in "${packages[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

APT_GET=${APT_GET:-apt-get}
if [ "$(id -u)" != 0 ] || ! command -v "$APT_GET" >/dev/null 2>&1; then
  echo "system-deps: please install: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "$APT_GET" update -qq; then
  echo "system-deps: 'apt-get update' failed (network or package sources?); nothing installed. Still missing: ${missing[*]}" >&2
  exit 1
fi
if ! "$APT_GET" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "system-deps: 'apt-get install ${missing[*]}' failed (see the lines above); fix that and run again" >&2
  exit 1
fi
