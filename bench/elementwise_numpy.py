"""NumPy's side of the operation rows of `npm run bench` (bench/elementwise_ops.mjs): the same
operations the engine runs in bench/ops_bench.ts, timed the same way (one warm-up, at least
5 runs, until ~0.4 s is spent, the median). Prints JSON {name: seconds}."""
import json
import sys
import time

import numpy as np


def median_time(fn, min_reps=5, budget=0.4):
    fn()
    ts = []
    start = time.perf_counter()
    while len(ts) < min_reps or (time.perf_counter() - start < budget and len(ts) < 50):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[len(ts) // 2]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
    a = np.ones((n, n), dtype=np.float32)
    b = np.ones((n, n), dtype=np.float32)
    out = {
        "copy": median_time(lambda: a.copy()),
        "add_f32": median_time(lambda: a + b),
        "T_plus_1": median_time(lambda: a.T + 1),
        "sqrt_f32": median_time(lambda: np.sqrt(a)),
        "sum_axis0": median_time(lambda: a.sum(axis=0)),
        "sum_axis1": median_time(lambda: a.sum(axis=1)),
        "max_f32": median_time(lambda: a.max()),
    }
    json.dump({"numpy": np.__version__, "seconds": out}, sys.stdout)


main()
