#!/usr/bin/env bash
# Debian packages the project and its test suite use:
#   chromium            headless browser tests of the network page
#   libvoikko1 voikko-fi  Voikko, the Finnish morphological analyser that reconciliation uses for
#                       Finnish case endings (Python binding: the `libvoikko` package from PyPI);
#                       without them reconciliation falls back to simplemma
# Skips what is already there; needs root (or sudo) to install the rest.
set -euo pipefail
wanted=(chromium libvoikko1 voikko-fi)
missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    if [ "$pkg" = chromium ] && command -v chromium >/dev/null 2>&1; then
      continue
    fi
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: no apt-get here; install ${missing[*]} yourself (browser tests will be skipped, Finnish reconciliation uses simplemma)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
