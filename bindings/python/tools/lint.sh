#!/bin/sh
# Python lint gates, Makefile-independent. Run from anywhere; uses the venv the
# Makefile builds (build/venv) unless VENV points elsewhere. Installs the
# pinned tools (requirements-lint.txt) into it first when they are missing.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd)
VENV=${VENV:-$ROOT/build/venv}
CONF=bindings/python/pyproject.toml
cd "$ROOT"
if ! "$VENV/bin/ruff" --version >/dev/null 2>&1 || ! "$VENV/bin/mypy" --version >/dev/null 2>&1; then
  "$VENV/bin/python" -m pip install -q -r bindings/python/requirements-lint.txt
fi
"$VENV/bin/ruff" check --config "$CONF" bindings/python tests core
"$VENV/bin/ruff" format --check --config "$CONF" bindings/python tests core
"$VENV/bin/mypy" --config-file "$CONF"
