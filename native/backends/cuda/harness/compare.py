#!/usr/bin/env python3
"""Sets the engine's CUDA benchmark (cuda_bench JSON lines) beside PyTorch's
(torch_bench.py JSON lines), measured in the same run on the same GPU, and checks
the targets of issue 5: host<->device copies >= 90% of PyTorch's, on-device
permute-contiguous >= PyTorch's. Prints a table and writes a JSON summary.

usage: compare.py OURS.jsonl TORCH.jsonl [SUMMARY.json]
Exit status 0 always (performance is reported, not asserted); the table says
which targets were met."""
import json
import sys


def load(path):
    rows, meta = {}, {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            obj = json.loads(line)
            if "name" in obj:
                rows[obj["name"]] = obj
            else:
                meta.update(obj)
    return rows, meta


def target_for(name):
    if name.startswith(("h2d_", "d2h_")):
        return 0.90
    if name.startswith("permute_"):
        return 1.00
    return None  # reference rows (d2d memcpy)


def main():
    ours, ours_meta = load(sys.argv[1])
    theirs, theirs_meta = load(sys.argv[2])
    print(f"device: {ours_meta.get('device', '?')}   torch {theirs_meta.get('torch', 'absent')}"
          + (f"   (torch skipped: {theirs_meta['skip']})" if "skip" in theirs_meta else ""))
    header = f"{'measurement':44} {'engine GB/s':>12} {'torch GB/s':>11} {'ratio':>7}  target  kernel"
    print(header)
    print("-" * len(header))
    summary = []
    for name, row in ours.items():
        other = theirs.get(name)
        ratio = row["gbps"] / other["gbps"] if other and other["gbps"] > 0 else None
        target = target_for(name)
        met = None if ratio is None or target is None else ratio >= target
        flag = "" if met is None else ("met" if met else "MISSED")
        tgt = "" if target is None else f">={target:.0%}"
        print(f"{name:44} {row['gbps']:12.2f} {other['gbps'] if other else float('nan'):11.2f} "
              f"{ratio if ratio is not None else float('nan'):7.2f}  {tgt:6} {flag:6} {row.get('kernel', '')}")
        summary.append({"name": name, "engine_gbps": row["gbps"], "torch_gbps": other["gbps"] if other else None,
                        "ratio": ratio, "target": target, "met": met, "kernel": row.get("kernel")})
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump({"device": ours_meta.get("device"), "torch": theirs_meta.get("torch"), "rows": summary}, f,
                      indent=1)
    missed = [s["name"] for s in summary if s["met"] is False]
    print(f"\ntargets missed: {', '.join(missed) if missed else 'none'}")


if __name__ == "__main__":
    main()
