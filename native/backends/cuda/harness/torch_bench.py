#!/usr/bin/env python3
"""PyTorch's side of the CUDA benchmark: the same measurements as cuda_bench.cc,
with the same names, printed as JSON lines, for scripts/test-cuda.sh to set side
by side. Times are CUDA-event times around the copy alone (destinations are
allocated beforehand), the median of several runs.

  transfers: dst.copy_(src) host<->device, pageable and pinned, 1/64/1024 MiB
             (pinned with non_blocking=True, as one would use it)
  permutes:  x.permute(...).contiguous() on the device
"""
import json
import statistics
import sys

try:
    import torch
except ImportError:
    print(json.dumps({"skip": "PyTorch is not installed"}))
    sys.exit(0)

if not torch.cuda.is_available():
    print(json.dumps({"skip": "torch.cuda.is_available() is False"}))
    sys.exit(0)


def timed(fn, reps):
    start = torch.cuda.Event(enable_timing=True)
    stop = torch.cuda.Event(enable_timing=True)
    fn()  # warm-up
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start.record()
        fn()
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop) / 1000.0)
    return statistics.median(times)


def emit(name, nbytes, seconds, how):
    print(json.dumps({"name": name, "bytes": nbytes, "seconds": seconds,
                      "gbps": nbytes / seconds / 1e9 if seconds > 0 else 0.0, "kernel": how}), flush=True)


def reps_for(nbytes):
    return 5 if nbytes >= 512 << 20 else 10 if nbytes >= 32 << 20 else 50


def bench_transfers():
    for mib in (1, 64, 1024):
        n = mib << 20
        dev = torch.empty(n, dtype=torch.uint8, device="cuda")
        pageable = torch.ones(n, dtype=torch.uint8)
        pinned = torch.ones(n, dtype=torch.uint8).pin_memory()
        reps = reps_for(n)
        emit(f"h2d_pageable_{mib}MiB", n, timed(lambda: dev.copy_(pageable), reps), "copy_")
        emit(f"h2d_pinned_{mib}MiB", n, timed(lambda: dev.copy_(pinned, non_blocking=True), reps), "copy_ non_blocking")
        emit(f"d2h_pageable_{mib}MiB", n, timed(lambda: pageable.copy_(dev), reps), "copy_")
        emit(f"d2h_pinned_{mib}MiB", n, timed(lambda: pinned.copy_(dev, non_blocking=True), reps), "copy_ non_blocking")
        del dev, pageable, pinned


PERMUTES = [
    ("transpose_4096x4096_float32", (4096, 4096), (1, 0), torch.float32),
    ("transpose_8192x8192_float32", (8192, 8192), (1, 0), torch.float32),
    ("transpose_4096x4096_uint8", (4096, 4096), (1, 0), torch.uint8),
    ("transpose_4096x4096_float64", (4096, 4096), (1, 0), torch.float64),
    ("nchw_to_nhwc_32x64x56x56_float32", (32, 64, 56, 56), (0, 2, 3, 1), torch.float32),
]


def bench_permutes():
    for name, shape, perm, dtype in PERMUTES:
        x = torch.empty(shape, dtype=dtype, device="cuda")
        n = x.numel() * x.element_size()
        emit(f"permute_{name}", n, timed(lambda: x.permute(perm).contiguous(), 10), "contiguous()")
        y = torch.empty_like(x)
        emit(f"d2d_memcpy_{name}", n, timed(lambda: y.copy_(x), 10), "copy_")


if __name__ == "__main__":
    print(json.dumps({"device": torch.cuda.get_device_name(0), "torch": torch.__version__}), flush=True)
    if "--permutes" not in sys.argv:
        bench_transfers()
    bench_permutes()
