"""NumPy's side of `stridescope profile`: the equivalents of the sweep's
operations, timed the way the engine's are (warm-up runs, then each run timed
alone with perf_counter; the caller takes median and min-max).

The timing approach follows bench/numpy_bench.py (touched operands from
np.ones, a warm-up before timing); this script adds per-run samples, which the
profiler needs for min-max. Reads JSON on stdin:
  {"warmup": W, "repeats": R, "cases": [{"op": "clone", "shape": [...]}, ...]}
and prints {"numpy": version, "results": [{"expr", "samples"} | null, ...]}.
An op NumPy has no equivalent for (device moves) gets null.
"""
import json
import sys
import time

import numpy as np

# op id (src/profiler/node/operations.ts) -> (expression shown, builder of the timed call on array a)
EQUIVALENTS = {
    "from_numpy": ("a.view()", lambda a: a.view),
    "numpy": ("np.asarray(a)", lambda a: (lambda: np.asarray(a))),
    "tensor": ("np.array(a)", lambda a: (lambda: np.array(a))),
    "clone": ("a.copy()", lambda a: a.copy),
    "contiguous_T": ("np.ascontiguousarray(a.T)", lambda a: (lambda v=a.T: np.ascontiguousarray(v))),
    "contiguous_permute": (
        "np.ascontiguousarray(a.transpose(0, 2, 3, 1))",
        lambda a: (lambda v=a.transpose(0, 2, 3, 1): np.ascontiguousarray(v)),
    ),
}


def samples(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main():
    req = json.load(sys.stdin)
    results = []
    for case in req["cases"]:
        eq = EQUIVALENTS.get(case["op"])
        if eq is None:
            results.append(None)
            continue
        expr, build = eq
        a = np.ones(case["shape"], dtype=np.float32)
        results.append({"expr": expr, "samples": samples(build(a), int(req["warmup"]), int(req["repeats"]))})
        del a
    json.dump({"numpy": np.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
