#!/usr/bin/env bash
# Hostile-input figures (BENCHMARKS.md, "Hostile input"):
#   - drift diff of two files of 100,000 distinct keys (.properties against YAML);
#   - drift diff of 1,000,000 keys each side, identical and mostly differing;
#   - secrets scan --staged in a repository of about 5,000 loose objects, then packed.
# Needs hyperfine (apt-get install hyperfine). OLD=/path/to/opsguard adds a second binary
# side by side (e.g. a build of the commit before a change).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/opsguard"
work=bench/work/hostile
rm -rf "$work" && mkdir -p "$work"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
open(f"{w}/keys.properties", "w").write("".join(f"k{i}.x=v{i}\n" for i in range(100000)))
open(f"{w}/keys.yaml", "w").write("".join(f"k{i}:\n  x: v{i}\n" for i in range(100000)))
open(f"{w}/million-a.properties", "w").write("".join(f"k{i}.x=v{i}\n" for i in range(1000000)))
open(f"{w}/million-b.properties", "w").write("".join(f"k{i}.x=w{i}\n" for i in range(1000000)))
PY
for b in "$bin" ${OLD:+"$OLD"}; do
  /usr/bin/time -f "$b: 100k keys %e s, %M KiB" "$b" drift diff "$work/keys.properties" "$work/keys.yaml" --format json -o /dev/null || true
done
cp "$work/million-a.properties" "$work/million-c.properties"
/usr/bin/time -f "1M identical (two files): %e s, %M KiB" "$bin" drift diff "$work/million-a.properties" "$work/million-c.properties" --format json -o /dev/null || true
/usr/bin/time -f "1M, every value differing: %e s, %M KiB" "$bin" drift diff "$work/million-a.properties" "$work/million-b.properties" --format json -o /dev/null || true

repo="$work/loose"
git init -q "$repo"
for i in $(seq 1 50); do
  mkdir -p "$repo/d$i"
  for j in $(seq 1 100); do echo "file $i $j" > "$repo/d$i/f$j.txt"; done
done
git -C "$repo" add . && git -C "$repo" -c user.name=b -c user.email=b@example.com commit -qm files
echo "token = placeholder" > "$repo/new.txt" && git -C "$repo" add new.txt
git -C "$repo" count-objects
cmds=("$bin secrets scan --staged -q")
[ -n "${OLD:-}" ] && cmds+=("$OLD secrets scan --staged -q")
(cd "$repo" && hyperfine -N --warmup 2 --runs 15 --ignore-failure "${cmds[@]}")
git -C "$repo" gc -q
(cd "$repo" && hyperfine -N --warmup 2 --runs 15 --ignore-failure "${cmds[@]}")
