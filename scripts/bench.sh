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
# Replaces the block between <!-- MARKER:start --> and <!-- MARKER:end --> in
# docs/performance.md with the stamp and a table.
write_block() {
  python3 - docs/performance.md "$1" "$stamp" "$2" <<'PY'
import sys, re
path, marker, stamp, table = sys.argv[1:5]
text = open(path).read()
block = f"<!-- {marker}:start -->\n{stamp}\n\n{table}\n<!-- {marker}:end -->"
text = re.sub(rf"<!-- {marker}:start -->.*?<!-- {marker}:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
}
write_block BENCH "$table"
echo "$table"

# --- On the test bed: install vs kubectl apply, get with 2,000 objects -----------------------
# Two test beds, so kubectl's and floe's field managers never meet on the same objects.
python3 -c "import yaml" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-yaml >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
install_yaml=../shared/flux-install/v2.9.4/install.yaml
[ -f "$install_yaml" ] || { echo "missing $install_yaml" >&2; exit 1; }
bed_kubectl="$out/bed-kubectl"; bed_floe="$out/bed-floe"
scripts/testbed start "$bed_kubectl" --stop-with $$ >/dev/null
scripts/testbed start "$bed_floe" --stop-with $$ >/dev/null
trap 'scripts/testbed stop "$bed_kubectl"; scripts/testbed stop "$bed_floe"; rm -rf "$out"' EXIT
k="kubectl --kubeconfig $bed_kubectl/kubeconfig"

# kubectl gets the same objects floe applies to a 1.20 server: the CRDs without CEL rules.
python3 - "$install_yaml" >"$out/install-nocel.yaml" <<'PY'
import sys, yaml
def strip(o):
    if isinstance(o, dict):
        o.pop("x-kubernetes-validations", None)
        for v in o.values(): strip(v)
    elif isinstance(o, list):
        for v in o: strip(v)
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
for d in docs: strip(d)
yaml.safe_dump_all(docs, sys.stdout)
PY
$k apply --server-side -f "$out/install-nocel.yaml" >/dev/null
KUBECONFIG=$bed_floe/kubeconfig $floe install --manifests "$install_yaml" --wait=false 2>/dev/null

# 2,000 Kustomizations on the floe test bed, for get.
python3 - >"$out/syncs.yaml" <<'PY'
import json
items = [{"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
          "metadata": {"name": f"app-{i:04d}", "namespace": f"team-{i % 20:02d}"},
          "spec": {"interval": "10m", "path": f"./apps/{i}", "prune": True,
                   "sourceRef": {"kind": "GitRepository", "name": "flux-system", "namespace": "flux-system"}}}
         for i in range(2000)]
namespaces = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": f"team-{n:02d}"}} for n in range(20)]
print(json.dumps({"apiVersion": "v1", "kind": "List", "items": namespaces}))
print(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}))
PY
kf="kubectl --kubeconfig $bed_floe/kubeconfig"
$kf apply -f "$out/syncs.yaml" >/dev/null

hyperfine --warmup 2 --runs 15 -N --export-json "$out/cluster.json" \
  -n "floe install --manifests (no change)" \
  "env KUBECONFIG=$bed_floe/kubeconfig $floe install --manifests $install_yaml --wait=false" \
  -n "kubectl apply --server-side (no change)" \
  "$k apply --server-side -f $out/install-nocel.yaml" \
  -n "floe get syncs -A (2,000)" "env KUBECONFIG=$bed_floe/kubeconfig $floe get syncs -A" \
  -n "kubectl get kustomizations -A (2,000)" "$kf get kustomizations -A" >&2

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
floe_mem=$(KUBECONFIG=$bed_floe/kubeconfig peak $floe get syncs -A)
kubectl_mem=$(peak $kf get kustomizations -A)
floe_install_mem=$(KUBECONFIG=$bed_floe/kubeconfig peak $floe install --manifests "$install_yaml" --wait=false)
kubectl_apply_mem=$(peak $k apply --server-side -f "$out/install-nocel.yaml")

cluster_table=$(python3 - "$out/cluster.json" "$floe_mem" "$kubectl_mem" "$floe_install_mem" "$kubectl_apply_mem" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floe_mem, kubectl_mem, floe_install_mem, kubectl_apply_mem = (int(x) / 1024 for x in sys.argv[2:6])
ms = lambda s: f"{s * 1000:.0f}"
mem = {"floe install --manifests (no change)": floe_install_mem,
       "kubectl apply --server-side (no change)": kubectl_apply_mem,
       "floe get syncs -A (2,000)": floe_mem, "kubectl get kustomizations -A (2,000)": kubectl_mem}
print("| command | median (ms) | mean ± σ (ms) | peak RSS (MiB) |")
print("|---|---|---|---|")
for name, r in results.items():
    print(f"| `{name}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {mem[name]:.1f} |")
install = results["floe install --manifests (no change)"]["median"]
apply = results["kubectl apply --server-side (no change)"]["median"]
get = results["floe get syncs -A (2,000)"]["median"]
kget = results["kubectl get kustomizations -A (2,000)"]["median"]
print()
print(f"Target: floe install at most half of kubectl's wall time: {'met' if install <= apply / 2 else 'MISSED'} "
      f"({install / apply:.2f}×). get syncs -A: {get / kget:.2f}× kubectl's time, "
      f"{floe_mem / kubectl_mem:.2f}× its peak memory.")
PY
)
write_block BENCH-CLUSTER "$cluster_table"
echo "$cluster_table"

# --- bootstrap on the test bed ------------------------------------------------------------------
# The bootstrap test's own world (fake GitHub over HTTPS with git http-backend, the test bed,
# simulated kubelet and Flux, which react within milliseconds) runs the release floe; the test
# records each run's wall time in $FLOE_BENCH_TIMINGS. The re-run pages through 121 deploy keys.
timings="$out/bootstrap.tsv"
for _ in 1 2 3 4 5; do
  FLOE_BENCH_TIMINGS=$timings CI=true cargo test --release --quiet --test bootstrap \
    new_personal_repo_then_idempotent_rerun_with_simulated_controllers -- --exact >/dev/null 2>&1
done
bootstrap_table=$(python3 - "$timings" <<'PY'
import sys, statistics, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, ms = line.rstrip("\n").split("\t")
    runs[label].append(int(ms))
print("| run | median (ms) | min (ms) | max (ms) | runs |")
print("|---|---|---|---|---|")
for label, values in runs.items():
    print(f"| {label} | {statistics.median(values):.0f} | {min(values)} | {max(values)} | {len(values)} |")
rerun = statistics.median(runs["no-change re-run"])
print()
print(f"Target: a no-change re-run under 2 s wall: {'met' if rerun < 2000 else 'MISSED'} ({rerun:.0f} ms).")
PY
)
write_block BENCH-BOOTSTRAP "$bootstrap_table"
echo "$bootstrap_table"
