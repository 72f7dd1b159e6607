#!/usr/bin/env bash
# Installs what is missing, builds kbx, applies the samples and shows the result.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/demo-run.sh
