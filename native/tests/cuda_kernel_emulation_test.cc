// The CUDA strided-copy kernels (native/backends/cuda/strided_copy_kernels.cuh)
// run on the CPU under harness/cuda_emulation.h: one OS thread per CUDA thread,
// real barriers for __syncthreads(). Each layout is planned as the library plans
// it, launched with the library's launch shape — and again on a 1x1x1 grid, to
// exercise the grid-stride loops — and compared with a plain host copy. This is
// how the kernels' indexing is tested on machines without a GPU; the real GPU
// runs the same cases in harness/cuda_kernel_test.cc.
#include <cstring>
#include <string>
#include <vector>

// clang-format off
#include "../backends/cuda/harness/cuda_emulation.h"
#include "../backends/cuda/harness/reference_copy.h"
#include "../backends/cuda/strided_copy_kernels.cuh"
// clang-format on
#include "kernels_test_util.h"

using ss::cuda::CopyKind;
using ss::cuda::CopyPlan;
using Shape = std::vector<std::int64_t>;

namespace {

Shape c_strides(const Shape& sizes, std::int64_t unit) {
  Shape st(sizes.size());
  for (int k = static_cast<int>(sizes.size()) - 1; k >= 0; --k) st[k] = unit, unit *= sizes[k] > 1 ? sizes[k] : 1;
  return st;
}

// Runs the planned kernel under emulation, with the library's launch shape or a single block.
struct EmulatedLauncher {
  void* dst;
  const void* src;
  const CopyPlan& plan;
  bool one_block;

  template <typename E, int TILE, int ROWS>
  void operator()() {
    E* d = static_cast<E*>(dst);
    const E* s = static_cast<const E*>(src);
    if (plan.kind == CopyKind::Tile) {
      const ss_cuda::TileArgs a = ss_cuda::make_tile_args(plan);
      ss_cuda::LaunchShape shape = ss_cuda::tile_launch<TILE, ROWS>(a);
      if (one_block) shape.grid = dim3(1, 1, 1);
      cuda_emulation::emulate_launch(shape.grid, shape.block, [&] { ss_cuda::tile_copy<E, TILE, ROWS>(d, s, a); });
    } else {
      const ss_cuda::GenericArgs a = ss_cuda::make_generic_args(plan);
      ss_cuda::LaunchShape shape = ss_cuda::generic_launch(a);
      if (one_block) shape.grid = dim3(1, 1, 1);
      cuda_emulation::emulate_launch(shape.grid, shape.block, [&] { ss_cuda::generic_copy<E>(d, s, a); });
    }
  }
};

// base: C-contiguous source shape; perm: the view's dims; step0: slicing step on view dim 0.
void check_case(const std::string& name, const Shape& base, const std::vector<int>& perm, std::size_t item,
                CopyKind want, std::int64_t step0 = 1) {
  const Shape bst = c_strides(base, static_cast<std::int64_t>(item));
  std::size_t src_bytes = item;
  for (auto s : base) src_bytes *= static_cast<std::size_t>(s);
  Shape sizes, src_strides;
  for (int p : perm) sizes.push_back(base[p]), src_strides.push_back(bst[p]);
  sizes[0] = (sizes[0] + step0 - 1) / step0;
  src_strides[0] *= step0;
  const Shape dst_strides = c_strides(sizes, static_cast<std::int64_t>(item));
  std::size_t dst_bytes = item;
  for (auto s : sizes) dst_bytes *= static_cast<std::size_t>(s);

  std::vector<unsigned char> src(src_bytes);
  for (std::size_t i = 0; i < src_bytes; ++i) src[i] = static_cast<unsigned char>(i * 131 + i / 7);
  std::vector<unsigned char> want_bytes(dst_bytes);
  harness::reference_copy(want_bytes.data(), dst_strides, src.data(), src_strides, sizes, item);

  CopyPlan plan;
  KT_CHECK(ss::cuda::plan_strided_copy(&plan, want_bytes.data(), dst_strides.data(), src.data(), src_strides.data(),
                                       sizes.data(), static_cast<int>(sizes.size()), item),
           "%s: plan", name.c_str());
  KT_CHECK(plan.kind == want, "%s: kernel %s", name.c_str(), ss::cuda::copy_kind_name(plan.kind));
  if (plan.kind != CopyKind::Tile && plan.kind != CopyKind::Generic) return;
  for (bool one_block : {false, true}) {
    std::vector<unsigned char> got(dst_bytes + 16, 0xAB);
    // Kernels take the plan's element type: pointers must be aligned for it.
    std::vector<unsigned char> src_copy(src_bytes + 16);
    auto* s_al = reinterpret_cast<unsigned char*>((reinterpret_cast<std::uintptr_t>(src_copy.data()) + 15) & ~std::uintptr_t(15));
    auto* d_al = reinterpret_cast<unsigned char*>((reinterpret_cast<std::uintptr_t>(got.data()) + 15) & ~std::uintptr_t(15));
    std::memcpy(s_al, src.data(), src_bytes);
    const std::size_t canary = static_cast<std::size_t>(got.data() + got.size() - d_al) - dst_bytes;
    std::memset(d_al + dst_bytes, 0xAB, canary);
    EmulatedLauncher launch{d_al, s_al, plan, one_block};
    KT_CHECK(ss_cuda::dispatch_elem(plan.elem, launch), "%s: element width %zu", name.c_str(), plan.elem);
    KT_CHECK(std::memcmp(d_al, want_bytes.data(), dst_bytes) == 0, "%s%s: values differ", name.c_str(),
             one_block ? " (one block)" : "");
    bool clean = true;
    for (std::size_t i = 0; i < canary; ++i) clean = clean && d_al[dst_bytes + i] == 0xAB;
    KT_CHECK(clean, "%s: wrote past the end", name.c_str());
  }
}

}  // namespace

int main() {
  for (std::size_t item : {1, 2, 4, 8, 16}) {
    const std::string t = "itemsize " + std::to_string(item) + ": ";
    check_case(t + "transpose 2-D", {37, 70}, {1, 0}, item, CopyKind::Tile);
    check_case(t + "batched transpose", {3, 41, 19}, {0, 2, 1}, item, CopyKind::Tile);
    check_case(t + "NCHW->NHWC", {2, 12, 5, 7}, {0, 2, 3, 1}, item, CopyKind::Tile);
    check_case(t + "reverse 3-D", {9, 10, 11}, {2, 1, 0}, item, CopyKind::Tile);
    check_case(t + "row slice", {30, 20}, {0, 1}, item, CopyKind::Generic, 3);
    check_case(t + "transposed slice", {40, 24}, {1, 0}, item, CopyKind::Tile, 2);
  }
  check_case("tiny inner dim", {50, 3}, {1, 0}, 4, CopyKind::Generic);
  check_case("contiguous", {6, 7}, {0, 1}, 4, CopyKind::Memcpy);
  return ::sst::run_all();  // prints the check count; status 1 on any failure
}
