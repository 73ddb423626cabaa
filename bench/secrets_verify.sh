#!/usr/bin/env bash
# `secrets scan --verify` throughput (BENCHMARKS.md, "secrets scan --verify"). Reproduce
# with: bench/secrets_verify.sh [OPSGUARD_BINARY]
#   12 providers x 10 planted keys (120 distinct secrets, half of them "live") in a plain
#   directory; every provider moved to one local stand-in server (the test-only
#   OPSGUARD_VERIFY_ENDPOINT_<PROVIDER> variables) that answers each request after
#   100 ms, as a provider across the internet would. Prints wall time and requests made.
# Nothing leaves the machine; the keys are random and never valid anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  bin="$1"
else
  cargo build --release --quiet
  bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
fi
work="bench/work/verify"
rm -rf "$work" && mkdir -p "$work/tree"
port=5989

python3 - "$port" <<'PY' &
import http.server, socketserver, sys, time, zlib
class Answer(http.server.BaseHTTPRequestHandler):
    def reply(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        time.sleep(0.1)
        # "Live" when the request's headers hash even: half the keys, deterministic.
        live = zlib.crc32(str(sorted(self.headers.items())).encode()) % 2 == 0
        provider = self.path.split("/")[1]
        body, status = b'{"ok":true,"login":"x","username":"x"}', 200
        if not live:
            status = {"pypi": 403, "google": 400, "datadog": 403}.get(provider, 401)
            body = {"pypi": b"Invalid or non-existent authentication information",
                    "google": b'{"error":{"details":[{"reason":"API_KEY_INVALID"}]}}',
                    "slack": b'{"ok":false}'}.get(provider, b"{}")
            if provider == "slack":
                status = 200
        elif provider == "pypi":
            status, body = 400, b"Unknown protocol version."
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = reply
    def log_message(self, *a):
        pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Answer).serve_forever()
PY
server=$!
trap 'kill $server' EXIT

python3 - "$work/tree" <<'PY'
import random, string, sys, pathlib
rng = random.Random(7)
an = string.ascii_letters + string.digits
def r(n, alphabet=an):
    return "".join(rng.choice(alphabet) for _ in range(n))
shapes = {
    "github": lambda: f"GITHUB_TOKEN=ghp_{r(36)}",
    "gitlab": lambda: f"GITLAB_TOKEN=glpat-{r(20)}",
    "slack": lambda: f"SLACK_BOT_TOKEN=xoxb-{r(12, string.digits)}-{r(13, string.digits)}-{r(24)}",
    "sendgrid": lambda: f"SENDGRID_API_KEY=SG.{r(22)}.{r(43)}",
    "stripe": lambda: f"STRIPE_KEY=sk_live_{r(32)}",
    "openai": lambda: f"OPENAI_API_KEY=sk-proj-{r(64)}T3BlbkFJ{r(64)}",
    "anthropic": lambda: f"ANTHROPIC_API_KEY=sk-ant-api03-{r(93)}AA",
    "npm": lambda: f"NPM_TOKEN=npm_{r(36)}",
    "datadog": lambda: f"DATADOG_API_KEY={r(32, '0123456789abcdef')}",
    "pypi": lambda: f"password = pypi-AgEIcHlwaS5vcmc{r(70)}",
    "google": lambda: f"GOOGLE_API_KEY=AIza{r(35)}",
    "docker-hub": lambda: f"DOCKERHUB_TOKEN=dckr_pat_{r(27)}",
}
root = pathlib.Path(sys.argv[1])
for provider, shape in shapes.items():
    for i in range(10):
        lines = [shape()]
        if provider == "docker-hub":
            lines.append("DOCKERHUB_USERNAME=benchbot")
        (root / f"{provider}-{i}.env").write_text("\n".join(lines) + "\n")
PY

env_args=()
for p in github gitlab slack sendgrid stripe openai anthropic npm datadog pypi google docker-hub; do
  var="OPSGUARD_VERIFY_ENDPOINT_$(echo "$p" | tr 'a-z-' 'A-Z_')"
  env_args+=("$var=http://127.0.0.1:$port/$p")
done
sleep 1
echo "binary: $bin"
start=$(date +%s.%N)
env "${env_args[@]}" "$bin" secrets scan --no-git --verify --format json "$work/tree" \
  >"$work/report.json" || [ $? -eq 1 ]
end=$(date +%s.%N)
python3 - "$work/report.json" "$start" "$end" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
v = doc["summary"]["verified"]
print(f"findings: {len(doc['findings'])}; verified: {v}")
print(f"wall: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s")
PY
