#!/usr/bin/env bash
# Build the PyInstaller bundle and check it really works: --help, a demo vault, and unlocking it
# offscreen. Usage: bash packaging/smoke_test.sh   (needs .venv from scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/pyinstaller packaging/peerdesk.spec
bin=build/dist/PeerDesk/peerdesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --help | grep -q "demo"
PEERDESK_PASSPHRASE="smoke test passphrase" PEERDESK_INSECURE_FAST_KDF=1 \
  "$bin" demo --psws 20 --data-dir "$work/vault" >/dev/null
out=$(QT_QPA_PLATFORM=offscreen PEERDESK_PASSPHRASE="smoke test passphrase" \
  PEERDESK_BENCH_EXIT_WHEN_READY=1 "$bin" --data-dir "$work/vault")
echo "$out" | grep -Eq "^READY .* rows=[1-9][0-9]* alembic=0" || { echo "bundle did not open the vault: $out" >&2; exit 1; }
echo "packaged PeerDesk works: $out"
