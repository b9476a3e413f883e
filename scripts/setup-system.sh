#!/usr/bin/env bash
# Installs the system packages the tests need (none yet beyond Node and npm). Idempotent;
# uses apt-get when a package is missing and we are root, and says what it skipped otherwise.
set -euo pipefail
need=()
# Add entries as "command:debian-package" when a test needs a system tool.
for entry in ${SMM_SYSTEM_DEPS:-}; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || need+=("${entry##*:}")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "setup-system: missing ${need[*]} (not root or no apt-get); tests that need them will say so"
fi
