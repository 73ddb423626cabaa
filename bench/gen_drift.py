#!/usr/bin/env python3
"""Generates the drift benchmark inputs: three environments, each a YAML base layered with
an environment file, with realistic value types (durations, sizes, numbers, flags, text).

usage: gen_drift.py OUT_DIR KEYS
Deterministic (fixed seed), so every run compares the same data."""
import os
import random
import sys

out, keys = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
os.makedirs(out, exist_ok=True)


def value(i, env):
    kind = i % 6
    if kind == 0:
        return f"{rng.choice([5, 10, 30, 60])}s"
    if kind == 1:
        return f"{rng.choice([256, 512, 1024])}Mi"
    if kind == 2:
        return str(rng.randint(1, 100))
    if kind == 3:
        return rng.choice(["true", "false"])
    if kind == 4:
        return f"host-{i}.{env}.internal"
    return f"\"value {i} {rng.randint(0, 9)}\""


def write(path, pairs):
    # pairs: list of (service, group, key, value), grouped as nested YAML maps
    with open(path, "w") as f:
        last_service = last_group = None
        for service, group, key, val in pairs:
            if service != last_service:
                f.write(f"{service}:\n")
                last_service, last_group = service, None
            if group != last_group:
                f.write(f"  {group}:\n")
                last_group = group
            f.write(f"    {key}: {val}\n")


base = []
for i in range(keys):
    base.append((f"service{i // 1000}", f"group{(i // 50) % 20}", f"key{i % 50}", value(i, "base")))
write(os.path.join(out, "base.yaml"), base)

for env in ["dev", "staging", "prod"]:
    # each environment overrides about 10 % of the keys, some with equivalent notation
    overrides = []
    for i in range(0, keys, 10):
        service, group, key, _ = base[i]
        overrides.append((service, group, key, value(i, env)))
    write(os.path.join(out, f"{env}.yaml"), overrides)
