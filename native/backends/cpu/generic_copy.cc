#include "generic_copy.h"

#include <cstring>

namespace ss::cpu {
namespace {

template <std::size_t N>
void inner_fixed(char* d, std::int64_t ds, const char* s, std::int64_t ss, std::int64_t n) {
  constexpr auto kN = static_cast<std::int64_t>(N);
  if (ds == kN && ss == kN) {
    std::memcpy(d, s, static_cast<std::size_t>(n) * N);
  } else if (ss == 0) {
    unsigned char v[N];  // broadcast source (stride 0): load once
    std::memcpy(v, s, N);
    for (std::int64_t i = 0; i < n; ++i, d += ds) std::memcpy(d, v, N);
  } else {
    for (std::int64_t i = 0; i < n; ++i, d += ds, s += ss) std::memcpy(d, s, N);
  }
}

void inner_any(char* d, std::int64_t ds, const char* s, std::int64_t ss, std::int64_t n, std::size_t itemsize) {
  const auto item = static_cast<std::int64_t>(itemsize);
  if (ds == item && ss == item) {
    std::memcpy(d, s, static_cast<std::size_t>(n) * itemsize);
  } else {
    for (std::int64_t i = 0; i < n; ++i, d += ds, s += ss) std::memcpy(d, s, itemsize);
  }
}

using InnerFn = void (*)(char*, std::int64_t, const char*, std::int64_t, std::int64_t);

InnerFn inner_for(std::size_t itemsize) {
  switch (itemsize) {
    case 1: return &inner_fixed<1>;
    case 2: return &inner_fixed<2>;
    case 4: return &inner_fixed<4>;
    case 8: return &inner_fixed<8>;
    case 16: return &inner_fixed<16>;
    default: return nullptr;
  }
}

}  // namespace

std::int64_t generic_copy_row_count(const CopyPlan& plan) {
  if (plan.ndim == 1) return plan.sizes[0];
  std::int64_t rows = 1;
  for (int i = 0; i + 1 < plan.ndim; ++i) rows *= plan.sizes[i];
  return rows;
}

void generic_copy_rows(const CopyPlan& plan, std::int64_t row_begin, std::int64_t row_end) {
  const InnerFn inner = inner_for(plan.itemsize);
  auto run_inner = [&](char* d, std::int64_t ds, const char* s, std::int64_t ss, std::int64_t n) {
    if (inner) inner(d, ds, s, ss, n);
    else inner_any(d, ds, s, ss, n, plan.itemsize);
  };

  if (plan.ndim == 1) {  // split the single dim itself
    run_inner(plan.dst + row_begin * plan.dst_strides[0], plan.dst_strides[0],
              plan.src + row_begin * plan.src_strides[0], plan.src_strides[0], row_end - row_begin);
    return;
  }

  const int outer = plan.ndim - 1;
  const std::int64_t n = plan.sizes[outer], ds = plan.dst_strides[outer], ss = plan.src_strides[outer];
  // Odometer over dims 0..outer-1, started at row_begin.
  std::int64_t idx[kMaxCopyDims];
  std::int64_t rem = row_begin, doff = 0, soff = 0;
  for (int i = outer - 1; i >= 0; --i) {
    idx[i] = rem % plan.sizes[i];
    rem /= plan.sizes[i];
    doff += idx[i] * plan.dst_strides[i];
    soff += idx[i] * plan.src_strides[i];
  }
  for (std::int64_t row = row_begin; row < row_end; ++row) {
    run_inner(plan.dst + doff, ds, plan.src + soff, ss, n);
    for (int i = outer - 1; i >= 0; --i) {
      doff += plan.dst_strides[i];
      soff += plan.src_strides[i];
      if (++idx[i] < plan.sizes[i]) break;
      doff -= plan.sizes[i] * plan.dst_strides[i];
      soff -= plan.sizes[i] * plan.src_strides[i];
      idx[i] = 0;
    }
  }
}

}  // namespace ss::cpu
