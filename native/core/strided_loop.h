// Walks N strided operands of one shape together (byte strides, possibly 0 or
// negative), calling f(ptrs) once per element in C order of the shape. The
// elementwise ops, casts and reductions are built on it; layout copies of one
// dtype go through the cpu backend's strided_copy instead. The walk polls the
// run's interrupt flag every kCancelChunk elements (a broadcast view can have
// 10**18 of them), so Stop reaches it.
#pragma once
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "cancel.h"
#include "fp_status.h"
#include "shape.h"

namespace ss {

template <std::size_t N, class F>
void strided_for_each(const Shape& sizes, std::array<char*, N> ptrs,
                      const std::array<const Shape*, N>& strides, F&& f) {
  const int nd = static_cast<int>(sizes.size());
  for (auto s : sizes)
    if (s == 0) return;
  if (nd == 0) {
    f(ptrs);
    return;
  }
  Shape idx(nd, 0);
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

#include <algorithm>
#include <functional>

#include "../backends/cpu/thread_pool.h"

namespace ss {

// The same walk as the operands' memory order (elementwise work may visit elements in any
// order): axes sorted by operand 0's |stride| (largest outermost), neighbours that tile
// memory for every operand merged. A transposed result (NumPy's order='K' output of
// a.T + 1) is then one contiguous run instead of a column walk.
template <std::size_t N>
void memory_order(Shape& sizes, std::array<Shape, N>& strides) {
  const int nd = static_cast<int>(sizes.size());
  std::vector<int> order(nd);
  for (int i = 0; i < nd; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    const auto sx = strides[0][x] < 0 ? -strides[0][x] : strides[0][x];
    const auto sy = strides[0][y] < 0 ? -strides[0][y] : strides[0][y];
    return sx > sy;
  });
  Shape ns;
  std::array<Shape, N> nst;
  for (int i : order) {
    if (sizes[i] == 1) continue;
    bool merge = !ns.empty();
    for (std::size_t k = 0; k < N && merge; ++k) merge = nst[k].back() == strides[k][i] * sizes[i];
    if (merge) {
      ns.back() *= sizes[i];
      for (std::size_t k = 0; k < N; ++k) nst[k].back() = strides[k][i];
      continue;
    }
    ns.push_back(sizes[i]);
    for (std::size_t k = 0; k < N; ++k) nst[k].push_back(strides[k][i]);
  }
  bool empty = false;
  for (auto s : sizes) empty = empty || s == 0;
  if (empty) return;  // nothing to visit; keep the shape as it was
  sizes = ns;
  strides = nst;
}

// Walks N strided operands of one shape in runs along the last axis: run(ptrs, n,
// inner_strides) is called once per row of the shape (C order of the shape), or per
// part of a row. Shapes of at least `parallel_min` elements split their rows over the
// CPU pool (each row is written by one thread), so memory-bound elementwise work uses
// every core. The stop flag is polled every few million elements.
template <std::size_t N, class Run>
void strided_runs(const Shape& sizes, std::array<char*, N> ptrs,
                  const std::array<const Shape*, N>& strides, Run&& run,
                  std::int64_t parallel_min = std::int64_t{1} << 18) {
  const int nd = static_cast<int>(sizes.size());
  std::int64_t total = 1;
  for (auto s : sizes) total *= s;
  if (total == 0) return;
  // The FPU exceptions every chunk raised, on whichever thread (fp_status.h), noted for the
  // op when the walk ends, however it ends.
  std::atomic<int> raised{0};
  struct Note {
    std::atomic<int>& r;
    ~Note() { fp_note(r.load(std::memory_order_relaxed)); }
  } note{raised};
  std::array<std::int64_t, N> inner_stride{};
  if (nd == 0) {
    fp_clear_thread();
    run(ptrs, std::int64_t{1}, inner_stride);
    raised.fetch_or(fp_thread_raised(), std::memory_order_relaxed);
    return;
  }
  for (std::size_t k = 0; k < N; ++k) inner_stride[k] = (*strides[k])[nd - 1];
  const std::int64_t inner = sizes[nd - 1];
  const std::int64_t rows = total / inner;
  auto do_rows = [&](std::int64_t r0, std::int64_t r1, std::int64_t cols0, std::int64_t cols1) {
    fp_clear_thread();
    // Row r's pointers: unravel r over the outer axes.
    for (std::int64_t r = r0; r < r1; ++r) {
      std::array<char*, N> p = ptrs;
      std::int64_t rem = r;
      for (int d = nd - 2; d >= 0; --d) {
        const std::int64_t i = rem % sizes[d];
        rem /= sizes[d];
        for (std::size_t k = 0; k < N; ++k) p[k] += i * (*strides[k])[d];
      }
      for (std::size_t k = 0; k < N; ++k) p[k] += cols0 * inner_stride[k];
      run(p, cols1 - cols0, inner_stride);
    }
    raised.fetch_or(fp_thread_raised(), std::memory_order_relaxed);
  };
  const int threads = total >= parallel_min ? cpu::copy_threads() : 1;
  // The work goes in slabs of about kRunSlab elements, and the calling thread polls the stop
  // flag between slabs (cancel.h); the pool's workers never poll: they hold no flag and must
  // not throw. A slab is large enough that splitting it over the pool still pays.
  constexpr std::int64_t kRunSlab = std::int64_t{1} << 22;
  if (inner >= kRunSlab) {
    // Long rows: each row's columns in slabs, split over the pool.
    for (std::int64_t r = 0; r < rows; ++r) {
      for (std::int64_t c0 = 0; c0 < inner; c0 += kRunSlab) {
        const std::int64_t c1 = std::min(inner, c0 + kRunSlab);
        if (threads <= 1) do_rows(r, r + 1, c0, c1);
        else cpu::parallel_for(c1 - c0, threads, [&](std::int64_t a, std::int64_t b) { do_rows(r, r + 1, c0 + a, c0 + b); });
        check_cancel();
      }
    }
    return;
  }
  const std::int64_t slab_rows = std::max<std::int64_t>(1, kRunSlab / inner);
  for (std::int64_t r0 = 0; r0 < rows; r0 += slab_rows) {
    const std::int64_t r1 = std::min(rows, r0 + slab_rows);
    if (threads <= 1) {
      do_rows(r0, r1, 0, inner);
    } else if (r1 - r0 >= threads * 4) {
      cpu::parallel_for(r1 - r0, threads, [&](std::int64_t a, std::int64_t b) { do_rows(r0 + a, r0 + b, 0, inner); });
    } else {
      // Few long rows: split each row's columns instead.
      for (std::int64_t r = r0; r < r1; ++r)
        cpu::parallel_for(inner, threads, [&](std::int64_t a, std::int64_t b) { do_rows(r, r + 1, a, b); });
    }
    if (r1 < rows) check_cancel();
  }
}

}  // namespace ss
