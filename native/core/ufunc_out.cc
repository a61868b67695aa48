#include "ufunc_out.h"

#include "copy_ops.h"
#include "errors.h"
#include "grad_mode.h"
#include "layout.h"
#include "overlap.h"
#include "report.h"

namespace ss {

namespace {

// The function's name as each library's messages print it.
std::string op_name(BinOp op, bool torch) {
  if (!torch) return ufunc_name(op);
  switch (op) {
    case BinOp::Add: return "add";
    case BinOp::Sub: return "sub";
    case BinOp::Mul: return "mul";
    case BinOp::Div: return "div";
    case BinOp::FloorDiv: return "floor_divide";
    case BinOp::Mod: return "remainder";
    case BinOp::Pow: return "pow";
    case BinOp::And: return "bitwise_and";
    case BinOp::Or: return "bitwise_or";
    case BinOp::Xor: return "bitwise_xor";
    case BinOp::LShift: return "bitwise_left_shift";
    case BinOp::RShift: return "bitwise_right_shift";
    case BinOp::Maximum: return "maximum";
    case BinOp::Minimum: return "minimum";
    case BinOp::Eq: return "eq";
    case BinOp::Ne: return "ne";
    case BinOp::Lt: return "lt";
    case BinOp::Le: return "le";
    case BinOp::Gt: return "gt";
    case BinOp::Ge: return "ge";
  }
  return "ufunc";
}

std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

bool requires_grad(const Operand& o) { return o.array && o.array->requires_grad; }

}  // namespace

void binary_out(BinOp op, const Operand& a, const Operand& b, const ArrayPtr& out) {
  const bool torch = out->is_tensor();
  const std::string name = op_name(op, torch);
  if (torch) {
    // NOTE torch/csrc/autograd/generated/VariableType: out= variants refuse history.
    if (grad_enabled() && (requires_grad(a) || requires_grad(b) || out->requires_grad))
      raise(PyExc::RuntimeError, name + "(): functions with out=... arguments don't support automatic differentiation, "
                                        "but one of the arguments requires grad.");
    check_write_overlap(*out, {a.array, b.array});
  } else {
    check_writeable(*out, true);
  }
  auto r = binary(op, a, b);  // broadcasting and promotion errors, and the values
  if (torch ? !torch_can_cast(r->dtype, out->dtype) : !numpy_can_cast_same_kind(r->dtype, out->dtype)) {
    if (torch)
      raise(PyExc::RuntimeError, std::string("result type ") + dtype_info(r->dtype).scalar_type +
                                     " can't be cast to the desired output type " + dtype_info(out->dtype).scalar_type);
    raise(PyExc::UFuncOutputCastingError, "Cannot cast ufunc '" + name + "' output from dtype('" + dtype_name(r->dtype) +
                                "') to dtype('" + dtype_name(out->dtype) + "') with casting rule 'same_kind'");
  }
  Array view = *r;
  if (r->sizes != out->sizes) {
    if (torch)
      raise(PyExc::NotImplementedError, "out= of another shape than the result (PyTorch resizes it) is not supported "
                                        "by the Stridescope engine");
    auto shape = layout::broadcast_shapes(out->sizes, r->sizes);
    if (!shape || *shape != out->sizes)
      raise(PyExc::ValueError, "non-broadcastable output operand with shape " + np_shape(out->sizes) +
                                   " doesn't match the broadcast shape " + np_shape(shape ? *shape : r->sizes));
    // The result repeated over out's leading or size-1 axes.
    Shape st(out->sizes.size(), 0);
    const std::size_t lead = out->sizes.size() - r->sizes.size();
    for (std::size_t i = 0; i < r->sizes.size(); ++i)
      if (r->sizes[i] != 1) st[lead + i] = r->byte_strides[i];
    view.sizes = out->sizes;
    view.byte_strides = st;
  }
  copy_into(*out, view, "out=");
  OpReport& rep = current_report();
  rep.reason = name + "(out=...)";
}

}  // namespace ss
