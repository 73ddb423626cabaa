#!/usr/bin/env bash
# Secrets benchmark (BENCHMARKS.md). Reproduce with: bench/secrets.sh
#   1. full-history scan of a generated repository (bench/gen_secrets_repo.py: 20,000
#      commits of crate sources from the local cargo registry, 80 planted secrets):
#      throughput in MB/s of unique blob bytes, peak RSS, recall;
#   2. the HEAD working tree, side by side with the peers installable by package name
#      (trufflehog3 and detect-secrets from PyPI, ripsecrets from crates.io);
#   3. `secrets scan --staged` with 10 changed files (the pre-commit case).
# Needs hyperfine (apt-get install hyperfine) and network access to PyPI / crates.io for the peers.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
work=bench/work/secrets-big
peers="${OPSGUARD_PEERS:-$HOME/.cache/opsguard/peers}"
if [ ! -d "$work/repo" ]; then
  python3 bench/gen_secrets_repo.py "$work" --commits "${COMMITS:-20000}" --target-mb "${TARGET_MB:-300}"
fi
if [ ! -x "$peers/bin/trufflehog3" ]; then
  python3 -m venv "$peers"
  "$peers/bin/pip" install --quiet trufflehog3==3.0.10 detect-secrets==1.5.0
fi
[ -x "$peers/bin/ripsecrets" ] || cargo install --quiet --root "$peers" ripsecrets@0.1.11

echo "== full history =="
hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
  "$bin secrets scan $work/repo --format json -o /dev/null --exit-zero"
/usr/bin/time -f "opsguard history: %e s wall, peak RSS %M KiB" \
  "$bin" secrets scan "$work/repo" --format json -o "$work/history.json" --show-secrets --exit-zero
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
report = json.load(open(f"{work}/history.json"))
planted = json.load(open(f"{work}/planted.json"))
found = {(f["rule_id"], o["path"]) for f in report["findings"] for o in f["occurrences"]}
hits = sum((p["rule_id"], p["path"]) in found for p in planted)
s = report["summary"]
print(f"unique blobs {s['blobs_scanned']}, {s['bytes_scanned']/1e6:.0f} MB, {s['commits_scanned']} commits")
print(f"recall {hits}/{len(planted)}; other findings {len(report['findings']) - hits} (real keys and credential URLs in the crate sources)")
PY

echo "== working tree of HEAD, side by side =="
tree="$work/worktree"
rm -rf "$tree" && mkdir -p "$tree"
git -C "$work/repo" archive HEAD | tar -x -C "$tree"
du -sb "$tree" | awk '{printf "working tree: %.0f MB\n", $1/1e6}'
run() { # name, output file, command...
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "$name: %e s wall, peak RSS %M KiB" "$@" > "$out" 2> "$out.err" || true
  tail -1 "$out.err"
}
run opsguard "$work/opsguard.json" "$bin" secrets scan --no-git "$tree" --format json --show-secrets --exit-zero
run ripsecrets "$work/ripsecrets.txt" "$peers/bin/ripsecrets" "$tree"
run trufflehog3 "$work/trufflehog3.json" "$peers/bin/trufflehog3" --no-history -z -f JSON "$tree"
(cd "$tree" && run detect-secrets ../detect-secrets.json "$peers/bin/detect-secrets" scan --all-files .)
python3 - "$work" <<'PY'
import hashlib, json, sys
work = sys.argv[1]
planted = [p for p in json.load(open(f"{work}/planted.json")) if p["branch"] == "main" and not p["history_only"]]
def text(name):
    try:
        return open(f"{work}/{name}", errors="replace").read()
    except OSError:
        return ""
outputs = {n: text(f) for n, f in [("opsguard", "opsguard.json"), ("ripsecrets", "ripsecrets.txt"), ("trufflehog3", "trufflehog3.json"), ("detect-secrets", "detect-secrets.json")]}
for name, out in outputs.items():
    # detect-secrets stores SHA-1 hashes of secrets, not the secrets.
    keys = [hashlib.sha1(p["secret"].encode()).hexdigest() if name == "detect-secrets" else p["secret"] for p in planted]
    print(f"{name}: recall {sum(k in out for k in keys)}/{len(planted)} planted secrets present at HEAD")
PY

echo "== --staged with 10 changed files =="
repo="$work/repo"
files=$(git -C "$repo" ls-files | sed -n 1,10p)
for f in $files; do echo "// staged change" >> "$repo/$f"; done
git -C "$repo" add $files
hyperfine --warmup 3 --runs 30 -N -i --setup true "$bin secrets scan $repo --staged"
git -C "$repo" reset -q --hard HEAD
