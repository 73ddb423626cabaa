#!/usr/bin/env bash
# Drift benchmark (BENCHMARKS.md): wall time of `opsguard drift check` on
#   - large:   3 environments x 50,000 keys, each a YAML base layered with an env file;
#   - typical: 3 environments x 300 keys (a service's config), start-up included.
# Needs hyperfine (apt-get install hyperfine). Run from anywhere: bench/drift.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/opsguard"
work=bench/work/drift
rm -rf "$work"
python3 bench/gen_drift.py "$work/large" 50000
python3 bench/gen_drift.py "$work/typical" 300
wc -l "$work"/large/*.yaml | tail -1

for size in large typical; do
  d="$work/$size"
  hyperfine --warmup 3 --runs "${RUNS:-20}" -N --ignore-failure \
    "$bin drift check --format json -o /dev/null --env dev=$d/base.yaml,$d/dev.yaml --env staging=$d/base.yaml,$d/staging.yaml --env prod=$d/base.yaml,$d/prod.yaml"
done
/usr/bin/time -f "peak RSS (large): %M KiB" "$bin" drift check --format json -o /dev/null \
  --env dev="$work/large/base.yaml,$work/large/dev.yaml" \
  --env staging="$work/large/base.yaml,$work/large/staging.yaml" \
  --env prod="$work/large/base.yaml,$work/large/prod.yaml" || true
