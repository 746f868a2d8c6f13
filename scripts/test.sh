#!/usr/bin/env bash
# Second command of the README (and of CI): install everything, run the whole suite.
# The suite starts and stops its own throwaway PostGIS server (tests/postgis_server.py).
# With arguments (a test path, -k …) only that part runs, once, on today's date.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system.sh test
# the QGIS tests fail (instead of skipping) when QGIS is missing
export GRIDAPP_REQUIRE_QGIS=1
scripts/install-python.sh test
.venv/bin/ruff check gridapp tests
.venv/bin/lint-imports
.venv/bin/python -m mypy  # strict on gridapp/domain and gridapp/services (pyproject.toml)
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
fi
# the whole suite on both cores, but the soaks
.venv/bin/python -m pytest -p no:cacheprovider -n 2 --ignore=tests/soak
# the soaks alone: they time how soon the window shows other workstations' changes (5 s at
# most), which says nothing about the client while another test worker holds a core
.venv/bin/python -m pytest -p no:cacheprovider tests/soak
# and again as if it ran on the 1st of a month (New Year's Day, a holiday), on New Year's
# Eve late at night and on a 调休 Saturday that is a working day: tests freeze their clocks,
# and these runs prove that nothing depends on the day the suite runs. The clock of the
# whole process (and of the server it would start) is moved by libfaketime; PostGIS and the
# slow tests ran above. Times are UTC (the machine's): 09:30, 23:40 and 10:00 in Asia/Shanghai.
for day in "2027-01-01 01:30:00" "2026-12-31 15:40:00" "2026-10-10 02:00:00"; do
  echo "--- the suite as on $day"
  # libfaketime 0.9.10 fakes the monotonic clock too, so a timed wait that runs out (a
  # lock's, an Event's) lasts as long as the jump: tests never wait for a timeout to run
  # out, and pytest-timeout uses the kernel's alarm (its timer thread would never fire).
  # (Sparing the monotonic clock breaks time.sleep in that version.)
  GRIDAPP_SKIP_POSTGIS=1 faketime "$day" \
    .venv/bin/python -m pytest -p no:cacheprovider -q --timeout-method=signal \
    -n 2 -m "not slow and not postgis" tests/unit tests/app tests/analysis tests/ui tests/io
done
