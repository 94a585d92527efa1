#!/usr/bin/env bash
# Measures floe's start-up and --export time against kubectl's client start-up (the Go peer)
# with hyperfine, and writes the figures into docs/performance.md between the BENCH markers.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine from Debian's apt" >&2
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
command -v kubectl >/dev/null || { echo "kubectl is needed as the comparison peer" >&2; exit 1; }

cargo build --release --quiet
floe=target/release/floe
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

hyperfine --warmup 20 --runs 300 -N --export-json "$out/bench.json" \
  -n "floe create source git --export" \
  "$floe create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --export" \
  -n "floe --version" "$floe --version" \
  -n "kubectl version --client" "kubectl version --client" >&2

table=$(python3 - "$out/bench.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
ms = lambda s: f"{s * 1000:.2f}"
by = {r["command"]: r for r in results}
kubectl = by["kubectl version --client"]["median"]
print("| command | median (ms) | mean ± σ (ms) | min (ms) | vs kubectl |")
print("|---|---|---|---|---|")
for r in results:
    print(f"| `{r['command']}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {ms(r['min'])} | {r['median'] / kubectl:.3f}× |")
export = by["floe create source git --export"]["median"]
print()
print(f"Targets: export median under 5 ms: {'met' if export < 0.005 else 'MISSED'} ({ms(export)} ms); "
      f"under a tenth of kubectl's start-up: {'met' if export < kubectl / 10 else 'MISSED'} "
      f"({export / kubectl:.3f}×).")
PY
)
stamp="Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m), floe $(git describe --always --dirty 2>/dev/null || echo unknown), $(kubectl version --client 2>/dev/null | head -1)."
python3 - docs/performance.md "$stamp" "$table" <<'PY'
import sys, re
path, stamp, table = sys.argv[1:4]
text = open(path).read()
block = f"<!-- BENCH:start -->\n{stamp}\n\n{table}\n<!-- BENCH:end -->"
text = re.sub(r"<!-- BENCH:start -->.*?<!-- BENCH:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
echo "$table"
