// Walks N strided operands of one shape together (byte strides, possibly 0 or
// negative), calling f(ptrs) once per element in C order of the shape. The
// elementwise ops, casts and reductions are built on it; layout copies of one
// dtype go through the cpu backend's strided_copy instead. The walk polls the
// run's interrupt flag every kCancelChunk elements (a broadcast view can have
// 10**18 of them), so Stop reaches it.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "cancel.h"

namespace ss {

template <std::size_t N, class F>
void strided_for_each(const std::vector<std::int64_t>& sizes, std::array<char*, N> ptrs,
                      const std::array<const std::vector<std::int64_t>*, N>& strides, F&& f) {
  const int nd = static_cast<int>(sizes.size());
  for (auto s : sizes)
    if (s == 0) return;
  if (nd == 0) {
    f(ptrs);
    return;
  }
  std::vector<std::int64_t> idx(nd, 0);
  const std::int64_t inner = sizes[nd - 1];
  std::array<std::int64_t, N> inner_stride;
  for (std::size_t k = 0; k < N; ++k) inner_stride[k] = (*strides[k])[nd - 1];
  std::int64_t since_poll = 0;
  while (true) {
    std::array<char*, N> p = ptrs;
    for (std::int64_t i0 = 0; i0 < inner;) {
      const std::int64_t i1 = std::min(inner, i0 + (kCancelChunk - since_poll));
      for (std::int64_t i = i0; i < i1; ++i) {
        f(p);
        for (std::size_t k = 0; k < N; ++k) p[k] += inner_stride[k];
      }
      since_poll += i1 - i0;
      i0 = i1;
      if (since_poll >= kCancelChunk) {
        since_poll = 0;
        check_cancel();
      }
    }
    int d = nd - 2;
    for (; d >= 0; --d) {
      for (std::size_t k = 0; k < N; ++k) ptrs[k] += (*strides[k])[d];
      if (++idx[d] < sizes[d]) break;
      for (std::size_t k = 0; k < N; ++k) ptrs[k] -= (*strides[k])[d] * sizes[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace ss
