#!/usr/bin/env bash
# Full-history scan of a real repository side by side with Betterleaks and Kingfisher
# (installed by package name), then the scheduled re-scan: one new commit on top of a
# cached scan (BENCHMARKS.md, "Secrets: a real repository's history").
#
#   bench/secrets_history.sh REPO.git [RUNS]
#
# REPO.git is any bare repository; nothing is fetched. The incremental case works on a
# throw-away copy of it under bench/work/, so REPO.git is never written to.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(cd "${1:?usage: bench/secrets_history.sh REPO.git [RUNS]}" && pwd)"
runs="${2:-1}"
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
harness=../shared/bench
work=bench/work/history
rm -rf "$work" && mkdir -p "$work"

"$harness/install-peers.sh" anchors apt
"$harness/run-peers.sh" --tools kingfisher,betterleaks,ours --runs "$runs" \
  --ours "$bin" --ours-name opsguard \
  --ours-args 'secrets scan {corpus} --format json --exit-zero -o {out}' --ours-count json \
  "$repo"

# The incremental case: a cold scan that fills the cache, one new commit with a leaked
# key, the timed re-scan, and a full scan whose findings it must equal.
copy="$work/repo.git"
git clone -q --bare --no-local "$repo" "$copy"
cache="$work/cache"
timed() { # label, then the command; prints wall s, CPU s, peak RSS MiB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  read -r wall user sys rss <"$work/time"
  printf '| %s | %s s | %.2f s | %d MiB |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
}
echo
echo "| opsguard secrets scan --cache | wall | CPU | peak RSS |"
echo "| --- | --- | --- | --- |"
timed "cold (fills the cache)" "$bin" secrets scan "$copy" --cache="$cache" --format json --exit-zero -o "$work/cold.json"
timed "re-scan, nothing new" "$bin" secrets scan "$copy" --cache="$cache" --format json --exit-zero -o "$work/same.json"
head=$(git --git-dir="$copy" rev-parse HEAD)
# A fake key pair, written in pieces so that this script does not itself hold one.
blob=$(printf 'aws_access_key_id = %s%s\naws_secret_access_key = %s%s\n' AKIA QYLPMN5HHHFPZAM2 \
  Xq3r8vT2mK9pL4nB7wE1 yU6iO0aS5dF2gH8jK3lZ |
  git --git-dir="$copy" hash-object -w --stdin)
tree=$( (git --git-dir="$copy" ls-tree "$head^{tree}"; printf '100644 blob %s\tbench-leak.env\n' "$blob") |
  git --git-dir="$copy" mktree)
commit=$(GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=bench@example.com git --git-dir="$copy" commit-tree "$tree" -p "$head" -m "bench: one new commit")
git --git-dir="$copy" update-ref HEAD "$commit"
timed "re-scan after one new commit" "$bin" secrets scan "$copy" --cache="$cache" --format json --exit-zero -o "$work/incremental.json"
timed "full scan, no cache (reference)" "$bin" secrets scan "$copy" --no-cache --format json --exit-zero -o "$work/full.json"
python3 - "$work/incremental.json" "$work/full.json" <<'EOF'
import json, sys
def keyed(path):
    findings = json.load(open(path))["findings"]
    return sorted(json.dumps(f, sort_keys=True) for f in findings)
incremental, full = keyed(sys.argv[1]), keyed(sys.argv[2])
verdict = "identical" if incremental == full else "DIFFERENT"
print(f"\nfindings: re-scan {len(incremental)}, full scan {len(full)}: {verdict}")
sys.exit(0 if incremental == full else 1)
EOF
