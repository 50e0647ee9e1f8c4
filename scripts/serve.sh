#!/usr/bin/env bash
# Builds e-Gov Companion with its bundled content and serves it locally, installing what is
# missing first (scripts/setup.sh). Extra arguments go to `trunk serve`, e.g. --port 8081.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh
port="${PORT:-8080}"
echo "e-Gov Companion will be at http://127.0.0.1:$port/ once built."
exec trunk serve --offline --address 127.0.0.1 --port "$port" "$@"
