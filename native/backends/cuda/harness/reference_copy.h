// The host reference the CUDA copy kernels are checked against (on a GPU by the
// harness, on the CPU by native/tests/cuda_kernel_emulation_test.cc): copy
// element by element in C order of `sizes`, strides in bytes.
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

namespace harness {

inline void reference_copy(unsigned char* dst, const std::vector<std::int64_t>& dst_strides, const unsigned char* src,
                           const std::vector<std::int64_t>& src_strides, const std::vector<std::int64_t>& sizes,
                           std::size_t itemsize) {
  std::int64_t numel = 1;
  for (auto s : sizes) numel *= s;
  std::vector<std::int64_t> idx(sizes.size(), 0);
  for (std::int64_t e = 0; e < numel; ++e) {
    std::int64_t d = 0, s = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k) d += idx[k] * dst_strides[k], s += idx[k] * src_strides[k];
    std::memcpy(dst + d, src + s, itemsize);
    for (int k = static_cast<int>(sizes.size()) - 1; k >= 0; --k) {
      if (++idx[k] < sizes[k]) break;
      idx[k] = 0;
    }
  }
}

}  // namespace harness
