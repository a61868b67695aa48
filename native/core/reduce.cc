#include "reduce.h"

#include <complex>
#include <cstring>

#include "allocation.h"
#include "checked_math.h"
#include "copy_ops.h"
#include "dims.h"
#include "elem_types.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "report.h"
#include "scalar.h"
#include "strided_loop.h"

namespace ss {

namespace {

DType sum_dtype(const Array& a) {
  DKind k = dtype_kind(a.dtype);
  if (k == DKind::Bool || k == DKind::Int) return DType::Int64;
  if (k == DKind::UInt) return a.is_tensor() ? DType::Int64 : DType::UInt64;
  return a.dtype;
}

DType mean_dtype(const Array& a) {
  DKind k = dtype_kind(a.dtype);
  if (k == DKind::Float || k == DKind::Complex) return a.dtype;
  if (a.is_tensor()) {
    // NOTE aten/src/ATen/native/ReduceOps.cpp mean_meta
    raise(PyExc::RuntimeError, std::string("mean(): could not infer output dtype. Input dtype must be either a floating point "
                                           "or complex dtype. Got: ") + dtype_info(a.dtype).scalar_type);
  }
  return DType::Float64;
}

}  // namespace

ArrayPtr reduce(const ArrayPtr& a_in, ReduceOp op, const std::optional<std::vector<std::int64_t>>& dims, bool keepdim,
                std::optional<DType> dtype) {
  check_host_accessible(*a_in, op == ReduceOp::Sum ? "sum" : "mean");
  // ConjugateFallback: a conj view is resolved before the kernel reads it.
  const ArrayPtr a = a_in->conj ? resolve_conj(a_in) : a_in;
  const int n = a->ndim();
  std::vector<bool> red(n, false);
  if (!dims || (a->is_tensor() && dims->empty())) {
    red.assign(n, true);
  } else if (a->is_tensor()) {
    for (auto d : *dims) {
      auto w = torch_wrap_dim(d, n);
      if (n == 0) continue;
      if (red[w]) raise(PyExc::RuntimeError, "dim " + std::to_string(w) + " appears multiple times in the list of dims");
      red[w] = true;
    }
  } else {
    for (auto w : numpy_wrap_axes(*dims, n)) red[w] = true;
  }
  DType out_dt = dtype ? *dtype : (op == ReduceOp::Sum ? sum_dtype(*a) : mean_dtype(*a));
  check_dtype_supported(a->kind, out_dt);
  Shape out_shape, kept_shape;
  for (int i = 0; i < n; ++i) {
    if (red[i]) {
      if (keepdim) out_shape.push_back(1);
    } else {
      out_shape.push_back(a->sizes[i]);
    }
    kept_shape.push_back(red[i] ? 1 : a->sizes[i]);
  }
  auto out = new_array_on(*a->storage, a->kind, out_dt, out_shape,
                          a->is_tensor() ? layout::contiguous_strides(out_shape, itemsize_of(out_dt))
                                         : layout::numpy_new_strides(out_shape, itemsize_of(out_dt), false));
  // Output viewed with the input's rank: reduced axes get stride 0 so every input
  // element lands on its accumulator.
  // An empty input may have sizes whose product leaves int64 ((0, 2**40, 2**40) summed over
  // all axes): its count is 0 and its accumulator strides are never stepped, so they wrap.
  const bool empty_input = a->numel() == 0;
  std::int64_t count = empty_input ? 0 : 1;
  Shape acc_strides(n, 0);
  {
    std::int64_t s = 1;
    for (int i = n - 1; i >= 0; --i) {
      if (red[i]) {
        if (!empty_input) count *= a->sizes[i];  // a factor of numel, which fits
        continue;
      }
      acc_strides[i] = s;
      s = wrapping_mul(s, a->sizes[i]);
    }
  }
  const std::int64_t out_n = out->numel();
  const bool cplx = is_complex(out_dt) || is_complex(a->dtype);
  const bool int_acc = is_integral(out_dt) || out_dt == DType::Bool;
  std::vector<std::complex<double>> accf(cplx || !int_acc ? out_n : 0);
  std::vector<std::int64_t> acci(int_acc ? out_n : 0);  // wraps like int64 / uint64 sums
  const bool swapped = a->byte_order == '>' || a->byte_order == '<';
  Shape idx_strides = acc_strides;
  for (auto& s : idx_strides) s *= 8;  // walk accumulator indices as "bytes" of 8
  strided_for_each<2>(a->sizes, {a->data_ptr(), nullptr}, {&a->byte_strides, &idx_strides},
                      [&](const std::array<char*, 2>& p) {
                        std::size_t k = reinterpret_cast<std::uintptr_t>(p[1]) / 8;
                        Scalar v = load_scalar(a->dtype, p[0], swapped);
                        if (int_acc) {
                          std::int64_t x = v.type == Scalar::Type::Int ? (v.big ? static_cast<std::int64_t>(v.u) : v.i)
                                                                       : static_cast<std::int64_t>(v.to_double());
                          acci[k] = static_cast<std::int64_t>(static_cast<std::uint64_t>(acci[k]) + static_cast<std::uint64_t>(x));
                        } else {
                          accf[k] += v.to_complex();
                        }
                      });
  for (std::int64_t k = 0; k < out_n; ++k) {
    Scalar r;
    if (int_acc) {
      r = out_dt == DType::UInt64 ? Scalar::of_uint(static_cast<std::uint64_t>(acci[k])) : Scalar::of_int(acci[k]);
      if (op == ReduceOp::Mean) r = Scalar::of_float(static_cast<double>(acci[k]) / static_cast<double>(count));
    } else {
      std::complex<double> v = accf[k];
      if (op == ReduceOp::Mean) v /= static_cast<double>(count);
      r = cplx ? Scalar::of_complex(v.real(), v.imag()) : Scalar::of_float(v.real());
    }
    store_scalar_unchecked(out_dt, r, out->data_ptr() + k * static_cast<std::int64_t>(out->itemsize()));
  }
  out->requires_grad = records_history(a->requires_grad, out_dt);
  report_copy("reduce", static_cast<std::size_t>(out->nbytes()), op == ReduceOp::Sum ? "sum" : "mean");
  return out;
}

}  // namespace ss
