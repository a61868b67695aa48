#include "bridge.h"

#include <algorithm>
#include <atomic>

#include "copy_ops.h"
#include "device_moves.h"
#include "errors.h"
#include "flags.h"
#include "layout.h"
#include "report.h"
#include "view_parts.h"

namespace ss {

namespace {

constexpr const char* kNotWritable =
    "The given NumPy array is not writable, and PyTorch does not support non-writable tensors. This means writing to "
    "this tensor will result in undefined behavior. You may want to copy the array to protect its data or make it "
    "writable before converting it to a tensor. This type of warning will be suppressed for the rest of this program.";

// torch/csrc/utils/tensor_numpy.cpp warns once per process.
std::atomic<bool> g_warned_not_writable{false};

const char* kUnableToAvoidCopy =
    "Unable to avoid copy while creating an array as requested.\n"
    "If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior "
    "change in NumPy 1.x).\n"
    "For more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.";

const char* kArrayCopyKeyword =
    "__array__ implementation doesn't accept a copy keyword, so passing copy=False failed. __array__ must implement "
    "'dtype' and 'copy' keyword arguments. To learn more, see the migration guide "
    "https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword";

// tensor_from_numpy's checks in their order (semantics.md §10), without the type check.
void check_numpy_for_torch(const Array& a, bool warn_if_not_writeable) {
  if (warn_if_not_writeable && !a.writeable && !g_warned_not_writable.exchange(true))
    report_warning("UserWarning", kNotWritable);
  const auto item = static_cast<std::int64_t>(a.itemsize());
  for (auto s : a.byte_strides)
    if (s % item)
      raise(PyExc::ValueError,
            "given numpy array strides not a multiple of the element byte size. Copy the numpy array to reallocate the memory.");
  for (auto s : a.byte_strides)
    if (s < 0)
      raise(PyExc::ValueError,
            "At least one stride in the given numpy array is negative, and tensors with negative strides are not "
            "currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ");
  if (a.byte_order == '>' || a.byte_order == '<')
    raise(PyExc::ValueError,
          "given numpy array has byte order different from the native byte order. Conversion between byte orders is "
          "currently not supported.");
}

void check_tensor_for_numpy(const Array& t) {
  // NOTE torch/csrc/utils/tensor_numpy.cpp tensor_to_numpy (semantics.md §14-17)
  check_numpy_device(t);
  if (t.requires_grad)
    raise(PyExc::RuntimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  if (t.conj)
    raise(PyExc::RuntimeError, "Can't call numpy() on Tensor that has conjugate bit set. Use tensor.resolve_conj().numpy() instead.");
  if (t.neg)
    raise(PyExc::RuntimeError, "Can't call numpy() on Tensor that has negative bit set. Use tensor.resolve_neg().numpy() instead.");
  if (t.dtype == DType::BFloat16) raise(PyExc::TypeError, "Got unsupported ScalarType BFloat16");
}

// t.numpy()'s hidden alias of the tensor and the storage record over its bytes.
struct NumpyAlias {
  Array hidden;
  Storage storage;
};

}  // namespace

std::int64_t needed_storage_bytes(const Array& a) {
  for (auto s : a.sizes)
    if (s == 0) return 0;
  std::int64_t n = 1;
  const auto item = static_cast<std::int64_t>(a.itemsize());
  for (std::size_t i = 0; i < a.sizes.size(); ++i) n += (a.sizes[i] - 1) * (a.byte_strides[i] / item);
  return n * item;
}

ArrayPtr alias_as(const ArrayPtr& a, Kind kind) {
  auto st = alias_storage(a->storage, a->data_ptr(), static_cast<std::size_t>(needed_storage_bytes(*a)));
  auto out = make_view(kind, a->dtype, st, a->sizes, a->byte_strides, 0);
  out->owns_data = false;
  return out;
}

ArrayPtr from_numpy(const ArrayPtr& a) {
  if (a->is_tensor()) raise(PyExc::TypeError, "expected np.ndarray (got Tensor)");
  check_numpy_for_torch(*a, true);
  // from_blob(PyArray_DATA): a new, non-resizable storage starting at element 0 (§1, §11).
  auto t = alias_as(a, Kind::Tensor);
  t->storage->resizable = false;
  t->writeable = true;
  t->byte_order = '=';
  return t;
}

ArrayPtr tensor_numpy(const ArrayPtr& t, bool force) {
  if (!t->is_tensor()) raise(PyExc::TypeError, "numpy() is a Tensor method; this object is already an ndarray");
  ArrayPtr src = t;
  if (force) {
    // §19: detach().cpu().resolve_conj().resolve_neg(): shares only when already plain and on the cpu.
    if (!src->storage->device.is_cpu()) src = tensor_cpu(src);
    if (src->conj || src->neg) {
      src = clone(src, MemFormat::Preserve);
      src->conj = src->neg = false;  // clone's copy_ has conjugated the values (the neg bit is never set)
    }
    if (src->requires_grad) {
      auto detached = derive_view(src, src->sizes, src->byte_strides, src->byte_offset);
      detached->requires_grad = false;
      detached->base = nullptr;
      src = detached;
    }
  }
  check_tensor_for_numpy(*src);
  t->storage->resizable = false;  // §12
  // a.base is a detached alias of the tensor, not the tensor itself. The alias and the
  // storage record the array views through are made together and are needed together
  // (the array and its views hold both; a held a.base only keeps an unseen record of no
  // bytes of its own), so they are one allocation. The array is a block of its own: it
  // holds references to both.
  auto block = std::make_shared<NumpyAlias>();
  ArrayPtr hidden(block, &block->hidden);
  init_derived_view(*hidden, src, Shape(src->sizes), Shape(src->byte_strides), src->byte_offset);
  hidden->base = nullptr;
  init_alias_storage(block->storage, hidden->storage, hidden->data_ptr(),
                     static_cast<std::size_t>(needed_storage_bytes(*hidden)));
  auto a = make_view(Kind::NDArray, hidden->dtype, StoragePtr(block, &block->storage), hidden->sizes,
                     hidden->byte_strides, 0);
  a->owns_data = false;  // as alias_as
  // An empty tensor's data_ptr() is null, so PyArray_New allocates the array itself, and an
  // array NumPy allocates with no elements has every stride 0.
  if (a->numel() == 0) std::fill(a->byte_strides.begin(), a->byte_strides.end(), 0);
  a->base = std::move(hidden);
  a->writeable = true;
  a->byte_order = a->itemsize() == 1 ? '|' : '=';
  return a;
}

ArrayPtr as_tensor(const ArrayPtr& x, std::optional<DType> dtype) {
  if (x->is_tensor()) {
    // §22: the same tensor when dtype and device already match.
    return dtype && *dtype != x->dtype ? to_dtype(x, *dtype, false) : x;
  }
  auto t = from_numpy(x);  // §21: from_numpy then .to(copy=False)
  return dtype && *dtype != t->dtype ? to_dtype(t, *dtype, false) : t;
}

ArrayPtr torch_tensor(const ArrayPtr& x, std::optional<DType> dtype) {
  ArrayPtr src = x;
  if (x->is_tensor()) {
    report_warning("UserWarning",
                   "To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() or "
                   "sourceTensor.clone().detach().requires_grad_(True), rather than torch.tensor(sourceTensor).");
  } else {
    check_numpy_for_torch(*x, false);
    src = alias_as(x, Kind::Tensor);
  }
  auto out = to_dtype(src, dtype.value_or(src->dtype), true);  // §23: .to(copy=True), preserve format
  out->requires_grad = false;
  return out;
}

ArrayPtr torch_asarray(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy) {
  // NOTE torch/csrc/utils/tensor_new.cpp asarray (semantics.md §26-27)
  ArrayPtr t = x;
  if (!x->is_tensor()) {
    check_numpy_for_torch(*x, false);
    t = alias_as(x, Kind::Tensor);
  }
  DType want = dtype.value_or(t->dtype);
  if (copy && !*copy && want != t->dtype)
    raise(PyExc::ValueError, std::string("can't alias tensor with dtype '") + dtype_info(t->dtype).scalar_type +
                                 "' into dtype '" + dtype_info(want).scalar_type + "'.");
  if (copy && *copy) return to_dtype(t, want, true);
  return to_dtype(t, want, false);
}

ArrayPtr np_asarray(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy) {
  return np_array(x, dtype, copy, static_cast<int>(Order::K));
}

ArrayPtr np_array(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy, int order_int) {
  const Order order = static_cast<Order>(order_int);
  ArrayPtr a = x;
  if (x->is_tensor()) {
    // NumPy 2 passes copy= to Tensor.__array__, which lacks it: warn, retry without (§29, §30).
    if (copy) report_warning("DeprecationWarning", kArrayCopyKeyword);
    a = tensor_numpy(x, false);
    if (copy && !*copy) {
      if (dtype && *dtype != a->dtype) raise(PyExc::ValueError, kUnableToAvoidCopy);
      raise(PyExc::ValueError, kUnableToAvoidCopy);
    }
    if (dtype && *dtype != a->dtype) return astype(a, *dtype, order, true);
    if (copy && *copy) return copy_order(a, order);
    return a;
  }
  DType want = dtype.value_or(a->dtype);
  bool layout_ok = order == Order::C ? c_contiguous(*a) : order == Order::F ? f_contiguous(*a) : true;
  bool needs_copy = (copy && *copy) || want != a->dtype || !layout_ok;
  if (!needs_copy) return a;  // np.asarray(a) is a
  if (copy && !*copy) raise(PyExc::ValueError, kUnableToAvoidCopy);
  return astype(a, want, order, true);
}

}  // namespace ss
