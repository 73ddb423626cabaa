#!/usr/bin/env bash
# ECS across accounts (BENCHMARKS.md, "cost rightsize on ECS across accounts"). Reproduce
# with: bench/cost_ecs_accounts.sh
#   An organisation in moto on 127.0.0.1 with three member accounts; 100 Fargate services
#   of 10 tasks each (1,000 tasks) spread over them, created through boto3; then
#   `cost rightsize --accounts A,B,C` with its API calls counted (goal: one GetMetricData
#   call per 500 series per account and region).
# Needs the moto venv scripts/test installs (~/.cache/opsguard/venv-moto-5.2.5).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/opsguard"
venv="${OPSGUARD_TEST_VENV:-$HOME/.cache/opsguard/venv-moto-5.2.5}"
[ -x "$venv/bin/moto_server" ] || bash scripts/test --no-run >/dev/null
mkdir -p bench/work
port=5988
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto' EXIT
sleep 3
accounts="$("$venv/bin/python" - "$port" <<'PY'
import sys, time, boto3
kw = dict(endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
          aws_access_key_id="testing", aws_secret_access_key="testing")
began = time.time()
org = boto3.client("organizations", **kw)
org.create_organization(FeatureSet="ALL")
ids = [org.create_account(AccountName=f"member-{i}", Email=f"m{i}@example.com")
       ["CreateAccountStatus"]["AccountId"] for i in range(3)]
sts = boto3.client("sts", **kw)
for n, account in enumerate(ids):
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OpsguardReadOnly",
                        RoleSessionName="setup")["Credentials"]
    member = dict(kw, aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                  aws_session_token=c["SessionToken"])
    ecs, ec2 = boto3.client("ecs", **member), boto3.client("ec2", **member)
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
    net = {"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group]}}
    ecs.create_cluster(clusterName="main")
    services = 34 if n == 0 else 33
    for s in range(services):
        name = f"svc-{s}"
        ecs.register_task_definition(family=name, requiresCompatibilities=["FARGATE"],
            networkMode="awsvpc", cpu="512", memory="1024",
            containerDefinitions=[{"name": "app", "image": "app:1", "cpu": 512, "memory": 1024}])
        ecs.create_service(cluster="main", serviceName=name, taskDefinition=name,
                           desiredCount=10, launchType="FARGATE")
        ecs.run_task(cluster="main", taskDefinition=name, count=10, launchType="FARGATE",
                     group=f"service:{name}", networkConfiguration=net)
print(f"created 3 accounts, 100 services and 1,000 tasks in moto in {time.time() - began:.1f} s",
      file=sys.stderr)
print(",".join(ids))
PY
)"
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
  AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
/usr/bin/time -f "cost rightsize --accounts (3) against moto: %e s wall (opsguard: %U s user, %S s system), peak RSS %M KiB" \
  "$bin" cost rightsize --accounts "$accounts" --format json -o bench/work/ecs-accounts.json --exit-zero
python3 - <<'PY'
import json, math, collections
doc = json.load(open("bench/work/ecs-accounts.json"))
r = doc["requests"]
print("requests:", json.dumps(r))
per_account = collections.Counter(x.get("account_id") for x in doc["recommendations"] if x["service"] == "ecs")
print("ECS findings per account:", dict(per_account))
print("services:", doc["summary"]["resources"]["ecs_services"],
      "GetMetricData calls:", r["cloudwatch"], "goal:", 3 * math.ceil(r["metrics_requested"] / 3 / 500))
PY
