#!/usr/bin/env bash
# Installs the Node tools the tests use (Azurite, Microsoft's KQL parser) exactly as the lock file pins
# them. Skips the install when node_modules already matches the lock file, so repeated builds stay fast.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.kusto-spark-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/azurite ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is required to install Azurite and the KQL parser: install Node.js 18+ (for example 'apt-get install nodejs npm')." >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
