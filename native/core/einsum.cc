#include "einsum.h"

#include <algorithm>
#include <complex>
#include <map>
#include <numeric>

#include "allocation.h"
#include "cancel.h"
#include "copy_ops.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "promotion.h"
#include "report.h"
#include "scalar.h"

namespace ss {

namespace {

// Subscript labels: a letter's char code; dims under '...' get -1, -2, ... counted from the right.
using Labels = std::vector<int>;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Term {
  Labels letters_before, letters_after;  // around the ellipsis
  bool ellipsis = false;
  std::size_t start = 0;                 // offset of the term in the equation (torch's error index)
};

std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

[[noreturn]] void bad_char(bool torch, char c, std::size_t at) {
  if (torch)
    raise(PyExc::RuntimeError, "einsum(): invalid subscript given at index " + std::to_string(at) +
                                   " in the equation string, subscripts must be in [a-zA-Z]");
  raise(PyExc::ValueError, std::string("invalid subscript '") + c + "' in einstein sum subscripts string, subscripts must be letters");
}

Term parse_term(bool torch, const std::string& eq, std::size_t from, std::size_t to) {
  Term t;
  t.start = from;
  for (std::size_t i = from; i < to; ++i) {
    const char c = eq[i];
    if (c == ' ') continue;
    if (c == '.') {
      if (t.ellipsis || i + 2 >= to + 0 || eq.compare(i, 3, "...") != 0) {
        if (torch) raise(PyExc::RuntimeError, "einsum(): found '.' for operand that is not part of any ellipsis");
        raise(PyExc::ValueError, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...')");
      }
      t.ellipsis = true;
      i += 2;
      continue;
    }
    if (!is_letter(c)) bad_char(torch, c, i);
    (t.ellipsis ? t.letters_after : t.letters_before).push_back(c);
  }
  return t;
}

// The labels of each dim of an operand of rank `nd`.
Labels expand(bool torch, const Term& t, int nd, std::size_t iop) {
  const int named = static_cast<int>(t.letters_before.size() + t.letters_after.size());
  if (!t.ellipsis && named != nd) {
    if (torch)
      raise(PyExc::RuntimeError, "einsum(): the number of subscripts in the equation (" + std::to_string(named) +
                                     ") does not match the number of dimensions (" + std::to_string(nd) + ") for operand " + std::to_string(iop) +
                                     " and no ellipsis was given");
    if (named > nd) raise(PyExc::ValueError, "einstein sum subscripts string contains too many subscripts for operand " + std::to_string(iop));
    raise(PyExc::ValueError, "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast "
                             "the extra dimensions.");
  }
  if (t.ellipsis && named > nd) {
    if (torch)
      raise(PyExc::RuntimeError, "einsum(): the number of subscripts in the equation (" + std::to_string(named) +
                                     ") is more than the number of dimensions (" + std::to_string(nd) + ") for operand " + std::to_string(iop));
    raise(PyExc::ValueError, "einstein sum subscripts string contains too many subscripts for operand " + std::to_string(iop));
  }
  Labels l(t.letters_before.begin(), t.letters_before.end());
  const int ell = nd - named;
  for (int k = ell; k >= 1; --k) l.push_back(-k);
  l.insert(l.end(), t.letters_after.begin(), t.letters_after.end());
  return l;
}

// One operand with its repeated labels folded into one dim (the diagonal), as a view.
struct Folded {
  Labels labels;
  Shape sizes, strides;  // byte strides
};

Folded fold(bool torch, const Array& a, const Labels& labels, std::size_t iop) {
  Folded f;
  for (int d = 0; d < a.ndim(); ++d) {
    auto it = std::find(f.labels.begin(), f.labels.end(), labels[d]);
    if (it == f.labels.end()) {
      f.labels.push_back(labels[d]);
      f.sizes.push_back(a.sizes[d]);
      f.strides.push_back(a.byte_strides[d]);
      continue;
    }
    const std::size_t k = static_cast<std::size_t>(it - f.labels.begin());
    if (f.sizes[k] != a.sizes[d]) {
      const char c = static_cast<char>(labels[d]);
      if (torch)
        raise(PyExc::RuntimeError, std::string("einsum(): subscript ") + c + " is repeated for operand " + std::to_string(iop) +
                                       " but the sizes don't match, " + std::to_string(a.sizes[d]) + " != " + std::to_string(f.sizes[k]));
      raise(PyExc::ValueError, std::string("dimensions in single operand for collapsing index '") + c + "' don't match (" +
                                   std::to_string(f.sizes[k]) + " != " + std::to_string(a.sizes[d]) + ")");
    }
    f.strides[k] += a.byte_strides[d];
  }
  return f;
}

std::string shape_words(const Array& a) {
  std::string r = "(";
  for (std::size_t i = 0; i < a.sizes.size(); ++i) r += (i ? ", " : "") + std::to_string(a.sizes[i]);
  return r + (a.sizes.size() == 1 ? ",)" : ")") + " " + dtype_name(a.dtype);
}

// NumPy's nditer axis ordering (npyiter_find_best_axis_ordering): innermost first,
// stable, an operand with both strides nonzero votes, C order wins conflicts.
std::vector<int> nditer_order(const std::vector<Shape>& op_strides, int n) {
  std::vector<int> perm(n);  // innermost first
  for (int i = 0; i < n; ++i) perm[i] = n - 1 - i;
  for (int i0 = 1; i0 < n; ++i0) {
    int ipos = i0;
    const int j0 = perm[i0];
    for (int i1 = i0 - 1; i1 >= 0; --i1) {
      bool ambig = true, swap = false;
      const int j1 = perm[i1];
      for (const auto& st : op_strides) {
        if (st[j0] != 0 && st[j1] != 0) {
          if (std::llabs(st[j1]) <= std::llabs(st[j0])) swap = false;
          else if (ambig) swap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos != i0) {
      for (int i1 = i0; i1 > ipos; --i1) perm[i1] = perm[i1 - 1];
      perm[ipos] = j0;
    }
  }
  return perm;
}

}  // namespace

ArrayPtr einsum(Kind kind, const std::string& eq, const std::vector<ArrayPtr>& ops0) {
  const bool torch = kind == Kind::Tensor;
  for (const auto& a : ops0) check_host_accessible(*a, "einsum");
  std::vector<ArrayPtr> ops;
  for (const auto& a : ops0) ops.push_back(a->conj ? resolve_conj(a) : a);
  // ---- parse -------------------------------------------------------------------------
  const std::size_t arrow = eq.find("->");
  const std::size_t lhs_end = arrow == std::string::npos ? eq.size() : arrow;
  std::vector<Term> terms;
  for (std::size_t from = 0;;) {
    std::size_t comma = eq.find(',', from);
    if (comma == std::string::npos || comma > lhs_end) comma = lhs_end;
    terms.push_back(parse_term(torch, eq, from, comma));
    if (comma == lhs_end) break;
    from = comma + 1;
  }
  // (NumPy's two texts read the other way round from torch's; both are quoted as they are.)
  if (terms.size() < ops.size())
    raise(torch ? PyExc::RuntimeError : PyExc::ValueError,
          torch ? "einsum(): more operands were provided than specified in the equation"
                : "fewer operands provided to einstein sum function than specified in the subscripts string");
  if (terms.size() > ops.size())
    raise(torch ? PyExc::RuntimeError : PyExc::ValueError,
          torch ? "einsum(): fewer operands were provided than specified in the equation"
                : "more operands provided to einstein sum function than specified in the subscripts string");
  std::vector<Folded> folded;
  std::map<int, std::int64_t> size_of;
  std::map<int, int> count;
  int ell_nd = 0;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Labels l = expand(torch, terms[i], ops[i]->ndim(), i);
    folded.push_back(fold(torch, *ops[i], l, i));
    // Occurrences in the subscripts (a repeated subscript counts twice: 'ii' is a trace).
    for (int x : l) ++count[x], ell_nd = std::max(ell_nd, x < 0 ? -x : 0);
  }
  // Sizes per label: equal, or 1 broadcasting (NumPy reports a mismatch later, from its iterator).
  bool np_mismatch = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const Folded& f = folded[i];
    for (std::size_t k = 0; k < f.labels.size(); ++k) {
      auto it = size_of.find(f.labels[k]);
      if (it == size_of.end() || it->second == 1) {
        size_of[f.labels[k]] = it == size_of.end() || f.sizes[k] != 1 ? f.sizes[k] : it->second;
      } else if (f.sizes[k] != it->second && f.sizes[k] != 1) {
        if (torch)
          raise(PyExc::RuntimeError, std::string("einsum(): subscript ") + static_cast<char>(f.labels[k]) + " has size " + std::to_string(f.sizes[k]) +
                                         " for operand " + std::to_string(i) + " which does not broadcast with previously seen size " +
                                         std::to_string(it->second));
        np_mismatch = true;
      }
    }
  }
  Labels out;
  if (arrow != std::string::npos) {
    const Term ot = parse_term(torch, eq, arrow + 2, eq.size());
    Labels seen;
    for (int c : ot.letters_before) seen.push_back(c);
    for (int c : ot.letters_after) seen.push_back(c);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      const char c = static_cast<char>(seen[i]);
      if (std::count(seen.begin(), seen.end(), seen[i]) > 1) {
        if (torch) raise(PyExc::RuntimeError, std::string("einsum(): output subscript ") + c + " appears more than once in the output");
        raise(PyExc::ValueError, std::string("einstein sum subscripts string includes output subscript '") + c + "' multiple times");
      }
      if (!count.count(seen[i])) {
        if (torch) raise(PyExc::RuntimeError, std::string("einsum(): output subscript ") + c + " does not appear in the equation for any input operand");
        raise(PyExc::ValueError, std::string("einstein sum subscripts string included output subscript '") + c + "' which never appeared in an input");
      }
    }
    out.assign(ot.letters_before.begin(), ot.letters_before.end());
    if (ot.ellipsis) {
      for (int k = ell_nd; k >= 1; --k) out.push_back(-k);
    } else if (ell_nd > 0 && !torch) {
      bool any = false;
      for (int k = 1; k <= ell_nd; ++k) any = any || size_of[-k] != 1;
      if (any)
        raise(PyExc::ValueError, "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast "
                                 "the extra dimensions.");
    }
    out.insert(out.end(), ot.letters_after.begin(), ot.letters_after.end());
  } else {
    // Implicit: the '...' dims, then the letters seen once, in alphabetical order.
    for (int k = ell_nd; k >= 1; --k) out.push_back(-k);
    for (const auto& [label, n] : count)
      if (label > 0 && n == 1) out.push_back(label);
  }
  // Iteration axes: the output's, then the summed ones in label order.
  Labels axes = out;
  for (const auto& [label, n] : count)
    if (std::find(out.begin(), out.end(), label) == out.end()) axes.push_back(label);
  const int nax = static_cast<int>(axes.size()), nout = static_cast<int>(out.size());
  Shape iter_sizes;
  for (int x : axes) iter_sizes.push_back(size_of[x]);
  std::vector<Shape> op_strides;
  for (const auto& f : folded) {
    Shape st(nax, 0);
    for (int j = 0; j < nax; ++j) {
      auto it = std::find(f.labels.begin(), f.labels.end(), axes[j]);
      if (it != f.labels.end() && f.sizes[static_cast<std::size_t>(it - f.labels.begin())] != 1)
        st[j] = f.strides[static_cast<std::size_t>(it - f.labels.begin())];
    }
    op_strides.push_back(st);
  }
  if (np_mismatch) {
    std::string msg = "operands could not be broadcast together with remapped shapes [original->remapped]: ";
    for (const auto& f : folded) {
      std::string rem = "(";
      bool lead = true, first = true;
      for (int j = 0; j < nax; ++j) {
        auto it = std::find(f.labels.begin(), f.labels.end(), axes[j]);
        if (it == f.labels.end() && lead) continue;  // leading newaxis entries are not printed
        lead = false;
        rem += (first ? "" : ",") + (it == f.labels.end() ? std::string("newaxis") : std::to_string(f.sizes[static_cast<std::size_t>(it - f.labels.begin())]));
        first = false;
      }
      msg += np_shape(f.sizes) + "->" + rem + (rem.size() == 2 ? ",)" : ")") + " ";
    }
    raise(PyExc::ValueError, msg);
  }
  // ---- result dtype ------------------------------------------------------------------
  std::vector<Operand> opnds;
  for (const auto& a : ops) opnds.push_back(Operand{a.get(), {}});
  const bool contracts = nax > nout;
  DType dt;
  if (torch) {
    dt = ops[0]->dtype;
    // 1.13 contracts pairs with bmm, which refuses mixed dtypes; a plain product promotes.
    if (ops.size() > 1 && contracts) {
      for (std::size_t i = 1; i < ops.size(); ++i)
        if (ops[i]->dtype != dt)
          raise(PyExc::RuntimeError, std::string("expected scalar type ") + dtype_info(dt).scalar_type + " but found " + dtype_info(ops[i]->dtype).scalar_type);
    } else {
      dt = torch_result_type(opnds);
    }
  } else {
    dt = numpy_result_type(opnds);
  }
  Shape out_shape(iter_sizes.begin(), iter_sizes.begin() + nout);
  bool grad = false;
  for (const auto& a : ops) grad = grad || a->requires_grad;
  // ---- one operand, nothing summed: a view ------------------------------------------
  if (ops.size() == 1 && !contracts) {
    Shape st(nout);
    const Folded& f = folded[0];
    for (int j = 0; j < nout; ++j) st[j] = f.strides[static_cast<std::size_t>(std::find(f.labels.begin(), f.labels.end(), out[j]) - f.labels.begin())];
    auto v = derive_view(ops[0], out_shape, st, ops[0]->byte_offset);
    current_report().reason = "einsum of one operand without a sum: a view (permuted / diagonal strides), nothing copied";
    return v;
  }
  // ---- result layout -----------------------------------------------------------------
  const std::int64_t isz = static_cast<std::int64_t>(itemsize_of(dt));
  Shape out_strides(nout, 0);
  {
    std::vector<int> order;  // output axes, innermost first
    if (!torch) {
      for (int j : nditer_order(op_strides, nax))
        if (j < nout) order.push_back(j);
    } else if (ops.size() == 2 && contracts) {
      // sumproduct_pair: bmm's result is contiguous over (both, left only, right only) dims.
      std::vector<int> lro, lo, ro;
      for (int j = 0; j < nout; ++j) {
        const bool in_l = std::find(folded[0].labels.begin(), folded[0].labels.end(), out[j]) != folded[0].labels.end() && iter_sizes[j] > 1;
        const bool in_r = std::find(folded[1].labels.begin(), folded[1].labels.end(), out[j]) != folded[1].labels.end() && iter_sizes[j] > 1;
        (in_l && in_r ? lro : in_l ? lo : ro).push_back(j);
      }
      std::vector<int> outer_first = lro;
      outer_first.insert(outer_first.end(), lo.begin(), lo.end());
      outer_first.insert(outer_first.end(), ro.begin(), ro.end());
      order.assign(outer_first.rbegin(), outer_first.rend());
    } else if (ops.size() == 2) {
      // A plain product (mul): TensorIterator's order over the operands.
      std::vector<ArrayPtr> views;
      std::vector<const Array*> raw;
      for (int i = 0; i < 2; ++i) {
        Shape st(op_strides[i].begin(), op_strides[i].begin() + nout);
        views.push_back(derive_view(ops[i], out_shape, st, ops[i]->byte_offset));
        raw.push_back(views.back().get());
      }
      Shape rs = result_strides(kind, out_shape, raw, static_cast<std::size_t>(isz));
      std::vector<int> idx(nout);
      std::iota(idx.begin(), idx.end(), 0);
      std::stable_sort(idx.begin(), idx.end(), [&](int x, int y) { return rs[x] < rs[y]; });
      order = idx;
    } else {
      for (int j = nout - 1; j >= 0; --j) order.push_back(j);
    }
    std::int64_t s = isz;
    for (int j : order) {
      out_strides[j] = s;
      s *= out_shape[j];
    }
    if (!torch && layout::checked_numel(out_shape).value_or(0) == 0) out_strides = layout::numpy_new_strides(out_shape, isz, false);
    if (torch) {
      // Strides over size-1 dims follow torch's contiguous rule for the permuted shape.
      std::vector<int> outer_first(order.rbegin(), order.rend());
      Shape psz;
      for (int j : outer_first) psz.push_back(out_shape[j]);
      Shape pst = layout::contiguous_strides(psz, isz);
      for (std::size_t q = 0; q < outer_first.size(); ++q) out_strides[outer_first[q]] = pst[q];
    }
  }
  auto result = new_array_strided(kind, dt, out_shape, out_strides);
  // ---- the sums ----------------------------------------------------------------------
  const std::int64_t out_n = result->numel();
  const bool cplx = is_complex(dt);
  const bool int_acc = is_integral(dt) || dt == DType::Bool;
  std::vector<std::complex<double>> accf(int_acc ? 0 : static_cast<std::size_t>(out_n));
  std::vector<std::uint64_t> acci(int_acc ? static_cast<std::size_t>(out_n) : 0);
  // Accumulator index strides (C order of the output), 0 along the summed axes.
  Shape acc_st(nax, 0);
  {
    std::int64_t s = 1;
    for (int j = nout - 1; j >= 0; --j) acc_st[j] = s, s *= out_shape[j];
  }
  const std::int64_t total = layout::checked_numel(iter_sizes).value_or(0);
  std::vector<char*> ptr(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) ptr[i] = ops[i]->data_ptr();
  Shape idx(nax, 0);
  std::int64_t acc_at = 0;
  std::vector<bool> swapped(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) swapped[i] = ops[i]->byte_order == '>' || ops[i]->byte_order == '<';
  for (std::int64_t t = 0; t < total; ++t) {
    if ((t & (kCancelChunk - 1)) == 0) check_cancel();
    if (int_acc) {
      std::uint64_t p = 1;
      for (std::size_t i = 0; i < ops.size(); ++i) {
        Scalar v = load_scalar(ops[i]->dtype, ptr[i], swapped[i]);
        const std::int64_t x = v.type == Scalar::Type::Int ? (v.big ? static_cast<std::int64_t>(v.u) : v.i)
                                                           : v.type == Scalar::Type::Bool ? static_cast<std::int64_t>(v.b) : static_cast<std::int64_t>(v.to_double());
        p *= static_cast<std::uint64_t>(x);
      }
      acci[static_cast<std::size_t>(acc_at)] = dt == DType::Bool ? (acci[static_cast<std::size_t>(acc_at)] | (p != 0)) : acci[static_cast<std::size_t>(acc_at)] + p;
    } else {
      std::complex<double> p = 1;
      for (std::size_t i = 0; i < ops.size(); ++i) p *= load_scalar(ops[i]->dtype, ptr[i], swapped[i]).to_complex();
      accf[static_cast<std::size_t>(acc_at)] += p;
    }
    for (int d = nax - 1; d >= 0; --d) {
      for (std::size_t i = 0; i < ops.size(); ++i) ptr[i] += op_strides[i][d];
      acc_at += acc_st[d];
      if (++idx[d] < iter_sizes[d]) break;
      for (std::size_t i = 0; i < ops.size(); ++i) ptr[i] -= op_strides[i][d] * iter_sizes[d];
      acc_at -= acc_st[d] * iter_sizes[d];
      idx[d] = 0;
    }
  }
  // Store in C order of the output through its strides.
  Shape oi(nout, 0);
  for (std::int64_t k = 0; k < out_n; ++k) {
    std::int64_t off = 0;
    for (int j = 0; j < nout; ++j) off += oi[j] * out_strides[j];
    Scalar r = int_acc ? (dt == DType::UInt64 ? Scalar::of_uint(acci[static_cast<std::size_t>(k)]) : Scalar::of_int(static_cast<std::int64_t>(acci[static_cast<std::size_t>(k)])))
                       : cplx ? Scalar::of_complex(accf[static_cast<std::size_t>(k)].real(), accf[static_cast<std::size_t>(k)].imag())
                              : Scalar::of_float(accf[static_cast<std::size_t>(k)].real());
    store_scalar_unchecked(dt, r, result->data_ptr() + off);
    for (int j = nout - 1; j >= 0; --j) {
      if (++oi[j] < out_shape[j]) break;
      oi[j] = 0;
    }
  }
  result->requires_grad = records_history(grad, dt);
  report_copy("einsum-loop", static_cast<std::size_t>(result->nbytes()), "einsum");
  current_report().reason = "einsum: a new " + shape_words(*result) + " result";
  return result;
}

}  // namespace ss
