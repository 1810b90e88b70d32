#!/bin/sh
# deps.sh — install the Debian packages storyline needs, if missing.
# Idempotent and quiet when everything is present.  Needs root or sudo
# only when something must be installed.
set -e
PKGS="gcc make pkg-config libcjson-dev libutf8proc-dev libxxhash-dev libstemmer-dev libcmocka-dev wordnet-base python3"
[ -n "$SL_EXTRA_PKGS" ] && PKGS="$PKGS $SL_EXTRA_PKGS"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps.sh: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "deps.sh: need root to install:$missing" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || $SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 || \
  $SUDO apt-get install -y --no-install-recommends $missing
