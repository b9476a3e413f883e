#!/usr/bin/env bash
# Installs the system packages the tests need, from Debian's packages. Idempotent: it installs
# only what is missing, with apt-get when root; otherwise it says what it skipped (tests that
# need a missing tool report themselves skipped outside CI, and fail in CI).
set -euo pipefail

# One "command:debian-package" per line.
REQUIRED=(
  "chromium:chromium"
  "redis-server:redis-server"
  # better-sqlite3 (@smm/store-sqlite) compiles from source where no prebuilt binary downloads.
  "make:build-essential"
  "g++:build-essential"
  "python3:python3"
)

need=()
for entry in "${REQUIRED[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || need+=("${entry##*:}")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "setup-system: missing ${need[*]} (not root or no apt-get); tests that need them will say so"
fi
