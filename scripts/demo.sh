#!/usr/bin/env bash
# Installs what is missing, builds kbx, then runs the demo (scripts/demo-run.sh) when there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f scripts/demo-run.sh ]; then
  exec bash scripts/demo-run.sh "$@"
fi
echo "demo: scripts/demo-run.sh is not there yet; set-up is done, so try: node bin/kbx get pods"
