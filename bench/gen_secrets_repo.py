#!/usr/bin/env python3
"""Builds the secrets benchmark repository with `git fast-import`: tens of thousands of
commits of real source text (the crate sources in the local cargo registry), with fake
credentials planted at known commits and paths, some deleted again (history only) and some
on a side branch. Writes the ground truth to planted.json beside the repository.

usage: gen_secrets_repo.py OUT_DIR [--commits N] [--target-mb M] [--seed S]
Deterministic for a given registry, seed and arguments."""
import argparse, json, os, random, string, sys

from fast_import import FastImport, source_pool

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--commits", type=int, default=30000)
p.add_argument("--target-mb", type=int, default=300)
p.add_argument("--seed", type=int, default=7)
p.add_argument("--source", default=os.path.expanduser("~/.cargo/registry/src"))
args = p.parse_args()
rng = random.Random(args.seed)

EXTS = (".rs", ".md", ".toml", ".c", ".h", ".txt", ".json", ".yml", ".yaml", ".py", ".sh")
pool, base = source_pool(args.source, EXTS, 200, 128 * 1024)

def rand(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
# (expected rule id, line text with {S} for the secret, secret generator)
KINDS = [
    ("github-pat", "GITHUB_TOKEN={S}", lambda: "ghp_" + rand(ALNUM, 36)),
    ("aws-access-key-id", "aws_access_key_id = {S}", lambda: "AKIA" + rand(string.ascii_uppercase + "234567", 16)),
    ("stripe-secret-key", "STRIPE_KEY = \"{S}\"", lambda: "sk_live_" + rand(ALNUM, 32)),
    ("slack-bot-token", "slack: {S}", lambda: "xoxb-" + rand(string.digits, 12) + "-" + rand(string.digits, 13) + "-" + rand(ALNUM, 24)),
    ("gitlab-pat", "token: {S}", lambda: "glpat-" + rand(ALNUM, 20)),
    ("sendgrid-api-key", "SENDGRID={S}", lambda: "SG." + rand(ALNUM + "_-", 22) + "." + rand(ALNUM + "_-", 43)),
    ("npm-access-token", "//registry.npmjs.org/:_authToken={S}", lambda: "npm_" + rand(ALNUM, 36)),
    ("database-url-credentials", "DATABASE_URL=postgres://app:{S}@db.internal:5432/app", lambda: rand(ALNUM, 18)),
    ("anthropic-api-key", "ANTHROPIC_API_KEY={S}", lambda: "sk-ant-api03-" + rand(ALNUM + "_-", 93) + "AA"),
    ("huggingface-access-token", "HF_TOKEN={S}", lambda: "hf_" + rand(string.ascii_letters, 34)),
]

out = os.path.abspath(args.out)
repo = os.path.join(out, "repo")
os.makedirs(out, exist_ok=True)
git = FastImport(repo)

planted = []
budget = args.target_mb * 1024 * 1024 // args.commits
last = {"main": None}
t0 = 1_700_000_000
total = 0
for n in range(args.commits):
    branch = "main"
    if n % 5000 == 4999:
        branch = f"feature-{n}"
    changes = []
    size = 0
    while size < budget:
        src = rng.choice(pool)
        with open(src, "rb") as f:
            data = f.read()
        data += b"\n// revision %d\n" % n
        rel = os.path.relpath(src, base)
        changes.append((rel, data))
        size += len(data)
    note = ""
    if n % 250 == 125:
        rule, line, gen = KINDS[(n // 250) % len(KINDS)]
        secret = gen()
        rel = f"config/service-{n}.env"
        changes.append((rel, (line.replace("{S}", secret) + "\n").encode()))
        history_only = (n // 250) % 3 == 0
        planted.append({"rule_id": rule, "secret": secret, "path": rel, "commit_index": n, "branch": branch, "history_only": history_only})
        note = f" (plant {rule})"
    marks = [(rel, git.blob(data)) for rel, data in changes]
    total += size
    t = t0 + n * 600
    mark = git.commit(branch, t, f"change {n}{note}\n", last["main"], marks)
    if branch == "main":
        last["main"] = mark
    # delete history-only plants again on main, a few commits later, by a new commit
    for p_ in planted:
        if p_["history_only"] and p_["branch"] == "main" and p_["commit_index"] == n - 5:
            last["main"] = git.commit("main", t + 1, "remove leaked file\n", last["main"],
                                      deletes=[p_["path"]])
git.finish()
with open(os.path.join(out, "planted.json"), "w") as f:
    json.dump(planted, f, indent=1)
print(f"{args.commits} commits, {total / 1e6:.0f} MB of blob text, {len(planted)} planted secrets -> {repo}")
