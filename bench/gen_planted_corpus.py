#!/usr/bin/env python3
"""Builds the precision/recall corpus for the side-by-side secrets benchmark: a git
repository of real source text (the crate sources in the local cargo registry) with
credentials of 30 kinds planted at known places, and beside them decoys: placeholders,
documentation examples, references to a secret store, all-zero test fixtures and
credential-free URLs, which no scanner should report.

Writes OUT/repo (a repository with a work tree; the bench clones it bare for the peers)
and OUT/truth.tsv in the format of ../shared/bench/run-peers.sh --truth:
    id  kind  token  placement  path  rule  needle
A tool has reported an item when the item's token (part of its file's name) or its needle
(a distinctive part of its value) appears in the tool's output. Kinds starting with
`decoy` are decoys. Every value is random and was never valid.

usage: gen_planted_corpus.py OUT_DIR [--commits N] [--seed S]"""
import argparse, base64, json, os, random, string, sys

from fast_import import FastImport, source_pool

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--commits", type=int, default=3000)
p.add_argument("--filler-mb", type=int, default=60)
p.add_argument("--seed", type=int, default=1202)
p.add_argument("--source", default=os.path.expanduser("~/.cargo/registry/src"))
args = p.parse_args()
rng = random.Random(args.seed)

ALNUM = string.ascii_letters + string.digits
UPPER_NUM = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"


def r(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))


def pem(kind="PRIVATE KEY", sep="\n"):
    lines = [base64.b64encode(rng.randbytes(48)).decode() for _ in range(8)]
    return f"-----BEGIN {kind}-----{sep}" + sep.join(lines) + f"{sep}-----END {kind}-----"


def binary_with(text):
    """An ELF-looking blob with the text among NUL-separated strings."""
    head = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + rng.randbytes(400)
    strings = b"\x00".join([b"usage: tool [options]", b"config.yaml", text.encode(), b"GLIBC_2.34"])
    return head + b"\x00" + strings + b"\x00" + rng.randbytes(300)


# (kind, our rule, extension, generator -> (file text, needle))
REAL = [
    ("github-pat", "github-pat", "env", lambda s=None: (f"GITHUB_TOKEN={(s := 'ghp_' + r(ALNUM, 36))}\n", s)),
    ("github-fine-grained-pat", "github-fine-grained-pat", "sh", lambda s=None: (f"export GH_TOKEN={(s := 'github_pat_' + r(ALNUM, 22) + '_' + r(ALNUM, 59))}\n", s)),
    ("aws-access-key", "aws-access-key-id", "ini", lambda s=None: (f"[default]\naws_access_key_id = {(s := 'AKIA' + r('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16))}\naws_secret_access_key = {r(B64, 40)}\n", s)),
    ("stripe-secret-key", "stripe-secret-key", "py", lambda s=None: (f'stripe.api_key = "{(s := "sk_live_" + r(ALNUM, 24))}"\n', s)),
    ("slack-bot-token", "slack-bot-token", "yml", lambda s=None: (f"slack:\n  token: {(s := 'xoxb-' + r(string.digits, 12) + '-' + r(string.digits, 13) + '-' + r(ALNUM, 24))}\n", s)),
    ("slack-webhook", "slack-webhook-url", "json", lambda s=None: (f'{{"webhook": "{(s := "https://hooks.slack.com/services/T" + r(UPPER_NUM, 8) + "/B" + r(UPPER_NUM, 8) + "/" + r(ALNUM, 24))}"}}\n', s)),
    ("gitlab-pat", "gitlab-pat", "toml", lambda s=None: (f'token = "{(s := "glpat-" + r(ALNUM, 20))}"\n', s)),
    ("sendgrid-api-key", "sendgrid-api-key", "env", lambda s=None: (f"SENDGRID_API_KEY={(s := 'SG.' + r(ALNUM, 22) + '.' + r(ALNUM, 43))}\n", s)),
    ("npm-token", "npm-access-token", "npmrc", lambda s=None: (f"//registry.npmjs.org/:_authToken={(s := 'npm_' + r(ALNUM, 36))}\n", s)),
    ("database-url", "database-url-credentials", "env", lambda s=None: (f"DATABASE_URL=postgres://app:{(s := r(ALNUM, 18))}@db.internal:5432/app\n", s)),
    ("anthropic-api-key", "anthropic-api-key", "env", lambda s=None: (f"ANTHROPIC_API_KEY={(s := 'sk-ant-api03-' + r(ALNUM + '_-', 93) + 'AA')}\n", s)),
    ("openai-api-key", "openai-api-key", "py", lambda s=None: (f'client = OpenAI(api_key="{(s := "sk-" + r(ALNUM, 20) + "T3BlbkFJ" + r(ALNUM, 20))}")\n', s)),
    ("huggingface-token", "huggingface-access-token", "env", lambda s=None: (f"HF_TOKEN={(s := 'hf_' + r(string.ascii_letters, 34))}\n", s)),
    ("gcp-api-key", "gcp-api-key", "js", lambda s=None: (f'const firebaseKey = "{(s := "AIza" + r(ALNUM + "_-", 35))}";\n', s)),
    ("rsa-private-key", "rsa-private-key", "pem", lambda s=None: ((s := pem("RSA PRIVATE KEY")) + "\n", s.splitlines()[3])),
    ("gcp-service-account-json", "gcp-service-account-key", "json", lambda s=None: (json.dumps({"type": "service_account", "project_id": "demo-" + r(string.digits, 6), "private_key_id": r(HEX, 40), "private_key": (s := pem()) + "\n", "client_email": "ci@demo.iam.gserviceaccount.com", "token_uri": "https://oauth2.googleapis.com/token"}, indent=2) + "\n", s.splitlines()[2])),
    ("twilio-api-key", "twilio-api-key", "env", lambda s=None: (f"TWILIO_API_KEY={(s := 'SK' + r(HEX, 32))}\n", s)),
    ("pypi-token", "pypi-upload-token", "pypirc", lambda s=None: (f"[pypi]\nusername = __token__\npassword = {(s := 'pypi-AgEIcHlwaS5vcmc' + r(ALNUM + '_-', 80))}\n", s)),
    ("docker-hub-pat", "docker-hub-pat", "sh", lambda s=None: (f"echo {(s := 'dckr_pat_' + r(ALNUM + '_-', 27))} | docker login -u ci --password-stdin\n", s)),
    ("datadog-api-key", "datadog-api-key", "env", lambda s=None: (f"DD_API_KEY={(s := r(HEX, 32))}\n", s)),
    ("telegram-bot-token", "telegram-bot-token", "py", lambda s=None: (f'TELEGRAM_BOT_TOKEN = "{(s := r(string.digits, 10) + ":AA" + r(ALNUM + "_-", 33))}"\n', s)),
    ("shopify-token", "shopify-access-token", "rb", lambda s=None: (f'SHOPIFY_TOKEN = "{(s := "shpat_" + r(HEX, 32))}"\n', s)),
    ("mailgun-key", "mailgun-private-api-key", "env", lambda s=None: (f"MAILGUN_API_KEY={(s := 'key-' + r(HEX, 32))}\n", s)),
    ("age-secret-key", "age-secret-key", "txt", lambda s=None: (f"# created: 2026-01-01\n{(s := 'AGE-SECRET-KEY-1' + r('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58))}\n", s)),
    ("generic-password", "generic-password", "yaml", lambda s=None: (f"database:\n  user: app\n  password: {(s := r(ALNUM, 20))}\n", s)),
    ("netrc", "netrc-password", "netrc", lambda s=None: (f"machine api.acme.io login deploy password {(s := r(ALNUM, 24))}\n", s)),
    ("password-in-code", "generic-password", "py", lambda s=None: (f'conn = connect(host="db", password="{(s := r(ALNUM, 16))}")\n', s)),
    ("private-key-in-json-string", "pkcs8-private-key", "json", lambda s=None: (json.dumps({"tls": {"key": (s := pem()) + "\n"}}) + "\n", s.splitlines()[4])),
    ("github-pat-in-binary", "github-pat", "bin", lambda s=None: (binary_with(s := "ghp_" + r(ALNUM, 36)), s)),
    ("aws-key-in-utf16-binary", "aws-access-key-id", "dll", lambda s=None: (b"MZ\x90\x00" + rng.randbytes(200) + (s := "AKIA" + r("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)).encode("utf-16-le") + b"\x00\x00" + rng.randbytes(200), s)),
]

# (kind, extension, file text): nothing here is a secret.
DECOYS = [
    ("decoy-repeated", "md", "Set `GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` in your shell.\n"),
    ("decoy-repeated", "md", "stripe.api_key = 'sk_live_XXXXXXXXXXXXXXXXXXXXXXXX'\n"),
    ("decoy-repeated", "js", 'const apiKey = "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";\n'),
    ("decoy-repeated", "env", "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx\n"),
    ("decoy-repeated", "md", "Webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n"),
    ("decoy-example", "md", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
    ("decoy-example", "py", 'stripe.api_key = "sk_live_FAKEFAKEFAKEFAKEFAKEFAKE"\n'),
    ("decoy-example", "env", "SLACK_BOT_TOKEN=xoxb-000000000000-0000000000000-DUMMYDUMMYDUMMYDUMMY1234\n"),
    ("decoy-example", "yaml", "openai:\n  api_key: sk-EXAMPLEEXAMPLEEXAMPLET3BlbkFJEXAMPLEEXAMPLEEXAMPLE\n"),
    ("decoy-zero-fixture", "json", '{"api_key": "00000000-0000-0000-0000-000000000000", "token": "0000000000000000000000000000000000000000"}\n'),
    ("decoy-zero-fixture", "py", 'TEST_DD_API_KEY = "00000000000000000000000000000000"\n'),
    ("decoy-url", "json", '{"auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}\n'),
    ("decoy-url", "yaml", "oauth:\n  access_token_url: https://login.example.invalid/oauth/token\n  api_key_url: https://console.example.invalid/settings/keys\n"),
    ("decoy-reference", "yaml", "db:\n  password: ${DB_PASSWORD}\n  api_key: \"{{ .Values.apiKey }}\"\n"),
    ("decoy-reference", "yml", "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  SECRET_KEY: $SECRET_KEY_FROM_VAULT\n"),
    ("decoy-reference", "py", 'DSN = "postgres://%(user)s:%(password)s@%(host)s/app"\napi_token = os.environ["API_TOKEN"]\n'),
    ("decoy-reference", "tf", 'password = var.db_password\napi_key  = data.vault_generic_secret.app.data["api_key"]\n'),
    ("decoy-placeholder", "env", "API_KEY=your_api_key_here\nSECRET_TOKEN=<your-token>\nPASSWORD=changeme\n"),
    ("decoy-placeholder", "md", "export ANTHROPIC_API_KEY=sk-ant-api03-REPLACE_ME\n"),
    ("decoy-sequence", "py", 'API_KEY = "abcdefghijklmnopqrstuvwxyz012345"\nsecret = "1234567890123456"\n'),
    ("decoy-truncated-pem", "md", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"),
]

pool, base = source_pool(args.source, (".rs", ".md", ".toml", ".txt", ".json", ".yml", ".py"), 200, 64 * 1024)

out = os.path.abspath(args.out)
repo = os.path.join(out, "repo")
if os.path.exists(repo):
    sys.exit(f"{repo} exists; remove it first")
os.makedirs(out, exist_ok=True)
git = FastImport(repo)

items = []  # (commit index, kind, token, placement, path, rule, needle, data)
slots = list(range(50, args.commits - 10))
rng.shuffle(slots)
placements = ["head", "history", "branch"]
n_item = 0
for round_ in range(2):
    for kind, rule, ext, gen in REAL:
        text, needle = gen()
        data = text if isinstance(text, bytes) else text.encode()
        token = r("0123456789abcdefghjkmnpqrstvwxyz", 10)
        placement = placements[(n_item + round_) % 3]
        items.append((slots.pop(), kind, token, placement, f"src/f{token}.{ext}", rule, needle, data))
        n_item += 1
for kind, ext, text in DECOYS:
    token = r("0123456789abcdefghjkmnpqrstvwxyz", 10)
    # Decoys stay in the tree: a scanner of HEAD and one of history see them alike.
    items.append((slots.pop(), kind, token, "head", f"docs/f{token}.{ext}", "", "", text.encode()))
by_commit = {i[0]: i for i in items}

budget = args.filler_mb * 1024 * 1024 // args.commits
last_main = None
t0 = 1_700_000_000
pending_deletes = {}
for n in range(args.commits):
    item = by_commit.get(n)
    branch = "main"
    if item and item[3] == "branch":
        branch = f"topic/{item[2]}"
    changes = []
    size = 0
    while size < budget:
        src = rng.choice(pool)
        with open(src, "rb") as f:
            data = f.read() + b"\n// revision %d\n" % n
        changes.append((os.path.relpath(src, base), data))
        size += len(data)
    if item:
        changes.append((item[4], item[7]))
        if item[3] == "history":
            pending_deletes[n + 3] = item[4]
    marks = [(path, git.blob(data)) for path, data in changes]
    if n in pending_deletes and branch != "main":
        pending_deletes[n + 1] = pending_deletes.pop(n)
    deletes = [pending_deletes.pop(n)] if n in pending_deletes else []
    mark = git.commit(branch, t0 + n * 600, f"change {n}\n", last_main, marks, deletes)
    if branch == "main":
        last_main = mark
git.finish()
with open(os.path.join(out, "truth.tsv"), "w") as f:
    f.write("id\tkind\ttoken\tplacement\tpath\trule\tneedle\n")
    for i, item in enumerate(sorted(items, key=lambda x: x[0])):
        _, kind, token, placement, path, rule, needle, _ = item
        f.write(f"{i + 1}\t{kind}\t{token}\t{placement}\t{path}\t{rule}\t{needle}\n")
real = sum(1 for i in items if not i[1].startswith("decoy"))
print(f"{args.commits} commits, {real} planted secrets, {len(items) - real} decoys -> {repo}")
