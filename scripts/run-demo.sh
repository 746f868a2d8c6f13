#!/usr/bin/env bash
# First command of the README: install everything, build the demo district once, open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system.sh run
scripts/install-python.sh
db="${GRIDAPP_DB:-}"
if [ -z "$db" ]; then
  db="$(.venv/bin/python -c 'from gridapp.bootstrap import default_db; print(default_db())')"
fi
if [ ! -f "$db" ]; then
  echo "building the demo district into $db (once) …"
  .venv/bin/gridapp --db "$db" demo
fi
exec .venv/bin/gridapp --db "$db" gui "$@"
