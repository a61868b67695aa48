// Helpers for core tests: small arrays and tensors with known values.
#pragma once
#include "../core/creation.h"
#include "../core/indexing.h"
#include "../core/values.h"
#include "../core/view_ops.h"

namespace sst {

inline ss::ArrayPtr arange(ss::Kind kind, std::int64_t n, ss::DType dt) {
  return ss::arange(kind, ss::Scalar::of_int(0), ss::Scalar::of_int(n), ss::Scalar::of_int(1), dt);
}
inline ss::ArrayPtr np_arange(std::int64_t n, ss::DType dt = ss::DType::Float64) { return arange(ss::Kind::NDArray, n, dt); }
inline ss::ArrayPtr t_arange(std::int64_t n, ss::DType dt = ss::DType::Float32) { return arange(ss::Kind::Tensor, n, dt); }

inline ss::IndexItem sl(std::optional<std::int64_t> a, std::optional<std::int64_t> b, std::optional<std::int64_t> c = std::nullopt) {
  ss::IndexItem it;
  it.type = ss::IndexItem::Type::Slice;
  it.start = a;
  it.stop = b;
  it.step = c;
  return it;
}
inline ss::IndexItem ix(std::int64_t i) {
  ss::IndexItem it;
  it.index = i;
  return it;
}

// All values in C order, as doubles.
inline std::vector<double> values(const ss::ArrayPtr& a) {
  std::vector<double> out;
  const int n = a->ndim();
  std::vector<std::int64_t> idx(n, 0);
  for (std::int64_t k = 0; k < a->numel(); ++k) {
    ss::ArrayPtr v = a;
    std::vector<ss::IndexItem> items;
    for (auto i : idx) items.push_back(ix(i));
    out.push_back(ss::item(*ss::basic_index(a, items)).to_double());
    for (int d = n - 1; d >= 0; --d) {
      if (++idx[d] < a->sizes[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

}  // namespace sst
