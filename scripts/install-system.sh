#!/usr/bin/env bash
# Debian packages gridapp needs. Usage: scripts/install-system.sh [run|test]
set -euo pipefail
what=${1:-run}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

RUN_PKGS=(
  python3 python3-venv python3-dev
  libsqlite3-mod-spatialite                       # SpatiaLite, loaded by sqlean
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  fonts-wqy-microhei                              # Chinese text, else boxes
)
TEST_PKGS=(
  postgresql-15-postgis-3                         # the throwaway multi-workstation server
  xvfb xauth                                      # screenshots of a real window
  poppler-utils                                   # pdftoppm, to look at PDFs
  faketime                                        # the soak's workstations with other clocks
  qgis python3-qgis gdal-bin                      # QGIS 3.22 opens maps/ and exports in tests
)
pkgs=("${RUN_PKGS[@]}")
if [ "$what" = "test" ]; then pkgs+=("${TEST_PKGS[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
