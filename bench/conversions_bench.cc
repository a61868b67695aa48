// The engine-side cost of the zero-copy conversions (DESIGN.md target: O(1),
// <= 2 us in the engine): torch.from_numpy(a), t.numpy(), a.T, as C++ calls into
// native/core, without the Node binding. Built with the engine sources by
// scripts/bench.mjs; prints JSON.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "../native/core/bridge.h"
#include "../native/core/creation.h"
#include "../native/core/view_ops.h"

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Median over 6 loops of seconds per call; results are dropped after each loop.
template <class F>
double per_call(F&& op, int calls = 20000) {
  std::vector<double> ts;
  std::vector<ss::ArrayPtr> keep(static_cast<std::size_t>(calls));
  for (int r = 0; r < 6; ++r) {
    const double t0 = now();
    for (int i = 0; i < calls; ++i) keep[static_cast<std::size_t>(i)] = op();
    ts.push_back((now() - t0) / calls);
    for (auto& k : keep) k.reset();
  }
  std::sort(ts.begin(), ts.end());
  return ts[ts.size() / 2];
}

}  // namespace

int main() {
  // Sizes do not matter for O(1) ops; a 1000x1000 array shows they do not copy.
  auto a = ss::create(ss::Kind::NDArray, ss::Fill::Ones, {1000, 1000}, ss::DType::Float32);
  auto t = ss::from_numpy(a);
  const double from_numpy = per_call([&] { return ss::from_numpy(a); });
  const double numpy = per_call([&] { return ss::tensor_numpy(t, false); });
  const double view_t = per_call([&] { return ss::transpose(a, {}); });
  std::printf("{\"from_numpy_seconds\": %.9f, \"numpy_seconds\": %.9f, \"view_T_seconds\": %.9f}\n", from_numpy, numpy,
              view_t);
  return 0;
}
