// Factories: np.zeros / torch.zeros and friends, with each library's default
// dtype (NumPy float64 / int64 / complex128; torch float32 / int64 / complex64)
// and argument errors. `dtype` nullopt means "infer as the library does".
#pragma once
#include <optional>
#include <vector>

#include "allocation.h"
#include "array.h"
#include "copy_ops.h"
#include "scalar.h"

namespace ss {

enum class Fill { Zeros, Ones, Empty };

// `layout` F: NumPy's order='F' (column-major strides, F_CONTIGUOUS).
ArrayPtr create(Kind kind, Fill fill, const Shape& shape, std::optional<DType> dtype, NewLayout layout = NewLayout::C);
ArrayPtr full(Kind kind, const Shape& shape, const Scalar& value, std::optional<DType> dtype, NewLayout layout = NewLayout::C);

// np.empty_like / zeros_like / ones_like / full_like (`order`, ndarrays) and torch.*_like
// (`format`, tensors): a new array of src's shape (and dtype unless given), laid out as the
// library lays out a "like" result: NumPy's order K keeps src's memory order (C or F when src
// is, else its strides sorted densely); torch's preserve_format keeps dense non-overlapping
// strides and infers dense ones otherwise. `value` is the fill value of full_like.
struct LikeLayout {
  Order order = Order::K;                 // ndarrays
  MemFormat format = MemFormat::Preserve;  // tensors
};
ArrayPtr create_like(const ArrayPtr& src, Fill fill, const Scalar* value, std::optional<DType> dtype, LikeLayout layout);
// arange(stop) is arange(0, stop): pass start = 0 and stop.
ArrayPtr arange(Kind kind, const Scalar& start, const Scalar& stop, const Scalar& step, std::optional<DType> dtype);
ArrayPtr linspace(Kind kind, const Scalar& start, const Scalar& stop, std::int64_t num, bool endpoint,
                  std::optional<DType> dtype);
ArrayPtr eye(Kind kind, std::int64_t n, std::optional<std::int64_t> m, std::int64_t k, std::optional<DType> dtype);
// np.array(nested) / torch.tensor(nested): values flattened in C order.
ArrayPtr from_values(Kind kind, const std::vector<Scalar>& values, const Shape& shape, std::optional<DType> dtype);

enum class RandomDist { Rand, Randn, Randint };
// Seeded values. Kind::NDArray draws from NumPy's legacy global RandomState stream (MT19937:
// rand/random, randint (masked rejection), randn (legacy_gauss)); Kind::Tensor from torch's
// default CPU generator stream (mt19937: rand float32/float64, randint). torch randn is seeded
// from torch's stream but is not torch's normal_fill transform.
ArrayPtr random(Kind kind, RandomDist dist, const Shape& shape, std::optional<DType> dtype, double low, double high);
// np.random.seed(n) (Kind::NDArray) / torch.manual_seed(n) (Kind::Tensor); both keep the low 32 bits.
void seed_random(Kind kind, std::uint64_t seed);

}  // namespace ss
