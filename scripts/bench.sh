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
# The newest kubectl on the machine: the versioned kubectl.1.NN binaries beside `kubectl` (which
# may be a dispatcher), else kubectl itself.
kubectl_dir=$(dirname "$(readlink -f "$(command -v kubectl)")")
kubectl=$(ls "$kubectl_dir"/kubectl.1.* 2>/dev/null | sort -V | tail -1 || true)
kubectl=${kubectl:-$(command -v kubectl)}

out=$(mktemp -d)
# floe as users get it: the release archive for this machine, built by scripts/release.sh as the
# release workflow builds it (optimised; on Linux with glibc linked statically).
release=$(scripts/release.sh --out "$out/release")
tar -xJf "$release/floe-$(rustc -vV | sed -n 's/^host: //p').tar.xz" -C "$out/release"
floe=$(find "$out/release" -type f -name floe -perm -u+x | head -n 1)
# FLOE_BENCH_ONLY=startup|flux|cluster|drift|bootstrap|diff runs one section (the others keep their
# figures in docs/performance.md).
want() { [ -z "${FLOE_BENCH_ONLY:-}" ] || [ "$FLOE_BENCH_ONLY" = "$1" ]; }
beds=()
start_bed() { scripts/testbed start "$1" --stop-with $$ >/dev/null; beds+=("$1"); }
trap 'for b in "${beds[@]}"; do scripts/testbed stop "$b"; done; rm -rf "$out"' EXIT
trap 'exit 1' INT TERM
stamp="Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m), floe $(git describe --always --dirty 2>/dev/null || echo unknown), kubectl $($kubectl version --client 2>/dev/null | head -1 | sed 's/^Client Version: //') ($(basename "$kubectl"))."
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

# Runs hyperfine in rounds, every command in turn within each round, and merges the rounds'
# times into one result per command (median, mean, σ, min): the commands being compared take
# turns, so both meet the same moments of a noisy machine.
interleaved() {
  local rounds=$1 runs=$2 warmup=$3 json=$4
  shift 4
  for r in $(seq "$rounds"); do
    hyperfine --warmup "$warmup" --runs "$runs" -N --export-json "$json.$r" "$@" >/dev/null
    echo "  round $r of $rounds" >&2
  done
  python3 - "$json" "$rounds" <<'PY'
import json, statistics, sys
path, rounds = sys.argv[1], int(sys.argv[2])
times, order = {}, []
for r in range(1, rounds + 1):
    for result in json.load(open(f"{path}.{r}"))["results"]:
        if result["command"] not in times:
            times[result["command"]] = []
            order.append(result["command"])
        times[result["command"]].extend(result["times"])
json.dump({"results": [{"command": c, "median": statistics.median(times[c]),
                        "mean": statistics.mean(times[c]), "stddev": statistics.pstdev(times[c]),
                        "min": min(times[c]), "runs": len(times[c])} for c in order]},
          open(path, "w"))
PY
}

if want startup; then
interleaved 10 30 5 "$out/bench.json" \
  -n "floe create source git --export" \
  "$floe create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --export" \
  -n "floe --version" "$floe --version" \
  -n "kubectl version --client" "$kubectl version --client"

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
print(f"Targets: export median under 5 ms (issue 2): {'met' if export < 0.005 else 'MISSED'} ({ms(export)} ms); "
      f"at most 2.5 ms (issue 13): {'met' if export <= 0.0025 else 'MISSED'}; "
      f"under a tenth of kubectl's start-up: {'met' if export < kubectl / 10 else 'MISSED'} "
      f"({export / kubectl:.3f}×).")
PY
)
write_block BENCH "$table"
echo "$table"
fi

# --- floe against the flux CLI (v2.9.4, built with the engine by scripts/testbed) -------------
# Issue 22: the same commands side by side, in turns, on one test bed running the real
# controllers (KWOK for the kubelet): start-up, get over 2,000 Kustomizations (wall and peak
# RSS, with one raw LIST as the floor), and a no-change install (both wait for the rollouts,
# already complete).
if want flux; then
scripts/testbed build >/dev/null
engine=$(scripts/testbed bin)
flux=$engine/flux
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
interleaved 10 30 5 "$out/flux-startup.json" \
  -n "floe create source git --export" \
  "$floe create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --export" \
  -n "flux create source git --export" \
  "$flux create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --export" \
  -n "true" "true"

fbed="$out/flux-bed"; scripts/testbed start "$fbed" --flux --stop-with $$ >/dev/null; beds+=("$fbed")
export KUBECONFIG=$fbed/kubeconfig
$floe install --timeout=5m >/dev/null 2>&1
python3 - >"$out/flux-syncs.json" <<'PY'
import json
items = [{"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
          "metadata": {"name": f"app-{i:04d}", "namespace": f"team-{i % 20:02d}"},
          "spec": {"interval": "10m", "path": f"./apps/{i}", "prune": True, "suspend": True,
                   "sourceRef": {"kind": "GitRepository", "name": "flux-system", "namespace": "flux-system"}}}
         for i in range(2000)]
namespaces = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": f"team-{n:02d}"}} for n in range(20)]
print(json.dumps({"apiVersion": "v1", "kind": "List", "items": namespaces + items}))
PY
"$engine/kubectl" apply -f "$out/flux-syncs.json" >/dev/null
server=$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['clusters'][0]['cluster']['server'])" "$fbed/kubeconfig")
raw="curl -sS -o /dev/null --cacert $fbed/ca.crt --cert $fbed/admin.crt --key $fbed/admin.key $server/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations"
interleaved 5 3 1 "$out/flux-cluster.json" \
  -n "raw LIST with curl (2,000)" "$raw" \
  -n "floe get syncs -A (2,000)" "$floe get syncs -A" \
  -n "flux get kustomizations -A (2,000)" "$flux get kustomizations -A" \
  -n "floe install (no change)" "$floe install --timeout=5m" \
  -n "flux install (no change)" "$flux install --timeout=5m"
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
mem_floe=$(peak $floe get syncs -A)
mem_flux=$(peak $flux get kustomizations -A)
flux_table=$(python3 - "$out/flux-startup.json" "$out/flux-cluster.json" "$mem_floe" "$mem_flux" "$($flux version --client 2>/dev/null | head -1)" <<'PY'
import json, sys
startup = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cluster = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
mem_floe, mem_flux = int(sys.argv[3]) / 1024, int(sys.argv[4]) / 1024
print(f"Peer: {sys.argv[5]} (built from its Go module by scripts/testbed).")
print()
print("| command | median (ms) | mean ± σ (ms) | peak RSS (MiB) |")
print("|---|---|---|---|")
ms = lambda s: f"{s * 1000:.1f}"
mem = {"floe get syncs -A (2,000)": mem_floe, "flux get kustomizations -A (2,000)": mem_flux}
for name, r in list(startup.items()) + list(cluster.items()):
    peak = f"{mem[name]:.1f}" if name in mem else "–"
    print(f"| `{name}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {peak} |")
med = lambda d, n: d[n]["median"]
start = med(startup, "floe create source git --export") / med(startup, "flux create source git --export")
get = med(cluster, "floe get syncs -A (2,000)") / med(cluster, "flux get kustomizations -A (2,000)")
floor = med(cluster, "floe get syncs -A (2,000)") / med(cluster, "raw LIST with curl (2,000)")
install = med(cluster, "floe install (no change)") / med(cluster, "flux install (no change)")
memory = mem_floe / mem_flux
verdict = lambda ok: "met" if ok else "MISSED"
print()
print(f"Ratios to flux (issue 22 targets): start-up {start:.3f}× (≤ 0.05×: {verdict(start <= 0.05)}); "
      f"get -A over 2,000 wall {get:.2f}× flux, {floor:.2f}× one raw LIST (≤ 1.1×: {verdict(floor <= 1.1)}); "
      f"peak RSS {memory:.2f}× (≤ 0.2×: {verdict(memory <= 0.2)}); "
      f"no-change install {install:.2f}× (≤ 0.25×: {verdict(install <= 0.25)}).")
PY
)
write_block BENCH-FLUX "$flux_table"
echo "$flux_table"
unset KUBECONFIG
fi

# --- On the test bed: install vs kubectl apply, get with 2,000 objects -----------------------
# One test bed, one field manager: kubectl applies with floe's (`--field-manager=floe
# --force-conflicts`), so both no-change runs find the objects exactly as they left them.
python3 -c "import yaml" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-yaml >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
install_yaml=../shared/flux-install/v2.9.4/install.yaml
[ -f "$install_yaml" ] || { echo "missing $install_yaml" >&2; exit 1; }

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
apply="--server-side --field-manager=floe --force-conflicts -f $out/install-nocel.yaml"

if want cluster; then
# First installs onto empty clusters: a fresh test bed for every run, the two commands
# alternating, five runs each.
: >"$out/first.tsv"
for i in 1 2 3 4 5; do
  start_bed "$out/first-floe-$i"; start_bed "$out/first-kubectl-$i"
  # A new API server keeps bootstrapping (default RBAC, priority levels) for seconds after it
  # is ready: let both settle, so neither command measures the other server's start.
  sleep 15
  t0=$(date +%s%N)
  KUBECONFIG=$out/first-floe-$i/kubeconfig $floe install --manifests "$install_yaml" --wait=false >/dev/null 2>&1
  t1=$(date +%s%N)
  $kubectl --kubeconfig "$out/first-kubectl-$i/kubeconfig" apply $apply >/dev/null
  t2=$(date +%s%N)
  printf 'floe\t%s\nkubectl\t%s\n' $(((t1 - t0) / 1000000)) $(((t2 - t1) / 1000000)) >>"$out/first.tsv"
  scripts/testbed stop "$out/first-floe-$i"; scripts/testbed stop "$out/first-kubectl-$i"
done

bed="$out/bed"; start_bed "$bed"
export KUBECONFIG=$bed/kubeconfig
$floe install --manifests "$install_yaml" --wait=false >/dev/null 2>&1
$kubectl apply $apply >/dev/null

# 2,000 Kustomizations in 20 namespaces, for get.
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
$kubectl apply -f "$out/syncs.yaml" >/dev/null
# The floor: one raw LIST of the same objects, the server's own encoding, read by curl.
server=$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['clusters'][0]['cluster']['server'])" "$bed/kubeconfig")
raw_list="curl -sS -o /dev/null --cacert $bed/ca.crt --cert $bed/admin.crt --key $bed/admin.key $server/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations"

interleaved 5 3 1 "$out/cluster.json" \
  -n "floe install --manifests (no change)" \
  "$floe install --manifests $install_yaml --wait=false" \
  -n "kubectl apply --server-side --field-manager=floe (no change)" "$kubectl apply $apply" \
  -n "raw LIST with curl (2,000)" "$raw_list" \
  -n "floe get syncs -A (2,000)" "$floe get syncs -A" \
  -n "kubectl get kustomizations -A (2,000)" "$kubectl get kustomizations -A"

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
floe_mem=$(peak $floe get syncs -A)
kubectl_mem=$(peak $kubectl get kustomizations -A)
floe_install_mem=$(peak $floe install --manifests "$install_yaml" --wait=false)
kubectl_apply_mem=$(peak $kubectl apply $apply)

cluster_table=$(python3 - "$out/cluster.json" "$out/first.tsv" "$floe_mem" "$kubectl_mem" "$floe_install_mem" "$kubectl_apply_mem" <<'PY'
import json, sys, statistics
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
first = {"floe": [], "kubectl": []}
for line in open(sys.argv[2]):
    who, ms = line.split()
    first[who].append(int(ms))
floe_mem, kubectl_mem, floe_install_mem, kubectl_apply_mem = (int(x) / 1024 for x in sys.argv[3:7])
ms = lambda s: f"{s * 1000:.0f}"
mem = {"floe install --manifests (no change)": floe_install_mem,
       "kubectl apply --server-side --field-manager=floe (no change)": kubectl_apply_mem,
       "floe get syncs -A (2,000)": floe_mem, "kubectl get kustomizations -A (2,000)": kubectl_mem}
print("| command | median (ms) | mean ± σ (ms) | peak RSS (MiB) |")
print("|---|---|---|---|")
for name, r in results.items():
    peak = f"{mem[name]:.1f}" if name in mem else "–"
    print(f"| `{name}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {peak} |")
for who in ("floe", "kubectl"):
    values = first[who]
    name = "floe install --manifests" if who == "floe" else "kubectl apply --server-side --field-manager=floe"
    print(f"| `{name} (first, empty cluster; {len(values)} runs)` | {statistics.median(values):.0f} | "
          f"{statistics.mean(values):.0f} ± {statistics.pstdev(values):.0f} | – |")
med = lambda n: results[n]["median"]
install = med("floe install --manifests (no change)") / med("kubectl apply --server-side --field-manager=floe (no change)")
first_ratio = statistics.median(first["floe"]) / statistics.median(first["kubectl"])
get = med("floe get syncs -A (2,000)") / med("raw LIST with curl (2,000)")
get_k = med("floe get syncs -A (2,000)") / med("kubectl get kustomizations -A (2,000)")
memory = floe_mem / kubectl_mem
verdict = lambda ok: "met" if ok else "MISSED"
print()
print(f"Targets (issue 13): get syncs -A at most 1.1× the raw LIST: {verdict(get <= 1.1)} ({get:.2f}×; "
      f"{get_k:.2f}× kubectl's time); at most 1/3 of kubectl's peak memory: {verdict(memory <= 1/3)} "
      f"({memory:.2f}×). No-change install at most 0.5× kubectl: {verdict(install <= 0.5)} "
      f"({install:.2f}×). First install at most 0.5× kubectl's: {verdict(first_ratio <= 0.5)} "
      f"({first_ratio:.2f}×).")
PY
)
write_block BENCH-CLUSTER "$cluster_table"
echo "$cluster_table"

unset KUBECONFIG
fi

# --- drift over 2,000 inventory objects -----------------------------------------------------
# A sync whose inventory holds 2,000 ConfigMaps that kustomize-controller's field manager
# applied (kubectl applies them with that manager); floe drift reads them against listing the
# same objects with kubectl.
if want drift; then
drift_bed="$out/drift-bed"; start_bed "$drift_bed"
export KUBECONFIG=$drift_bed/kubeconfig
$floe install --manifests "$install_yaml" --wait=false >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
ns = "drift-bench"
maps = [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"config-{i:04d}", "namespace": ns},
         "data": {"index": str(i)}} for i in range(2000)]
json.dump({"apiVersion": "v1", "kind": "List",
           "items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}] + maps},
          open(f"{out}/maps.json", "w"))
json.dump({"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
           "metadata": {"name": "big", "namespace": ns},
           "spec": {"interval": "10m", "path": "./big", "prune": True,
                    "sourceRef": {"kind": "GitRepository", "name": "none"}}},
          open(f"{out}/big.json", "w"))
json.dump({"status": {"lastAppliedRevision": "main@sha1:0", "inventory": {
    "entries": [{"id": f"{ns}_config-{i:04d}__ConfigMap", "v": "v1"} for i in range(2000)]}}},
          open(f"{out}/inventory.json", "w"))
PY
$kubectl apply --server-side --field-manager=kustomize-controller -f "$out/maps.json" >/dev/null
$kubectl apply -f "$out/big.json" >/dev/null
$kubectl patch kustomization big -n drift-bench --subresource=status --type=merge --patch-file "$out/inventory.json" >/dev/null
interleaved 5 3 1 "$out/drift.json" \
  -n "floe drift sync big (2,000 objects)" "$floe drift sync big -n drift-bench" \
  -n "kubectl get configmaps -o json (2,000)" "$kubectl get configmaps -n drift-bench -o json"
# The measured run read every object: one deleted behind its back is found.
$kubectl delete configmap config-1234 -n drift-bench >/dev/null
found=$($floe drift sync big -n drift-bench -o json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(1 for s in d for x in s['drifts'] if x['drift']=='missing' and x['object']['name']=='config-1234'))")
[ "$found" = 1 ] || { echo "floe drift did not find the deleted ConfigMap" >&2; exit 1; }
drift_table=$(python3 - "$out/drift.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ms = lambda s: f"{s * 1000:.0f}"
print("| command | median (ms) | mean ± σ (ms) |")
print("|---|---|---|")
for name, r in results.items():
    print(f"| `{name}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} |")
ratio = results["floe drift sync big (2,000 objects)"]["median"] / results["kubectl get configmaps -o json (2,000)"]["median"]
print()
print(f"Target (issue 16): drift over 2,000 inventory objects at most 2× kubectl listing them: "
      f"{'met' if ratio <= 2 else 'MISSED'} ({ratio:.2f}×).")
PY
)
write_block BENCH-DRIFT "$drift_table"
echo "$drift_table"
unset KUBECONFIG
fi

# --- bootstrap on the test bed ------------------------------------------------------------------
# The bootstrap tests' own world (the GitHub stand-in over HTTPS with git http-backend, the
# engine's test bed with the real controllers) runs the release floe; the tests record each
# run's wall time in $FLOE_BENCH_TIMINGS. bootstrap github: a first run and a no-change re-run
# (which pages through 121 deploy keys), five times. bootstrap git: floe's and flux's no-change
# re-runs on the same repository, taking turns, five each (tests/engine_bootstrap.rs).
if want bootstrap; then
timings="$out/bootstrap.tsv"
for _ in 1 2 3 4 5; do
  FLOE_BENCH_TIMINGS=$timings CI=true cargo test --release --quiet --test bootstrap \
    github::new_personal_repo_then_idempotent_rerun_on_the_real_controllers -- --exact >/dev/null 2>&1
done
FLOE_BENCH_TIMINGS=$timings CI=true cargo test --release --quiet --test engine_bootstrap >/dev/null 2>&1
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
floe = statistics.median(runs["floe bootstrap git (no change)"])
flux = statistics.median(runs["flux bootstrap git (no change)"])
print()
print(f"Targets: a no-change re-run of bootstrap github under 2 s wall (issue 4): {'met' if rerun < 2000 else 'MISSED'} ({rerun:.0f} ms); "
      f"a no-change bootstrap git at most 0.3× flux's (issue 22): {'met' if floe <= 0.3 * flux else 'MISSED'} ({floe / flux:.2f}×).")
PY
)
write_block BENCH-BOOTSTRAP "$bootstrap_table"
echo "$bootstrap_table"
fi

# --- diff on the test bed -----------------------------------------------------------------------
# Issue 25: `floe diff sync` against `flux diff kustomization` over a sync of 500 objects, on
# one test bed with the real controllers (the sync itself suspended, so only the two commands
# read and dry-run apply), in turns. The objects were applied first with kustomize-controller's
# field manager, so both find nothing to change and exit 0.
if want diff; then
scripts/testbed build >/dev/null
engine=$(scripts/testbed bin)
flux=$engine/flux
dbed="$out/diff-bed"; scripts/testbed start "$dbed" --flux --stop-with $$ >/dev/null; beds+=("$dbed")
export KUBECONFIG=$dbed/kubeconfig
$floe install --timeout=5m >/dev/null 2>&1
repo="$out/diff-repo"; mkdir -p "$repo/apps"; git -C "$repo" init -q
for i in $(seq -w 1 500); do
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%s\ndata:\n  index: "%s"\n  text: the same text in every one of them\n' "$i" "$i" >"$repo/apps/cm-$i.yaml"
done
"$engine/kubectl" create namespace bench-diff >/dev/null
cat >"$out/diff-sync.yaml" <<YAML
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: bench-diff
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps
  prune: true
  suspend: true
  targetNamespace: bench-diff
  sourceRef:
    kind: GitRepository
    name: flux-system
YAML
"$engine/kubectl" apply -f "$out/diff-sync.yaml" >/dev/null
FLOE_KUSTOMIZE=$engine/kustomize $floe build sync bench-diff --path "$repo/apps" \
  | "$engine/kubectl" apply --server-side --field-manager=kustomize-controller -f - >/dev/null
interleaved 5 3 1 "$out/diff.json" \
  -n "floe diff sync (500 objects)" "env FLOE_KUSTOMIZE=$engine/kustomize $floe diff sync bench-diff --path $repo/apps" \
  -n "flux diff kustomization (500 objects)" "$flux diff kustomization bench-diff --path $repo/apps --progress-bar=false"
diff_table=$(python3 - "$out/diff.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print("| command | median (ms) | mean ± σ (ms) | min (ms) |")
print("|---|---|---|---|")
ms = lambda s: f"{s * 1000:.0f}"
for name, r in results.items():
    print(f"| `{name}` | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {ms(r['min'])} |")
ratio = results["floe diff sync (500 objects)"]["median"] / results["flux diff kustomization (500 objects)"]["median"]
print()
print(f"Target (issue 25): floe diff sync at most 0.5× flux diff kustomization: {'met' if ratio <= 0.5 else 'MISSED'} ({ratio:.2f}×).")
PY
)
write_block BENCH-DIFF "$diff_table"
echo "$diff_table"
unset KUBECONFIG
fi
