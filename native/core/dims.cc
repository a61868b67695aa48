#include "dims.h"

#include "errors.h"

namespace ss {

std::int64_t torch_wrap_dim(std::int64_t dim, std::int64_t ndim) {
  // NOTE c10/core/WrapDimMinimal.h: scalars behave as 1-d for dim wrapping.
  std::int64_t n = ndim <= 0 ? 1 : ndim;
  if (dim < -n || dim > n - 1) {
    raise(PyExc::IndexError, "Dimension out of range (expected to be in range of [" + std::to_string(-n) + ", " +
                                 std::to_string(n - 1) + "], but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + n : dim;
}

std::int64_t numpy_wrap_axis(std::int64_t axis, std::int64_t ndim, const std::string& prefix) {
  if (axis < -ndim || axis >= ndim) {
    raise(PyExc::AxisError, prefix + "axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                                std::to_string(ndim));
  }
  return axis < 0 ? axis + ndim : axis;
}

std::int64_t wrap_dim(const Array& a, std::int64_t dim) {
  return a.is_tensor() ? torch_wrap_dim(dim, a.ndim()) : numpy_wrap_axis(dim, a.ndim());
}

std::vector<std::int64_t> numpy_wrap_axes(const std::vector<std::int64_t>& axes, std::int64_t ndim, const char* repeated) {
  std::vector<std::int64_t> out;
  std::vector<bool> seen(static_cast<std::size_t>(ndim), false);
  for (auto ax : axes) {
    std::int64_t w = numpy_wrap_axis(ax, ndim);
    if (seen[w]) raise(PyExc::ValueError, repeated);
    seen[w] = true;
    out.push_back(w);
  }
  return out;
}

std::string torch_legacy_type(DType dt) {
  switch (dt) {
    case DType::Bool: return "torch.BoolTensor";
    case DType::Int8: return "torch.CharTensor";
    case DType::Int16: return "torch.ShortTensor";
    case DType::Int32: return "torch.IntTensor";
    case DType::Int64: return "torch.LongTensor";
    case DType::UInt8: return "torch.ByteTensor";
    case DType::Float16: return "torch.HalfTensor";
    case DType::BFloat16: return "torch.BFloat16Tensor";
    case DType::Float32: return "torch.FloatTensor";
    case DType::Float64: return "torch.DoubleTensor";
    case DType::Complex64: return "torch.ComplexFloatTensor";
    case DType::Complex128: return "torch.ComplexDoubleTensor";
    default: return std::string("torch.") + dtype_info(dt).scalar_type + "Tensor";
  }
}

}  // namespace ss
