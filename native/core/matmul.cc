#include "matmul.h"

#include <complex>
#include <cstring>
#include <functional>
#include <numeric>

#include "../backends/cpu/gemm.h"
#include "allocation.h"
#include "cancel.h"
#include "copy_ops.h"
#include "elem_types.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "promotion.h"
#include "report.h"
#include "view_ops.h"

namespace ss {

namespace {

// NumPy prints shapes in these messages without spaces: (2,3) and (3,).
std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

std::int64_t prod(const Shape& s, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  to = std::min(to, s.size());
  return std::accumulate(s.begin() + static_cast<std::ptrdiff_t>(std::min(from, to)), s.begin() + static_cast<std::ptrdiff_t>(to),
                         std::int64_t{1}, std::multiplies<>());
}

Shape slice(const Shape& s, std::size_t from, std::size_t to) {
  return Shape(s.begin() + static_cast<std::ptrdiff_t>(from), s.begin() + static_cast<std::ptrdiff_t>(to));
}

// One byte stride that walks dims [from, to) of `a` as a single flattened dim, if there is one.
bool collapse(const Array& a, std::size_t from, std::size_t to, std::int64_t* stride) {
  std::int64_t st = 0;
  bool have = false;
  std::int64_t expect = 0;
  for (std::size_t d = to; d-- > from;) {
    if (a.sizes[d] == 1) continue;
    if (!have) {
      st = a.byte_strides[d];
      expect = st * a.sizes[d];
      have = true;
    } else {
      if (a.byte_strides[d] != expect) return false;
      expect *= a.sizes[d];
    }
  }
  *stride = have ? st : 0;
  return true;
}

template <class T> struct AccOf { using type = T; };
template <> struct AccOf<half_t> { using type = float; };
template <> struct AccOf<bf16_t> { using type = float; };

template <class T>
void product_loop(const ProductSpec& s, const std::vector<std::array<std::int64_t, 3>>& offs, const Array& a,
                  const Array& b, const Array& c) {
  std::int64_t since_poll = 0;
  for (const auto& o : offs) {
    if ((since_poll += s.m * s.n * std::max<std::int64_t>(s.k, 1)) >= kCancelChunk) since_poll = 0, check_cancel();
    const char* pa = a.data_ptr() + o[0];
    const char* pb = b.data_ptr() + o[1];
    char* pc = c.data_ptr() + o[2];
    for (std::int64_t i = 0; i < s.m; ++i) {
      for (std::int64_t j = 0; j < s.n; ++j) {
        const char* x = pa + i * s.a_row;
        const char* y = pb + j * s.b_col;
        T out;
        if constexpr (std::is_same_v<T, bool>) {
          bool acc = false;
          for (std::int64_t p = 0; p < s.k && !acc; ++p, x += s.a_col, y += s.b_row) {
            bool u, v;
            std::memcpy(&u, x, 1), std::memcpy(&v, y, 1);
            acc = u && v;
          }
          out = acc;
        } else if constexpr (std::is_integral_v<T>) {
          // Wrapping sum of products: exact modulo 2^bits, as the libraries' integer loops.
          std::uint64_t acc = 0;
          for (std::int64_t p = 0; p < s.k; ++p, x += s.a_col, y += s.b_row) {
            T u, v;
            std::memcpy(&u, x, sizeof(T)), std::memcpy(&v, y, sizeof(T));
            acc += static_cast<std::uint64_t>(static_cast<std::int64_t>(u)) * static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
          }
          out = static_cast<T>(acc);
        } else {
          using Acc = typename AccOf<T>::type;
          Acc acc = Acc(0);
          for (std::int64_t p = 0; p < s.k; ++p, x += s.a_col, y += s.b_row) {
            T u, v;
            std::memcpy(&u, x, sizeof(T)), std::memcpy(&v, y, sizeof(T));
            acc += cast_to<Acc>(u) * cast_to<Acc>(v);
          }
          out = cast_to<T>(acc);
        }
        std::memcpy(pc + i * s.c_row + j * s.c_col, &out, sizeof(T));
      }
    }
  }
}

std::vector<std::array<std::int64_t, 3>> batch_offsets(const ProductSpec& s) {
  std::vector<std::array<std::int64_t, 3>> offs;
  const std::int64_t n = prod(s.batch);
  if (n == 0) return offs;
  offs.reserve(static_cast<std::size_t>(n));
  Shape idx(s.batch.size(), 0);
  std::array<std::int64_t, 3> cur{0, 0, 0};
  for (std::int64_t t = 0; t < n; ++t) {
    offs.push_back(cur);
    for (std::size_t d = s.batch.size(); d-- > 0;) {
      cur[0] += s.a_batch[d], cur[1] += s.b_batch[d], cur[2] += s.c_batch[d];
      if (++idx[d] < s.batch[d]) break;
      cur[0] -= s.a_batch[d] * s.batch[d], cur[1] -= s.b_batch[d] * s.batch[d], cur[2] -= s.c_batch[d] * s.batch[d];
      idx[d] = 0;
    }
  }
  return offs;
}

template <class T>
bool try_gemm(const ProductSpec& s, const std::vector<std::array<std::int64_t, 3>>& offs, const Array& a, const Array& b,
              const Array& c, ProductRun* run) {
  const std::int64_t w = sizeof(T);
  for (auto st : {s.a_row, s.a_col, s.b_row, s.b_col, s.c_row})
    if (st % w) return false;
  for (const auto& o : offs)
    if (o[0] % w || o[1] % w || o[2] % w) return false;
  if (s.c_col != w || reinterpret_cast<std::uintptr_t>(a.data_ptr()) % w || reinterpret_cast<std::uintptr_t>(b.data_ptr()) % w ||
      reinterpret_cast<std::uintptr_t>(c.data_ptr()) % w)
    return false;
  cpu::GemmProblem<T> p;
  p.n = s.n, p.k = s.k;
  p.rsa = s.a_row / w, p.csa = s.a_col / w, p.rsb = s.b_row / w, p.csb = s.b_col / w, p.ldc = s.c_row / w;
  // Slabs of rows of about 2 GFLOP each, with the run's interrupt flag polled between
  // them (a Stop or a timeout ends a huge product within a second or so).
  const double per_row = 2.0 * static_cast<double>(s.n) * static_cast<double>(s.k) * static_cast<double>(offs.size());
  const std::int64_t slab = std::max<std::int64_t>(72, static_cast<std::int64_t>(2e9 / std::max(per_row, 1.0)) / 72 * 72);
  for (std::int64_t i0 = 0; i0 < s.m; i0 += slab) {
    check_cancel();
    p.m = std::min(slab, s.m - i0);
    p.a.clear(), p.b.clear(), p.c.clear();
    for (const auto& o : offs) {
      p.a.push_back(reinterpret_cast<const T*>(a.data_ptr() + o[0] + i0 * s.a_row));
      p.b.push_back(reinterpret_cast<const T*>(b.data_ptr() + o[1]));
      p.c.push_back(reinterpret_cast<T*>(c.data_ptr() + o[2] + i0 * s.c_row));
    }
    auto r = cpu::gemm(p);
    *run = {r.kernel, std::max(run->threads, r.threads)};
  }
  return true;
}

std::string scalar_type(DType d) { return dtype_info(d).scalar_type; }

// PyTorch's cpu kernels dispatch on the first operand's dtype (no Bool or Half
// loops for mm/mv/dot/bmm in 1.13), then read the second as that type.
void torch_dtype_checks(const char* kernel, const Array& a, const Array& b) {
  if (a.dtype == DType::Bool || a.dtype == DType::Float16)
    raise(PyExc::RuntimeError, std::string("\"") + kernel + "\" not implemented for '" + scalar_type(a.dtype) + "'");
  if (a.dtype != b.dtype)
    raise(PyExc::RuntimeError, "expected scalar type " + scalar_type(a.dtype) + " but found " + scalar_type(b.dtype));
}

std::string shape_words(const Array& out) {
  std::string r = "(";
  for (std::size_t i = 0; i < out.sizes.size(); ++i) r += (i ? ", " : "") + std::to_string(out.sizes[i]);
  return r + (out.sizes.size() == 1 ? ",)" : ")") + " " + dtype_name(out.dtype);
}

// The general product: a (batch_a..., [m,] k) and b (batch_b..., k[, n]) with the batch
// dims broadcast (the caller has checked they do), into a new C-ordered `out_shape`.
// a_vec / b_vec: the operand is 1-d (its m / n dim is absent).
ArrayPtr batched(Kind kind, DType dt, const ArrayPtr& a0, const ArrayPtr& b0, bool a_vec, bool b_vec, const Shape& batch,
                 const Shape& out_shape, const char* fn) {
  ArrayPtr a = product_operand(a0, dt), b = product_operand(b0, dt);
  auto out = new_array(kind, dt, out_shape);
  ProductSpec s;
  s.batch = batch;
  const int na = a->ndim(), nb = b->ndim();
  const int core_a = a_vec ? 1 : 2, core_b = b_vec ? 1 : 2;
  s.k = a->sizes[na - 1];
  s.m = a_vec ? 1 : a->sizes[na - 2];
  s.n = b_vec ? 1 : b->sizes[nb - 1];
  s.a_col = a->byte_strides[na - 1];
  s.a_row = a_vec ? 0 : a->byte_strides[na - 2];
  s.b_row = b->byte_strides[nb - core_b];
  s.b_col = b_vec ? 0 : b->byte_strides[nb - 1];
  const std::int64_t isz = static_cast<std::int64_t>(itemsize_of(dt));
  s.c_col = isz;
  s.c_row = s.n * isz;
  const int bd = static_cast<int>(batch.size());
  s.a_batch.assign(bd, 0), s.b_batch.assign(bd, 0), s.c_batch.assign(bd, 0);
  std::int64_t cs = s.m * s.n * isz;
  for (int d = bd - 1; d >= 0; --d) {
    const int da = d - (bd - (na - core_a)), db = d - (bd - (nb - core_b));
    if (da >= 0 && a->sizes[da] != 1) s.a_batch[d] = a->byte_strides[da];
    if (db >= 0 && b->sizes[db] != 1) s.b_batch[d] = b->byte_strides[db];
    s.c_batch[d] = cs;
    cs *= batch[d];
  }
  auto run = run_product(s, *a, *b, *out);
  out->requires_grad = records_history(a0->requires_grad || b0->requires_grad, dt);
  report_product(run.kernel, *out, run.threads, fn);
  return out;
}

}  // namespace

ArrayPtr product_operand(const ArrayPtr& a, DType dtype) {
  const bool swapped = a->byte_order == '>' || a->byte_order == '<';
  if (a->dtype == dtype && !swapped && !a->conj && !a->neg) return a;
  ArrayPtr src = a->conj ? resolve_conj(a) : a;
  if (src->dtype == dtype && !swapped && !src->neg) return src;
  return copy_to_new(*src, src->kind, dtype, layout::contiguous_strides(src->sizes, static_cast<std::int64_t>(itemsize_of(dtype))),
                     std::string("cast to ") + dtype_name(dtype) + " for the product");
}

void report_product(const char* kernel, const Array& out, int threads, const std::string& why) {
  OpReport& r = current_report();
  r.copied = true;
  r.bytes += static_cast<std::size_t>(out.nbytes());
  r.kernel = kernel;
  r.reason = why + ": a new " + shape_words(out) + " result";
  if (threads > r.threads) r.threads = threads;
}

ProductRun run_product(const ProductSpec& s, const Array& a, const Array& b, const Array& c) {
  const auto offs = batch_offsets(s);
  ProductRun run{"matmul-loop", 0};
  if (offs.empty() || s.m == 0 || s.n == 0) return run;
  if (c.dtype == DType::Float32 && try_gemm<float>(s, offs, a, b, c, &run)) return run;
  if (c.dtype == DType::Float64 && try_gemm<double>(s, offs, a, b, c, &run)) return run;
  run.threads = 1;
  SS_DISPATCH(c.dtype, T, product_loop<T>(s, offs, a, b, c));
  return run;
}

// ---- NumPy ------------------------------------------------------------------------

ArrayPtr np_matmul(const ArrayPtr& a0, const ArrayPtr& b0) {
  check_host_accessible(*a0, "matmul");
  check_host_accessible(*b0, "matmul");
  static const char* kSig = "(n?,k),(k,m?)->(n?,m?)";
  for (int i = 0; i < 2; ++i) {
    const Array& x = i ? *b0 : *a0;
    if (x.ndim() == 0)
      raise(PyExc::ValueError, "matmul: Input operand " + std::to_string(i) + " does not have enough dimensions (has 0, gufunc core with signature " +
                                   kSig + " requires 1)");
  }
  const Array &a = *a0, &b = *b0;
  const bool av = a.ndim() == 1, bv = b.ndim() == 1;
  const std::int64_t ka = a.sizes.back(), kb = bv ? b.sizes[0] : b.sizes[b.ndim() - 2];
  if (ka != kb)
    raise(PyExc::ValueError, std::string("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ") + kSig +
                                 " (size " + std::to_string(kb) + " is different from " + std::to_string(ka) + ")");
  const Shape ba = slice(a.sizes, 0, a.ndim() - (av ? 1 : 2)), bb = slice(b.sizes, 0, b.ndim() - (bv ? 1 : 2));
  auto batch = layout::broadcast_shapes(ba, bb);
  if (!batch) {
    // The ufunc's iterator error: each operand's loop dims remapped onto the broadcast
    // dims, its core dims shown as newaxis (leading newaxis entries are not printed).
    const std::size_t bd = std::max(ba.size(), bb.size());
    std::string msg = "operands could not be broadcast together with remapped shapes [original->remapped]: ";
    for (const Array* x : {&a, &b}) {
      const Shape& lead = x == &a ? ba : bb;
      std::vector<std::string> parts;
      for (std::size_t d = 0; d < bd; ++d) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(d) - static_cast<std::ptrdiff_t>(bd - lead.size());
        parts.push_back(j >= 0 ? std::to_string(lead[j]) : "newaxis");
      }
      parts.push_back("newaxis"), parts.push_back("newaxis");
      std::size_t first = 0;
      while (first < parts.size() && parts[first] == "newaxis") ++first;
      std::string rem = "(";
      for (std::size_t i = first; i < parts.size(); ++i) rem += (i > first ? "," : "") + parts[i];
      msg += np_shape(x->sizes) + "->" + rem + ") ";
    }
    Shape core;
    if (!av) core.push_back(a.sizes[a.ndim() - 2]);
    if (!bv) core.push_back(b.sizes.back());
    raise(PyExc::ValueError, msg + " and requested shape " + np_shape(core));
  }
  const DType dt = numpy_result_type({Operand{&a, {}}, Operand{&b, {}}});
  Shape out = *batch;
  if (!av) out.push_back(a.sizes[a.ndim() - 2]);
  if (!bv) out.push_back(b.sizes.back());
  return batched(Kind::NDArray, dt, a0, b0, av, bv, *batch, out, "matmul");
}

ArrayPtr np_dot(const ArrayPtr& a0, const ArrayPtr& b0) {
  check_host_accessible(*a0, "dot");
  check_host_accessible(*b0, "dot");
  const Array &a = *a0, &b = *b0;
  // A 0-d operand: dot is multiply.
  if (a.ndim() == 0 || b.ndim() == 0) {
    auto r = binary(BinOp::Mul, Operand{&a, {}}, Operand{&b, {}});
    current_report().reason = "dot of a 0-d operand is multiply: a new " + shape_words(*r) + " result";
    return r;
  }
  const int na = a.ndim(), nb = b.ndim();
  const int kb_dim = nb >= 2 ? nb - 2 : 0;
  if (a.sizes[na - 1] != b.sizes[kb_dim])
    raise(PyExc::ValueError, "shapes " + np_shape(a.sizes) + " and " + np_shape(b.sizes) + " not aligned: " + std::to_string(a.sizes[na - 1]) +
                                 " (dim " + std::to_string(na - 1) + ") != " + std::to_string(b.sizes[kb_dim]) + " (dim " + std::to_string(kb_dim) + ")");
  const DType dt = numpy_result_type({Operand{&a, {}}, Operand{&b, {}}});
  // a's leading dims flattened into the rows of A (a C-ordered copy when they do not collapse).
  ArrayPtr ap = product_operand(a0, dt), bp = product_operand(b0, dt);
  std::int64_t rows_stride = 0;
  if (!collapse(*ap, 0, na - 1, &rows_stride)) {
    ap = copy_to_new(*ap, ap->kind, dt, layout::contiguous_strides(ap->sizes, static_cast<std::int64_t>(itemsize_of(dt))),
                     "dot: a's leading dims do not flatten");
    collapse(*ap, 0, na - 1, &rows_stride);
  }
  const Shape a_lead = slice(a.sizes, 0, na - 1);
  const Shape b_lead = nb >= 2 ? slice(b.sizes, 0, nb - 2) : Shape{};
  Shape out_shape = a_lead;
  out_shape.insert(out_shape.end(), b_lead.begin(), b_lead.end());
  if (nb >= 2) out_shape.push_back(b.sizes[nb - 1]);
  auto out = new_array(Kind::NDArray, dt, out_shape);
  const std::int64_t isz = static_cast<std::int64_t>(itemsize_of(dt));
  const std::int64_t L = nb >= 2 ? b.sizes[nb - 1] : 1;
  ProductSpec s;
  s.batch = b_lead;
  s.m = prod(a_lead), s.k = a.sizes[na - 1], s.n = L;
  s.a_row = rows_stride, s.a_col = ap->byte_strides[na - 1];
  s.b_row = bp->byte_strides[kb_dim], s.b_col = nb >= 2 ? bp->byte_strides[nb - 1] : 0;
  s.c_col = isz, s.c_row = prod(b_lead) * L * isz;
  s.a_batch.assign(b_lead.size(), 0), s.b_batch.assign(b_lead.size(), 0), s.c_batch.assign(b_lead.size(), 0);
  std::int64_t cs = L * isz;
  for (std::size_t d = b_lead.size(); d-- > 0;) {
    s.b_batch[d] = b_lead[d] == 1 ? 0 : bp->byte_strides[d];
    s.c_batch[d] = cs;
    cs *= b_lead[d];
  }
  auto run = run_product(s, *ap, *bp, *out);
  report_product(run.kernel, *out, run.threads, "dot");
  return out;
}

ArrayPtr np_inner(const ArrayPtr& a, const ArrayPtr& b) {
  // inner(a, b) is dot(a, b with its last axis moved before its second-to-last),
  // which is also how NumPy computes it (its errors show that operand's shape).
  if (a->ndim() == 0 || b->ndim() < 2) {
    auto r = np_dot(a, b);
    current_report().op = "inner";
    return r;
  }
  Dims perm;
  for (int d = 0; d < b->ndim() - 2; ++d) perm.push_back(d);
  perm.push_back(b->ndim() - 1), perm.push_back(b->ndim() - 2);
  auto r = np_dot(a, permute(b, perm));
  current_report().reason = "inner" + current_report().reason.substr(3);
  return r;
}

ArrayPtr np_outer(const ArrayPtr& a, const ArrayPtr& b) {
  // NumPy: multiply(a.ravel()[:, newaxis], b.ravel()[newaxis, :]).
  auto ra = ravel(a, Order::C), rb = ravel(b, Order::C);
  auto col = reshape(ra, {ra->numel(), 1}, Order::C);
  auto row = reshape(rb, {1, rb->numel()}, Order::C);
  auto r = binary(BinOp::Mul, Operand{col.get(), {}}, Operand{row.get(), {}});
  current_report().reason = "outer: a new " + shape_words(*r) + " result";
  return r;
}

// ---- PyTorch ----------------------------------------------------------------------

namespace {

std::string mat_dims(std::int64_t r, std::int64_t c) { return std::to_string(r) + "x" + std::to_string(c); }

void check_host2(const Array& a, const Array& b, const char* op) {
  check_host_accessible(a, op);
  check_host_accessible(b, op);
}

}  // namespace

ArrayPtr torch_mm(const ArrayPtr& a, const ArrayPtr& b) {
  check_host2(*a, *b, "mm");
  // NOTE aten/src/ATen/native/LinearAlgebra.cpp TORCH_META_FUNC(mm), then addmm_impl_cpu_.
  if (a->ndim() != 2) raise(PyExc::RuntimeError, "self must be a matrix");
  if (b->ndim() != 2) raise(PyExc::RuntimeError, "mat2 must be a matrix");
  if (a->sizes[1] != b->sizes[0])
    raise(PyExc::RuntimeError, "mat1 and mat2 shapes cannot be multiplied (" + mat_dims(a->sizes[0], a->sizes[1]) + " and " +
                                   mat_dims(b->sizes[0], b->sizes[1]) + ")");
  torch_dtype_checks("addmm_impl_cpu_", *a, *b);
  return batched(Kind::Tensor, a->dtype, a, b, false, false, {}, {a->sizes[0], b->sizes[1]}, "mm");
}

ArrayPtr torch_bmm(const ArrayPtr& a, const ArrayPtr& b) {
  check_host2(*a, *b, "bmm");
  // NOTE aten/src/ATen/native/LinearAlgebra.cpp common_checks_baddbmm_bmm.
  if (a->ndim() != 3) raise(PyExc::RuntimeError, "batch1 must be a 3D tensor");
  if (b->ndim() != 3) raise(PyExc::RuntimeError, "batch2 must be a 3D tensor");
  const std::int64_t bs = a->sizes[0], m = a->sizes[1], k = a->sizes[2], n = b->sizes[2];
  if (b->sizes[0] != bs || b->sizes[1] != k)
    raise(PyExc::RuntimeError, "Expected size for first two dimensions of batch2 tensor to be: [" + std::to_string(bs) + ", " + std::to_string(k) +
                                   "] but got: [" + std::to_string(b->sizes[0]) + ", " + std::to_string(b->sizes[1]) + "].");
  torch_dtype_checks("bmm", *a, *b);
  return batched(Kind::Tensor, a->dtype, a, b, false, false, {bs}, {bs, m, n}, "bmm");
}

ArrayPtr torch_matmul(const ArrayPtr& a, const ArrayPtr& b) {
  check_host2(*a, *b, "matmul");
  // NOTE aten/src/ATen/native/LinearAlgebra.cpp _matmul_impl (1.13): which kernel runs
  // decides the error texts, so each branch checks as its kernel does.
  const int da = a->ndim(), db = b->ndim();
  if (da == 0 || db == 0)
    raise(PyExc::RuntimeError, "both arguments to matmul need to be at least 1D, but they are " + std::to_string(da) + "D and " +
                                   std::to_string(db) + "D");
  auto mv_checks = [](std::int64_t rows, std::int64_t cols, std::int64_t len, const Array& mat, const Array& vec) {
    if (cols != len)
      raise(PyExc::RuntimeError, "size mismatch, got " + std::to_string(rows) + ", " + mat_dims(rows, cols) + "," + std::to_string(len));
    torch_dtype_checks("addmv_impl_cpu", mat, vec);
  };
  auto mm_checks = [](std::int64_t r1, std::int64_t c1, std::int64_t r2, std::int64_t c2, const Array& x, const Array& y) {
    if (c1 != r2) raise(PyExc::RuntimeError, "mat1 and mat2 shapes cannot be multiplied (" + mat_dims(r1, c1) + " and " + mat_dims(r2, c2) + ")");
    torch_dtype_checks("addmm_impl_cpu_", x, y);
  };
  if (da == 1 && db == 1) {
    if (a->dtype != b->dtype)
      raise(PyExc::RuntimeError, "dot : expected both vectors to have same dtype, but found " + scalar_type(a->dtype) + " and " + scalar_type(b->dtype));
    if (a->sizes[0] != b->sizes[0])
      raise(PyExc::RuntimeError, "inconsistent tensor size, expected tensor [" + std::to_string(a->sizes[0]) + "] and src [" +
                                     std::to_string(b->sizes[0]) + "] to have the same number of elements, but got " + std::to_string(a->sizes[0]) +
                                     " and " + std::to_string(b->sizes[0]) + " elements respectively");
    torch_dtype_checks("dot", *a, *b);
    return batched(Kind::Tensor, a->dtype, a, b, true, true, {}, {}, "matmul (dot)");
  }
  if (da == 2 && db == 1) {
    mv_checks(a->sizes[0], a->sizes[1], b->sizes[0], *a, *b);
    return batched(Kind::Tensor, a->dtype, a, b, false, true, {}, {a->sizes[0]}, "matmul (mv)");
  }
  if (da == 1 && db == 2) {
    mm_checks(1, a->sizes[0], b->sizes[0], b->sizes[1], *a, *b);
    return batched(Kind::Tensor, a->dtype, a, b, true, false, {}, {b->sizes[1]}, "matmul (mm)");
  }
  if (da == 2 && db == 2) {
    mm_checks(a->sizes[0], a->sizes[1], b->sizes[0], b->sizes[1], *a, *b);
    return batched(Kind::Tensor, a->dtype, a, b, false, false, {}, {a->sizes[0], b->sizes[1]}, "matmul (mm)");
  }
  if (da >= 3 && db <= 2) {
    // Batch dims folded into the rows of one mm / mv.
    const std::int64_t rows = prod(a->sizes, 0, da - 1), k = a->sizes[da - 1];
    Shape out = slice(a->sizes, 0, da - 1);
    if (db == 1) {
      mv_checks(rows, k, b->sizes[0], *a, *b);
    } else {
      mm_checks(rows, k, b->sizes[0], b->sizes[1], *a, *b);
      out.push_back(b->sizes[1]);
    }
    return batched(Kind::Tensor, a->dtype, a, b, false, db == 1, slice(a->sizes, 0, da - 2), out, "matmul (folded mm)");
  }
  if (da <= 2 && db >= 3) {
    // 1.13 folds the transposed problem: (b.mT folded) @ a.mT, so errors name those shapes.
    const std::int64_t k = b->sizes[db - 2], n = b->sizes[db - 1];
    const std::int64_t rows = prod(b->sizes, 0, db - 2) * n;
    Shape out = slice(b->sizes, 0, db - 2);
    if (da == 1) {
      mv_checks(rows, k, a->sizes[0], *b, *a);
    } else {
      mm_checks(rows, k, a->sizes[1], a->sizes[0], *b, *a);
      out.push_back(a->sizes[0]);
    }
    out.push_back(n);
    return batched(Kind::Tensor, a->dtype, a, b, da == 1, false, slice(b->sizes, 0, db - 2), out, "matmul (folded mm)");
  }
  // Batched: broadcast the batch dims, then one bmm.
  const Shape ba = slice(a->sizes, 0, std::max(da - 2, 0)), bb = slice(b->sizes, 0, std::max(db - 2, 0));
  const std::size_t bd = std::max(ba.size(), bb.size());
  Shape batch(bd);
  for (std::size_t i = 0; i < bd; ++i) {
    const std::ptrdiff_t ia = static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(bd - ba.size());
    const std::ptrdiff_t ib = static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(bd - bb.size());
    const std::int64_t x = ia >= 0 ? ba[ia] : 1, y = ib >= 0 ? bb[ib] : 1;
    if (x != y && x != 1 && y != 1)
      raise(PyExc::RuntimeError, "The size of tensor a (" + std::to_string(x) + ") must match the size of tensor b (" + std::to_string(y) +
                                     ") at non-singleton dimension " + std::to_string(i));
    batch[i] = x == 1 ? y : x;
  }
  const std::int64_t nb = prod(batch);
  const std::int64_t m = da >= 2 ? a->sizes[da - 2] : 1, k = a->sizes[da - 1];
  const std::int64_t kb = db >= 2 ? b->sizes[db - 2] : b->sizes[0], n = db >= 2 ? b->sizes[db - 1] : 1;
  if (kb != k)
    raise(PyExc::RuntimeError, "Expected size for first two dimensions of batch2 tensor to be: [" + std::to_string(nb) + ", " + std::to_string(k) +
                                   "] but got: [" + std::to_string(nb) + ", " + std::to_string(kb) + "].");
  torch_dtype_checks("bmm", *a, *b);
  Shape out = batch;
  out.push_back(m), out.push_back(n);
  return batched(Kind::Tensor, a->dtype, a, b, false, false, batch, out, "matmul (bmm)");
}

}  // namespace ss
