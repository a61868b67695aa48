"""NumPy's side of the operation rows of `npm run bench` (see bench/ops_bench.ts).

Reads the cases as JSON on stdin, prints JSON {numpy, results: [{seconds}]}: the median
of >= 5 runs after a warm-up, as the engine side is measured.
"""
import json
import sys
import time

import numpy as np


def median_time(fn, min_reps=5, budget=1.0):
    fn()
    ts = []
    start = time.perf_counter()
    while len(ts) < min_reps or (time.perf_counter() - start < budget and len(ts) < 50):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[len(ts) // 2]


def run_case(c):
    rng = np.random.RandomState(0)
    if c["op"] == "matmul":
        a = rng.rand(c["n"], c["n"]).astype(c["dtype"])
        b = rng.rand(c["n"], c["n"]).astype(c["dtype"])
        return {"seconds": median_time(lambda: a @ b)}
    if c["op"] == "concatenate":
        arrays = [np.full(c["n"], i, dtype=c["dtype"]) for i in range(c.get("parts", 4))]
        return {"seconds": median_time(lambda: np.concatenate(arrays))}
    if c["op"] in ("mask", "gather"):
        a = rng.rand(c["n"]).astype(c["dtype"])
        index = a > 0.5 if c["op"] == "mask" else (np.arange(c["n"]) * 7919) % c["n"]
        return {"seconds": median_time(lambda: a[index])}
    if c["op"] in ("sort", "argsort"):
        a = rng.rand(*c.get("shape", [c["n"]])).astype(c["dtype"])
        fn = np.sort if c["op"] == "sort" else np.argsort
        return {"seconds": median_time(lambda: fn(a, axis=-1))}
    return {"skipped": "unknown op " + c["op"]}


cases = json.loads(sys.stdin.read())
print(json.dumps({"numpy": np.__version__, "results": [run_case(c) for c in cases]}))
