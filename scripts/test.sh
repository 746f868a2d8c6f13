#!/usr/bin/env bash
# Second command of the README (and of CI): install everything, run the whole suite.
# The suite starts and stops its own throwaway PostGIS server (tests/postgis_server.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system.sh test
# the QGIS tests fail (instead of skipping) when QGIS is missing
export GRIDAPP_REQUIRE_QGIS=1
scripts/install-python.sh test
.venv/bin/ruff check gridapp tests
.venv/bin/lint-imports
.venv/bin/python -m mypy  # strict on gridapp/domain and gridapp/services (pyproject.toml)
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
