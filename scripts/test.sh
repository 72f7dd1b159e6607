#!/usr/bin/env bash
# Installs what is missing, builds kbx, runs the whole test suite (unit + integration on real Docker).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm test
