// Stand-in for native/backends/cpu until its kernels land: the same contract
// (strided_copy.h), one plain element loop. Built only when no file in
// native/backends/cpu defines strided_copy (see native/binding/sources.mjs).
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../../backends/cpu/strided_copy.h"

namespace ss::cpu {

CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src, const std::int64_t* src_strides,
                        const std::int64_t* sizes, int ndim, std::size_t itemsize) {
  CopyReport rep;
  std::int64_t n = 1;
  for (int i = 0; i < ndim; ++i) n *= sizes[i];
  if (n == 0) return rep;
  rep.kernel = "fallback-loop";
  rep.bytes = static_cast<std::size_t>(n) * itemsize;
  std::vector<std::int64_t> idx(ndim, 0);
  char* d = static_cast<char*>(dst);
  const char* s = static_cast<const char*>(src);
  for (std::int64_t k = 0; k < n; ++k) {
    std::memcpy(d, s, itemsize);
    for (int i = ndim - 1; i >= 0; --i) {
      if (++idx[i] < sizes[i]) {
        d += dst_strides[i];
        s += src_strides[i];
        break;
      }
      d -= dst_strides[i] * (sizes[i] - 1);
      s -= src_strides[i] * (sizes[i] - 1);
      idx[i] = 0;
    }
  }
  return rep;
}

}  // namespace ss::cpu
