#!/usr/bin/env python3
"""Which of Betterleaks' credential types opsguard's built-in rules find.

For every rule in Betterleaks' default configuration (read from the installed binary,
`betterleaks config show toml`; nothing of it is stored here), draws samples that match
the rule's regex (rstr's xeger, after turning RE2-only syntax into Python's), drops the
ones Betterleaks' own filter would drop (entropy), writes them to a scratch directory,
one file per rule, and scans it with opsguard's built-in rules. A rule counts as covered
when opsguard reports a finding whose secret overlaps the sample's value in that file.

Prints a Markdown table (Betterleaks rule, covered by, or not covered) and a summary.

usage: coverage_vs_betterleaks.py BETTERLEAKS OPSGUARD [--samples N] [--seed S]
needs: rstr (pip install rstr==3.2.2)"""
import argparse, json, math, os, random, re, subprocess, sys, tempfile, tomllib
from collections import Counter

import rstr

# rstr draws from sets; a fixed hash seed makes the samples, and so the table, repeatable.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

p = argparse.ArgumentParser()
p.add_argument("betterleaks")
p.add_argument("opsguard")
p.add_argument("--samples", type=int, default=3)
p.add_argument("--seed", type=int, default=1202)
p.add_argument("--show-missed", action="store_true", help="print the drawn text of types not reported, to stderr")
args = p.parse_args()
random.seed(args.seed)
gen = rstr.Rstr(random.Random(args.seed))

config = tomllib.loads(subprocess.run([args.betterleaks, "config", "show", "toml"], check=True,
                                      capture_output=True, text=True).stdout)

POSIX = {"alnum": "A-Za-z0-9", "alpha": "A-Za-z", "digit": "0-9", "upper": "A-Z", "lower": "a-z",
         "xdigit": "0-9A-Fa-f", "word": "A-Za-z0-9_", "space": r" \t\n", "punct": "!-/:-@\\[-`{-~"}


def to_python(pattern):
    """RE2 -> Python syntax, for generating samples only."""
    p = pattern
    p = re.sub(r"\(\?-?[imsU]+\)", "", p)            # inline flags anywhere
    p = re.sub(r"\(\?-?[imsU]+:", "(?:", p)           # scoped flags
    p = re.sub(r"\[:(\w+):\]", lambda m: POSIX.get(m.group(1), m.group(0)), p)
    p = p.replace(r"\z", r"\Z").replace(r"\pL", "A-Za-z").replace(r"\p{L}", "A-Za-z")
    p = re.sub(r"\{,(\d+)\}", r"{0,\1}", p)
    return p


def entropy(s):
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


def min_entropy(rule):
    f = rule.get("filter", "")
    m = re.search(r'entropy\(finding\["secret"\]\)\s*(<=?)\s*([\d.]+)', f)
    return float(m.group(2)) + (0.01 if m and m.group(1) == "<=" else 0.0) if m else 0.0


KEYWORD_ANCHORED = re.compile(r"^\(\?i\)\(\?:([a-z0-9_.-]+)(?:\|[^)]*)?\)\(\?:\[ \\t\\w\.-\]\{0,20\}\)")


def sample(rule):
    """(text, value): text as written in a `.env` file for rules anchored on a provider's
    name (`ACME_API_KEY="…"`, the shape such keys are kept in), else as the regex draws it."""
    regex = to_python(rule["regex"])
    anchored = KEYWORD_ANCHORED.match(rule["regex"])
    compiled = re.compile(regex)
    floor = min_entropy(rule)
    for _ in range(40):
        text = gen.xeger(regex)
        if "\n" in text or len(text) > 4000:
            continue
        m = compiled.search(text)
        if not m:
            continue
        group = rule.get("secretGroup") or rule.get("valueGroup")
        value = m.group(group) if group else next((g for g in m.groups() if g), m.group(0))
        if value and entropy(value) >= floor:
            if anchored:
                text = f'{anchored.group(1).upper().replace("-", "_")}_API_KEY="{value}"'
            return text, value
    return None


rows = []
with tempfile.TemporaryDirectory() as tmp:
    expected = {}
    expected_values = {}
    expected_texts = {}
    skipped = []
    for rule in config["rules"]:
        if rule.get("skipReport") or "regex" not in rule:
            skipped.append(rule["id"])
            continue
        try:
            drawn = [sample(rule) for _ in range(args.samples)]
        except (re.error, OverflowError, RecursionError, ValueError, IndexError):
            drawn = []
        drawn = [d for d in drawn if d]
        if not drawn:
            skipped.append(rule["id"])
            continue
        name = f"{len(expected):04d}.txt"
        with open(os.path.join(tmp, name), "w") as f:
            f.write("\n\n".join(text for text, _ in drawn) + "\n")
        expected[name] = (rule["id"], [value for _, value in drawn])
        expected_values[rule["id"]] = [value for _, value in drawn]
        expected_texts[rule["id"]] = [text for text, _ in drawn]
    out = subprocess.run([args.opsguard, "secrets", "scan", "--no-git", tmp, "--format", "json",
                          "--show-secrets", "--exit-zero"], capture_output=True, text=True)
    report = json.loads(out.stdout)
    found = {}
    for f in report["findings"]:
        for o in f["occurrences"]:
            found.setdefault(os.path.basename(o["path"]), []).append((f["rule_id"], f["secret"]))
    for name, (rule_id, values) in expected.items():
        by = sorted({rid for rid, secret in found.get(name, [])
                     for v in values if v in secret or secret in v})
        rows.append((rule_id, by))

ours = json.loads(subprocess.run([args.opsguard, "secrets", "rules", "list", "--format", "json"],
                                 check=True, capture_output=True, text=True).stdout)["rules"]
our_ids = [r["id"] for r in ours]
IDENTIFIER = re.compile(r"-(?:client-id|app-id|account-id|access-id|auth-id|key-id|id|username|"
                        r"user-api-id|host|url|domain|name|instance-url|address)(?:\.\d+)?$")


def why_not(rule_id, values):
    """Why opsguard does not report this type, by the shape of the rule and its values."""
    base = re.sub(r"\.\d+$", "", rule_id)
    provider = base.split("-")[0]
    if IDENTIFIER.search(rule_id):
        return "an identifier, not a credential: opsguard reports the secret it belongs with"
    same = [r for r in our_ids if r == base or r.split("-")[0] == provider]
    if same:
        return f"covered by {', '.join(f'`{r}`' for r in same[:3])} in its documented format; the drawn value is outside it"
    if all(re.fullmatch(r"[0-9a-fA-F]+", v) for v in values):
        return "a bare hex value named only by the provider: generic rules take bare hex for a digest"
    return "not covered"


covered = sum(1 for _, by in rows if by)
reasons = Counter()
print("| Betterleaks rule | opsguard rule(s) that report it, or why not |")
print("|---|---|")
for rule_id, by in rows:
    if by:
        cell = ", ".join(f"`{b}`" for b in by)
    else:
        cell = why_not(rule_id, expected_values[rule_id])
        if args.show_missed and cell == "not covered":
            print(f"{rule_id}: {expected_texts[rule_id][0][:200]!r}", file=sys.stderr)
        reasons[cell.split(":")[0].split(" in its")[0] if not cell.startswith("covered") else "covered by a rule of the same provider"] += 1
    print(f"| `{rule_id}` | {cell} |")
print()
print(f"{covered} of {len(rows)} Betterleaks rule types found by opsguard's built-in rules; "
      + "; ".join(f"{n} {why}" for why, n in reasons.most_common()) + ".")
print(f"Not sampled ({len(skipped)}: composite-only parts, or regexes the generator cannot draw): "
      + ", ".join(f"`{s}`" for s in skipped) + ".")
