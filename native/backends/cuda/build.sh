#!/usr/bin/env bash
# Builds libstridescope_cuda.so and its Node-free harness (cuda_kernel_test,
# cuda_bench) into native/backends/cuda/build/. The one place for the CUDA build
# flags: build.mjs (npm install) and scripts/test-cuda.sh (GPU machines, where
# Node may be absent) both call it. Incremental: up-to-date outputs are kept.
# Exits non-zero when nvcc is missing or a step fails.
#   NVCC   the compiler (default: nvcc on PATH, else /usr/local/cuda/bin/nvcc)
#   JOBS   parallel compiles (default 2: the shared dev machines have 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
core="$here/../../core"
out="$here/build"
mkdir -p "$out"

NVCC="${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}"
JOBS="${JOBS:-2}"
if ! "$NVCC" --version >/dev/null 2>&1; then
  echo "[stridescope cuda] nvcc not found" >&2
  exit 3
fi

# sm_80 (A100), sm_90 and sm_90a (H100/H200) machine code, compute_90 PTX for newer GPUs.
GENCODE=(-gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90
         -gencode arch=compute_90a,code=sm_90a -gencode arch=compute_90,code=compute_90)
FLAGS=(-std=c++17 -O3 -Xcompiler -fPIC,-fvisibility=hidden,-Wall)
HEADERS=("$here/stridescope_cuda.h" "$here/device_state.cuh" "$here/strided_copy_kernels.cuh" "$core/cuda_copy_plan.h" "$here/build.sh")

# stale OUTPUT INPUT...: true when OUTPUT is missing or older than an input.
stale() {
  local target="$1"; shift
  [[ -e "$target" ]] || return 0
  local f
  for f in "$@"; do [[ "$f" -nt "$target" ]] && return 0; done
  return 1
}

pids=()
compile() {  # compile SRC OBJ [gpu]
  local src="$1" obj="$2"
  stale "$obj" "$src" "${HEADERS[@]}" || return 0
  echo "[stridescope cuda] nvcc $(basename "$src")"
  if [[ "${3:-}" == gpu ]]; then "$NVCC" "${FLAGS[@]}" "${GENCODE[@]}" -c "$src" -o "$obj" &
  else "$NVCC" "${FLAGS[@]}" -c "$src" -o "$obj" &
  fi
  pids+=($!)
  if (( ${#pids[@]} >= JOBS )); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
}
objs=("$out/device_api.o" "$out/strided_copy.o" "$out/cuda_copy_plan.o")
compile "$here/device_api.cu" "${objs[0]}" gpu
compile "$here/strided_copy.cu" "${objs[1]}" gpu
compile "$core/cuda_copy_plan.cc" "${objs[2]}"
for p in "${pids[@]}"; do wait "$p"; done

lib="$out/libstridescope_cuda.so"
if stale "$lib" "${objs[@]}"; then
  # Static cudart: at run time the library needs only the driver (libcuda.so.1).
  "$NVCC" -shared -cudart static "${GENCODE[@]}" -o "$lib" "${objs[@]}"
fi

for tool in cuda_kernel_test cuda_bench; do
  src="$here/harness/$tool.cc"
  if stale "$out/$tool" "$src" "$lib" "$here/harness/harness_util.h" "$here/harness/reference_copy.h" "$here/stridescope_cuda.h"; then
    g++ -std=c++17 -O2 -Wall -I"$here" "$src" -o "$out/$tool" -L"$out" -lstridescope_cuda '-Wl,-rpath,$ORIGIN' -pthread
  fi
done
echo "[stridescope cuda] built $lib"
