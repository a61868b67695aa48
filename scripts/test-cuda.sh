#!/usr/bin/env bash
# On a GPU machine: builds the CUDA backend, runs its tests, and benchmarks it
# beside PyTorch in the same run — in a few minutes, with no Node needed.
#   1. native/backends/cuda/build.sh: libstridescope_cuda.so + harness (nvcc, g++)
#   2. cuda_kernel_test: the library's kernels and copies against a host reference
#   3. the engine's cuda C++ tests (native/tests/cuda_*_test.cc) built with g++
#      against the core, using the real GPU through the dlopen'd library
#   4. cuda_bench and torch_bench.py, then compare.py's table: H2D/D2H GB/s
#      pageable and pinned at 1/64/1024 MiB, on-device permute-contiguous GB/s,
#      each beside PyTorch's (targets: transfers >= 90%, permutes >= 100%)
# Results go to $OUT (the device tool's output folder) or native/backends/cuda/build/results.
# Without a GPU every step that needs one prints SKIP and the script still
# builds everything (a dry check). Exit status: 1 if any build or test failed;
# missed performance targets are reported, not failed.
#   --no-bench   skip step 4          JOBS=N   parallel compiles (default: all cores)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cuda="$root/native/backends/cuda"
results="${OUT:-$cuda/build/results}"
mkdir -p "$results"
export JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
bench=1
[[ "${1:-}" == "--no-bench" ]] && bench=0
failed=()
step() { echo; echo "=== $* ==="; }

step "GPU"
if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; else echo "nvidia-smi not found"; fi

step "build the CUDA backend (nvcc)"
t0=$SECONDS
bash "$cuda/build.sh" || { echo "CUDA build failed"; exit 1; }
echo "build: $((SECONDS - t0)) s"

step "cuda_kernel_test (library C ABI)"
"$cuda/build/cuda_kernel_test" | tee "$results/cuda_kernel_test.txt" || failed+=(cuda_kernel_test)

step "engine cuda tests (g++, no Node)"
tests_out="$root/native/build-tests/cuda"
mkdir -p "$tests_out/obj"
# The engine's sources: native/binding/sources.mjs when Node is here, else the same globs.
if command -v node >/dev/null; then
  read -r -a engine <<<"$(node native/binding/sources.mjs engine)"
else
  engine=(native/core/*.cc native/backends/cpu/*.cc)
fi
CXX=(g++ -std=c++17 -O2 -pthread -Inative)
# An object is rebuilt when its source or any engine header is newer (headers are shared).
newest_header="$(ls -t native/core/*.h native/backends/cpu/*.h native/backends/cuda/*.h native/backends/cuda/*.cuh \
  native/backends/cuda/harness/*.h native/tests/*.h 2>/dev/null | head -1)"
objs=()
for src in "${engine[@]}"; do
  obj="$tests_out/obj/$(echo "$src" | tr '/' '_' | sed 's/\.cc$/.o/')"
  objs+=("$obj")
  if [[ ! -e "$obj" || "$src" -nt "$obj" || "$newest_header" -nt "$obj" ]]; then
    rm -f "$obj"  # a failed compile must not leave an old object behind
    "${CXX[@]}" -c "$src" -o "$obj" &
    while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n; done
  fi
done
wait
build_ok=1
for o in "${objs[@]}"; do [[ -e "$o" ]] || { echo "missing $o (compile failed)"; build_ok=0; }; done
if (( build_ok )); then
  for t in native/tests/cuda_*_test.cc; do
    name="$(basename "$t" .cc)"
    if "${CXX[@]}" "$t" "${objs[@]}" -ldl -o "$tests_out/$name"; then
      echo "--- $name"
      "$tests_out/$name" | tee "$results/$name.txt" || failed+=("$name")
    else
      failed+=("$name (build)")
    fi
  done
else
  failed+=("engine build")
fi

if (( bench )); then
  step "benchmark: engine vs PyTorch, same run"
  "$cuda/build/cuda_bench" | tee "$results/bench_engine.jsonl" || failed+=(cuda_bench)
  python3 "$cuda/harness/torch_bench.py" | tee "$results/bench_torch.jsonl" || echo "torch_bench.py failed"
  python3 "$cuda/harness/compare.py" "$results/bench_engine.jsonl" "$results/bench_torch.jsonl" \
    "$results/bench_summary.json" | tee "$results/bench_table.txt"
fi

echo
if (( ${#failed[@]} )); then echo "FAILED: ${failed[*]}"; exit 1; fi
echo "test-cuda: all builds and tests passed (results in $results)"
