#!/usr/bin/env bash
# cost rightsize / idle benchmark (BENCHMARKS.md). Reproduce with: bench/cost_fleet.sh
#   1. analysis time of 1,000 instances and 200 databases with 14 days of metrics
#      (`cargo bench --bench cost_rightsize`; goal < 50 ms);
#   2. API calls and wall time of `cost rightsize` against moto on 127.0.0.1 with 1,000
#      instances and 200 databases created through boto3 (goal: CloudWatch calls <=
#      ceil(series / 500) per region and page).
# Needs the moto venv scripts/test installs (~/.cache/opsguard/venv-moto-5.2.5).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --quiet --bench cost_rightsize
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
venv="${OPSGUARD_TEST_VENV:-$HOME/.cache/opsguard/venv-moto-5.2.5}"
[ -x "$venv/bin/moto_server" ] || bash scripts/test --no-run >/dev/null
port=5987
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto' EXIT
sleep 3
"$venv/bin/python" - "$port" <<'PY'
import sys, time, boto3
kw = dict(endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
          aws_access_key_id="testing", aws_secret_access_key="testing")
ec2, rds = boto3.client("ec2", **kw), boto3.client("rds", **kw)
began = time.time()
for kind in ["m5.large", "c5.xlarge", "r5.2xlarge", "t3.medium"]:
    ec2.run_instances(ImageId="ami-760aaa0f", MinCount=250, MaxCount=250, InstanceType=kind)
for i in range(200):
    rds.create_db_instance(DBInstanceIdentifier=f"db-{i}", DBInstanceClass="db.m5.large",
                           Engine="postgres", MasterUsername="a", MasterUserPassword="password1",
                           AllocatedStorage=20)
print(f"created 1,000 instances and 200 databases in moto in {time.time() - began:.1f} s", file=sys.stderr)
PY
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
  AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
/usr/bin/time -f "cost rightsize against moto: %e s wall (opsguard: %U s user, %S s system), peak RSS %M KiB" \
  "$bin" cost rightsize --format json -o bench/work/rightsize-moto.json --exit-zero
python3 - <<'PY'
import json, math
doc = json.load(open("bench/work/rightsize-moto.json"))
r = doc["requests"]
print("requests:", json.dumps(r))
print("CloudWatch calls:", r["cloudwatch"], "goal:", math.ceil(r["metrics_requested"] / 500))
PY
