// How the CUDA backend carries out one strided copy, decided on the host.
// Pure C++ (no CUDA headers) so that it is tested on machines without a GPU
// (native/tests/cuda_copy_plan_test.cc) and compiled into the CUDA library too.
//
// The plan puts the dimensions in the destination's memory order (outermost
// first), drops size-1 dimensions, merges neighbours that are contiguous on
// both sides, and picks a kernel:
//   Memcpy  — both sides are one contiguous run: one cudaMemcpy D2D.
//   Tile    — the destination's fastest dimension is not the source's: a
//             shared-memory tile transpose reads along the source's fastest
//             dimension and writes along the destination's (both coalesced).
//   Generic — anything else: one thread per element, writes in dst order.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ss::cuda {

constexpr int kMaxCopyDims = 64;  // = SS_CUDA_MAX_DIMS

enum class CopyKind { Empty, Memcpy, Tile, Generic };

struct CopyPlan {
  CopyKind kind = CopyKind::Empty;
  int ndim = 0;
  // In destination memory order, outermost first. Strides in units of `elem`.
  std::int64_t sizes[kMaxCopyDims] = {};
  std::int64_t dst_strides[kMaxCopyDims] = {};
  std::int64_t src_strides[kMaxCopyDims] = {};
  // Bytes moved per element: the itemsize, or 1 when a stride or pointer is not a
  // multiple of it (then an innermost dimension of `itemsize` bytes is added).
  std::size_t elem = 1;
  // Tile only: the dimension read along (the source's fastest); the dimension
  // written along is always ndim-1.
  int tile_dim = -1;
  std::int64_t numel = 0;  // elements of `elem` bytes
};

// Strides in bytes. ndim <= kMaxCopyDims (the caller checks; larger returns false).
bool plan_strided_copy(CopyPlan* plan, const void* dst, const std::int64_t* dst_strides, const void* src,
                       const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                       std::size_t itemsize);

const char* copy_kind_name(CopyKind kind);  // "empty", "memcpy", "tile-transpose", "strided-generic"

}  // namespace ss::cuda
