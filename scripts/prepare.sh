#!/bin/sh
# Prepares everything the bot needs offline: the embedding model (converted, then exported
# to ONNX), then the index.
# `make setup` and the Dockerfile both call this script, so they prepare the same way.
# Usage: scripts/prepare.sh [PYTHON]
set -eu
PY=${1:-python3}
"$PY" -m index model
"$PY" -m index build
