#!/usr/bin/env bash
# Install everything (system libraries, PeerDesk and its test tools in ./.venv) and run every test.
# Any arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh --test
python=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
