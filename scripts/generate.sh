#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap command tree.
set -euo pipefail
cd "$(dirname "$0")/.."
FLOE_REGENERATE=1 cargo test --quiet --test offline generated_files
echo "regenerated completions/ and man/"
