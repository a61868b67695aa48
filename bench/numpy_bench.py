"""NumPy's side of `npm run bench`: the same cases, timed the same way
(one warm-up, at least 5 runs, until ~0.4 s is spent, the median).

Reads the cases as JSON on stdin ([{"dtype", "shape", "perm"}, ...]) and prints
JSON results in the same order (with --conversions, also the cost of O(1) views). A case whose perm is the identity is a clone
(a.copy()); any other perm is np.ascontiguousarray(a.transpose(perm)), NumPy's
contiguous() of a permuted view.
"""
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


def per_call(fn, calls=20000):
    """Seconds per call of a cheap operation: the median of 5 loops of `calls`."""
    ts = []
    for _ in range(6):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        ts.append((time.perf_counter() - t0) / calls)
    ts.sort()
    return ts[len(ts) // 2]


def main():
    cases = json.load(sys.stdin)
    results = []
    for c in cases:
        a = np.ones(c["shape"], dtype=c["dtype"])  # touched memory, like the engine's ones()
        perm = tuple(c["perm"])
        if perm == tuple(range(len(perm))):
            fn = a.copy
        else:
            v = a.transpose(perm)
            fn = lambda v=v: np.ascontiguousarray(v)
        results.append({"seconds": median_time(fn), "bytes": int(a.nbytes)})
        del a
    conversions = None
    if "--conversions" in sys.argv[1:]:
        small = np.ones((1000, 1000), dtype=np.float32)
        conversions = {
            "view_T_seconds": per_call(lambda: small.T),
            "asarray_seconds": per_call(lambda: np.asarray(small)),
        }
    json.dump({"numpy": np.__version__, "results": results, "conversions": conversions}, sys.stdout)


if __name__ == "__main__":
    main()
