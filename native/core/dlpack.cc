#include "dlpack.h"

#include "bridge.h"
#include "copy_ops.h"
#include "errors.h"
#include "flags.h"

namespace ss {

namespace {

// Strides of dims with size < 2 are exported as 1 (aten/src/ATen/DLConvertor.cpp toDLPack).
ArrayPtr exported_view(const ArrayPtr& x, Kind kind) {
  auto v = alias_as(x, kind);
  const auto item = static_cast<std::int64_t>(x->itemsize());
  if (x->is_tensor())
    for (std::size_t i = 0; i < v->sizes.size(); ++i)
      if (v->sizes[i] < 2) v->byte_strides[i] = item;
  return v;
}

}  // namespace

std::pair<int, int> dlpack_device(const Array& x) {
  if (x.storage->device.is_cuda()) return {2, x.storage->device.index};
  return {x.storage->pinned ? 3 : 1, 0};
}

CapsulePtr to_dlpack(const ArrayPtr& x, const DlpackExportOptions& opts) {
  auto c = std::make_shared<Capsule>();
  c->versioned = opts.max_version && opts.max_version->first >= 1;
  if (x->is_tensor()) {
    // NOTE torch/_tensor.py __dlpack__ (semantics.md §34, §37)
    if (x->requires_grad) raise(PyExc::BufferError, "Can't export tensors that require gradient, use tensor.detach()");
    if (x->conj) raise(PyExc::BufferError, "Can't export tensors with the conjugate bit set");
    if (x->storage->device.is_cpu()) {
      if (opts.stream && *opts.stream != -1) raise(PyExc::AssertionError, "stream should be None on cpu.");
    } else if (opts.stream) {
      if (*opts.stream == 2) raise(PyExc::BufferError, "per-thread default stream is not supported.");
      if (*opts.stream == 0) raise(PyExc::AssertionError, "unsupported stream on CUDA: 0.");
    }
    c->view = exported_view(x, Kind::Tensor);
    return c;
  }
  // NOTE numpy/_core/src/multiarray/dlpack.c array_dlpack (semantics.md §40; texts of the local NumPy 2.4)
  if (opts.stream) raise(PyExc::RuntimeError, "NumPy only supports stream=None.");
  if (!x->writeable) {
    if (!c->versioned)
      raise(PyExc::BufferError,
            "Cannot export readonly array since signalling readonly is unsupported by DLPack (supported by newer DLPack version).");
    c->read_only = true;
  }
  if (x->byte_order == '>' || x->byte_order == '<') raise(PyExc::BufferError, "DLPack only supports native byte order.");
  if (!strides_are_multiples(*x)) {
    for (auto s : x->byte_strides)
      if (s % static_cast<std::int64_t>(x->itemsize()))
        raise(PyExc::BufferError, "DLPack only supports strides which are a multiple of itemsize.");
  }
  c->view = exported_view(x, Kind::NDArray);
  return c;
}

ArrayPtr from_dlpack_capsule(Kind kind, const CapsulePtr& c) {
  if (kind == Kind::NDArray) raise(PyExc::AttributeError, "'PyCapsule' object has no attribute '__dlpack__'");
  if (c->consumed)
    raise(PyExc::RuntimeError,
          "from_dlpack received an invalid capsule. Note that DLTensor capsules can be consumed only once, so you might "
          "have already constructed a tensor from it once.");
  c->consumed = true;
  auto t = alias_as(c->view, Kind::Tensor);
  t->writeable = true;
  return t;
}

ArrayPtr from_dlpack(Kind kind, const ArrayPtr& x, std::optional<bool> copy) {
  if (kind == Kind::Tensor) {
    // torch/utils/dlpack.py: x.__dlpack__(max_version=(1, 0)); a copy only when asked.
    DlpackExportOptions o;
    o.max_version = std::make_pair(1, 0);
    auto c = to_dlpack(x, o);
    auto t = from_dlpack_capsule(Kind::Tensor, c);
    return copy && *copy ? clone(t, MemFormat::Preserve) : t;
  }
  // numpy from_dlpack: versioned request; device must be cpu; bfloat16 has no NumPy dtype.
  if (!x->storage->device.is_cpu()) raise(PyExc::RuntimeError, "Unsupported device in DLTensor.");
  DlpackExportOptions o;
  o.max_version = std::make_pair(1, 0);
  auto c = to_dlpack(x, o);
  if (c->view->dtype == DType::BFloat16) raise(PyExc::RuntimeError, "Unsupported dtype in DLTensor.");
  c->consumed = true;
  auto a = alias_as(c->view, Kind::NDArray);
  // NumPy >= 2.2.5 imports versioned capsules without READ_ONLY as writeable (§32).
  a->writeable = !c->read_only;
  a->base = c->view;
  a->byte_order = a->itemsize() == 1 ? '|' : '=';
  if (copy && *copy) return copy_order(a, Order::K);
  return a;
}

}  // namespace ss
