#!/usr/bin/env bash
# Install PeerDesk in ./.venv (with the system libraries Qt needs) and start it.
# Any arguments are passed to peerdesk, e.g. scripts/run.sh demo --psws 200
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
python=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
exec .venv/bin/peerdesk "$@"
