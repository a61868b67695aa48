#include "cuda_copy_plan.h"

#include <algorithm>
#include <cstdlib>

namespace ss::cuda {

namespace {

std::int64_t abs64(std::int64_t v) { return v < 0 ? -v : v; }

// Tiles pay off only when both tiled dimensions fill a good part of a tile.
constexpr std::int64_t kMinTileExtent = 8;

}  // namespace

const char* copy_kind_name(CopyKind kind) {
  switch (kind) {
    case CopyKind::Empty: return "empty";
    case CopyKind::Memcpy: return "memcpy";
    case CopyKind::Tile: return "tile-transpose";
    case CopyKind::Generic: return "strided-generic";
  }
  return "unknown";
}

bool plan_strided_copy(CopyPlan* plan, const void* dst, const std::int64_t* dst_strides, const void* src,
                       const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                       std::size_t itemsize) {
  *plan = CopyPlan{};
  if (ndim < 0 || ndim > kMaxCopyDims || itemsize == 0) return false;
  for (int d = 0; d < ndim; ++d) {
    if (sizes[d] < 0) return false;
    if (sizes[d] == 0) return true;  // nothing to copy: kind Empty
  }

  // Element width: whole items when every stride and both addresses are
  // multiples of the itemsize (always true for tensors), else single bytes.
  bool aligned = reinterpret_cast<std::uintptr_t>(dst) % itemsize == 0 &&
                 reinterpret_cast<std::uintptr_t>(src) % itemsize == 0;
  for (int d = 0; d < ndim && aligned; ++d)
    aligned = dst_strides[d] % static_cast<std::int64_t>(itemsize) == 0 &&
              src_strides[d] % static_cast<std::int64_t>(itemsize) == 0;
  const std::int64_t unit = aligned ? static_cast<std::int64_t>(itemsize) : 1;
  plan->elem = static_cast<std::size_t>(unit);

  // Keep dims of size > 1, in units of elem.
  struct Dim { std::int64_t size, dst, src; };
  Dim dims[kMaxCopyDims + 1];
  int n = 0;
  for (int d = 0; d < ndim; ++d)
    if (sizes[d] != 1) dims[n++] = {sizes[d], dst_strides[d] / unit, src_strides[d] / unit};
  if (!aligned && itemsize > 1) dims[n++] = {static_cast<std::int64_t>(itemsize), 1, 1};

  // Destination memory order: larger |dst stride| outermost; ties keep the
  // caller's order (stable), which is the C order of the sizes.
  std::stable_sort(dims, dims + n, [](const Dim& a, const Dim& b) { return abs64(a.dst) > abs64(b.dst); });

  // Merge an outer dim into its inner neighbour when both sides step through
  // the pair as one run.
  int m = 0;
  for (int i = 0; i < n; ++i) {
    if (m > 0) {
      Dim& inner = dims[i];
      Dim& outer = dims[m - 1];
      if (outer.dst == inner.dst * inner.size && outer.src == inner.src * inner.size) {
        outer = {outer.size * inner.size, inner.dst, inner.src};
        continue;
      }
    }
    dims[m++] = dims[i];
  }

  if (m > kMaxCopyDims) return false;  // only when a byte split of 64 dims could not merge
  plan->ndim = m;
  plan->numel = 1;
  for (int i = 0; i < m; ++i) {
    plan->sizes[i] = dims[i].size;
    plan->dst_strides[i] = dims[i].dst;
    plan->src_strides[i] = dims[i].src;
    plan->numel *= dims[i].size;
  }

  if (m == 0 || (m == 1 && dims[0].dst == 1 && dims[0].src == 1)) {
    plan->kind = CopyKind::Memcpy;
    return true;
  }

  // Tile when the destination writes along its last dim (stride 1) but the
  // source's fastest dim is another one.
  const int last = m - 1;
  plan->kind = CopyKind::Generic;
  if (dims[last].dst == 1 && m >= 2) {
    int fastest = -1;
    for (int i = 0; i < last; ++i)
      if (fastest < 0 || abs64(dims[i].src) < abs64(dims[fastest].src)) fastest = i;
    if (fastest >= 0 && abs64(dims[fastest].src) < abs64(dims[last].src) && dims[fastest].size >= kMinTileExtent &&
        dims[last].size >= kMinTileExtent) {
      plan->kind = CopyKind::Tile;
      plan->tile_dim = fastest;
    }
  }
  return true;
}

}  // namespace ss::cuda
