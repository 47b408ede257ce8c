#!/usr/bin/env bash
# Installs Regiowacht in .venv and runs it: the real bot when Slack credentials are configured
# (.env or environment), otherwise the local console on SQLite with the example region loaded.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
status=0
.venv/bin/python bot.py "$@" || status=$?
if [ "$status" -eq 2 ] && [ "$#" -eq 0 ]; then
  echo "Slack is niet ingesteld: de lokale console start, met de voorbeeldregio Rivierenland." >&2
  .venv/bin/python bot.py demo
  exec .venv/bin/python bot.py console
fi
exit "$status"
