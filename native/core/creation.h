// Factories: np.zeros / torch.zeros and friends, with each library's default
// dtype (NumPy float64 / int64 / complex128; torch float32 / int64 / complex64)
// and argument errors. `dtype` nullopt means "infer as the library does".
#pragma once
#include <optional>
#include <vector>

#include "array.h"
#include "scalar.h"

namespace ss {

enum class Fill { Zeros, Ones, Empty };

ArrayPtr create(Kind kind, Fill fill, const Shape& shape, std::optional<DType> dtype);
ArrayPtr full(Kind kind, const Shape& shape, const Scalar& value, std::optional<DType> dtype);
// arange(stop) is arange(0, stop): pass start = 0 and stop.
ArrayPtr arange(Kind kind, const Scalar& start, const Scalar& stop, const Scalar& step, std::optional<DType> dtype);
ArrayPtr linspace(Kind kind, const Scalar& start, const Scalar& stop, std::int64_t num, bool endpoint,
                  std::optional<DType> dtype);
ArrayPtr eye(Kind kind, std::int64_t n, std::optional<std::int64_t> m, std::int64_t k, std::optional<DType> dtype);
// np.array(nested) / torch.tensor(nested): values flattened in C order.
ArrayPtr from_values(Kind kind, const std::vector<Scalar>& values, const Shape& shape, std::optional<DType> dtype);

enum class RandomDist { Rand, Randn, Randint };
// Seeded values from the engine's own generator (splitmix64 + Box-Muller): the
// same seed gives the same values, but not NumPy's or torch's streams.
ArrayPtr random(Kind kind, RandomDist dist, const Shape& shape, std::optional<DType> dtype, double low, double high);
void seed_random(std::uint64_t seed);

}  // namespace ss
