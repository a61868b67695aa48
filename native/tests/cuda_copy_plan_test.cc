// The CUDA backend's copy planner (native/core/cuda_copy_plan.cc) decides on the
// host which kernel a strided copy gets; these cases pin that choice and the
// merged dimensions, so that the GPU kernels see what they were written for.
#include <cstdint>
#include <cstring>
#include <vector>

#include "../core/cuda_copy_plan.h"
#include "kernels_test_util.h"

using ss::cuda::CopyKind;
using ss::cuda::CopyPlan;
using V = std::vector<std::int64_t>;

namespace {

alignas(64) unsigned char g_buf[1 << 16];

CopyPlan plan(const V& sizes, const V& dst, const V& src, std::size_t item, std::size_t src_off = 0) {
  CopyPlan p;
  const bool ok = ss::cuda::plan_strided_copy(&p, g_buf, dst.data(), g_buf + src_off, src.data(), sizes.data(),
                                              static_cast<int>(sizes.size()), item);
  KT_CHECK(ok, "plan refused");
  return p;
}

V c_strides(const V& sizes, std::int64_t item) {
  V s(sizes.size());
  std::int64_t acc = item;
  for (int i = static_cast<int>(sizes.size()) - 1; i >= 0; --i) s[i] = acc, acc *= sizes[i];
  return s;
}

}  // namespace

int main() {
  // Contiguous: one memcpy of all the bytes, dims merged into one run.
  {
    CopyPlan p = plan({4, 5, 6}, c_strides({4, 5, 6}, 4), c_strides({4, 5, 6}, 4), 4);
    KT_CHECK(p.kind == CopyKind::Memcpy, "kind %s", ss::cuda::copy_kind_name(p.kind));
    KT_CHECK(p.numel == 120 && p.elem == 4, "numel %lld elem %zu", (long long)p.numel, p.elem);
  }
  // A transposed dense source into the same strides (clone keeps them): memcpy.
  {
    CopyPlan p = plan({3, 7}, {4, 12}, {4, 12}, 4);
    KT_CHECK(p.kind == CopyKind::Memcpy, "dense permuted dst: %s", ss::cuda::copy_kind_name(p.kind));
  }
  // 2-D transpose into C order: tile, reading along dim 0 (source-fast).
  {
    CopyPlan p = plan({100, 64}, c_strides({100, 64}, 4), {4, 400}, 4);
    KT_CHECK(p.kind == CopyKind::Tile, "transpose: %s", ss::cuda::copy_kind_name(p.kind));
    KT_CHECK(p.ndim == 2 && p.tile_dim == 0, "ndim %d tile_dim %d", p.ndim, p.tile_dim);
    KT_CHECK(p.src_strides[0] == 1 && p.src_strides[1] == 100 && p.dst_strides[1] == 1, "strides in elements");
  }
  // NCHW -> NHWC (N=2, C=16, H=5, W=7): H and W merge; tile over (HW, C), batch N.
  {
    const V sizes = {2, 5, 7, 16};
    const V src = {16 * 35 * 4, 7 * 4, 4, 35 * 4};
    CopyPlan p = plan(sizes, c_strides(sizes, 4), src, 4);
    KT_CHECK(p.kind == CopyKind::Tile, "nchw->nhwc: %s", ss::cuda::copy_kind_name(p.kind));
    KT_CHECK(p.ndim == 3 && p.sizes[1] == 35 && p.sizes[2] == 16 && p.tile_dim == 1, "ndim %d sizes %lld %lld",
             p.ndim, (long long)p.sizes[1], (long long)p.sizes[2]);
  }
  // Row slices with a step: the inner dim is contiguous on both sides -> generic.
  {
    CopyPlan p = plan({10, 40}, c_strides({10, 40}, 8), {3 * 40 * 8, 8}, 8);
    KT_CHECK(p.kind == CopyKind::Generic && p.ndim == 2, "row slice: %s ndim %d", ss::cuda::copy_kind_name(p.kind),
             p.ndim);
  }
  // A tiny inner dim (3) is not worth a tile.
  {
    CopyPlan p = plan({200, 3}, c_strides({200, 3}, 4), {4, 800}, 4);
    KT_CHECK(p.kind == CopyKind::Generic, "inner 3: %s", ss::cuda::copy_kind_name(p.kind));
  }
  // Size-1 dims vanish; an empty copy does nothing.
  {
    CopyPlan p = plan({1, 8, 1}, {996, 4, 8}, {20, 4, 12}, 4);
    KT_CHECK(p.kind == CopyKind::Memcpy && p.ndim == 1 && p.numel == 8, "size-1 dims: %s ndim %d",
             ss::cuda::copy_kind_name(p.kind), p.ndim);
    CopyPlan e = plan({3, 0, 2}, {8, 8, 4}, {8, 8, 4}, 4);
    KT_CHECK(e.kind == CopyKind::Empty, "empty: %s", ss::cuda::copy_kind_name(e.kind));
    CopyPlan z = plan({}, {}, {}, 16);
    KT_CHECK(z.kind == CopyKind::Memcpy && z.numel == 1 && z.elem == 16, "0-d");
  }
  // Byte strides that are not multiples of the itemsize move as bytes.
  {
    CopyPlan p = plan({50}, {4}, {6}, 4, 2);
    KT_CHECK(p.elem == 1 && p.ndim == 2 && p.sizes[1] == 4, "misaligned: elem %zu ndim %d", p.elem, p.ndim);
    KT_CHECK(p.kind == CopyKind::Generic, "misaligned kind %s", ss::cuda::copy_kind_name(p.kind));
  }
  // Broadcast (stride 0) sources.
  {
    CopyPlan p = plan({64, 32}, c_strides({64, 32}, 4), {0, 4}, 4);
    KT_CHECK(p.kind == CopyKind::Tile || p.kind == CopyKind::Generic, "broadcast");
    KT_CHECK(p.src_strides[0] == 0, "broadcast stride kept");
  }
  // Bad input is refused, not planned.
  {
    CopyPlan p;
    V big(65, 2);
    KT_CHECK(!ss::cuda::plan_strided_copy(&p, g_buf, big.data(), g_buf, big.data(), big.data(), 65, 4), "65 dims");
    V neg = {-1};
    V one = {4};
    KT_CHECK(!ss::cuda::plan_strided_copy(&p, g_buf, one.data(), g_buf, one.data(), neg.data(), 1, 4), "size -1");
  }
  return ::sst::run_all();  // prints the check count; status 1 on any failure
}
