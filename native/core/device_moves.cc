#include "device_moves.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <vector>

#include "../backends/cpu/strided_copy.h"
#include "allocation.h"
#include "cancel.h"
#include "cuda_errors.h"
#include "device_backend.h"
#include "device_parse.h"
#include "device_storage.h"
#include "errors.h"
#include "grad_mode.h"
#include "layout.h"
#include "report.h"
#include "stoppable_copy.h"

namespace ss {

namespace {

thread_local std::optional<TransferRecord> t_last;

using Clock = std::chrono::steady_clock;

Shape to_byte_strides(const Shape& elem_strides, std::size_t itemsize) {
  Shape out(elem_strides.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = elem_strides[i] * static_cast<std::int64_t>(itemsize);
  return out;
}

// Same addressing: equal strides on every dim of size > 1.
bool same_layout(const Array& a, const Array& b) {
  for (int d = 0; d < a.ndim(); ++d)
    if (a.sizes[d] > 1 && a.byte_strides[d] != b.byte_strides[d]) return false;
  return true;
}

DeviceBackend& backend_of(const Storage& s) {
  DeviceBackend* b = cuda_backend_for(s.simulated);
  if (!b) raise(PyExc::RuntimeError, "the CUDA backend that made this storage is gone");  // unreachable in practice
  return *b;
}

// Device scratch memory freed on scope exit (staging for strided device->host moves).
class DeviceScratch {
 public:
  DeviceScratch(DeviceBackend& b, int index, std::size_t n) : b_(b), index_(index), p_(b.alloc(index, n)) {}
  ~DeviceScratch() { b_.free(index_, p_); }
  DeviceScratch(const DeviceScratch&) = delete;
  DeviceScratch& operator=(const DeviceScratch&) = delete;
  void* get() const { return p_; }

 private:
  DeviceBackend& b_;
  int index_;
  void* p_;
};

// Host staging memory from the cpu allocator (it reuses freed buffers of the
// same size class, so repeated moves do not pay for fresh pages each time).
class HostScratch {
 public:
  explicit HostScratch(std::size_t n) : n_(n), p_(cpu::host_alloc(n)) {
    if (!p_) raise(PyExc::MemoryError, "allocation failed");
  }
  ~HostScratch() { cpu::host_free(p_, n_); }
  HostScratch(const HostScratch&) = delete;
  HostScratch& operator=(const HostScratch&) = delete;
  void* get() const { return p_; }

 private:
  std::size_t n_;
  void* p_;
};

// Host strided copy, timed with the steady clock; Stop reaches it between chunks (cancel.h).
TransferReport host_copy(void* dst, const Shape& dst_strides, const void* src, const Shape& src_strides,
                         const Shape& sizes, std::size_t itemsize) {
  const auto t0 = Clock::now();
  const cpu::CopyReport c = stoppable_strided_copy(dst, dst_strides.data(), src, src_strides.data(), sizes.data(),
                                                   static_cast<int>(sizes.size()), itemsize);
  TransferReport r;
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.bytes = c.bytes;
  r.path = c.kernel;
  return r;
}

// A contiguous transfer longer than this goes in pieces with a poll of the stop flag
// between them (cancel.h), so Stop and Ctrl-C reach a big .cuda()/.cpu() within one
// piece's time (~10 ms at host-memory speed, the simulated device's).
constexpr std::size_t kTransferPiece = std::size_t{64} << 20;

// copy(dst, src, n) -> TransferReport over [0, n), piece by piece; one report for the whole.
template <class Copy>
TransferReport in_pieces(void* dst, const void* src, std::size_t n, Copy copy) {
  if (n <= kTransferPiece) return copy(dst, src, n);
  TransferReport total;
  for (std::size_t off = 0; off < n; off += kTransferPiece) {
    check_cancel();
    TransferReport r = copy(static_cast<char*>(dst) + off, static_cast<const char*>(src) + off,
                            std::min(kTransferPiece, n - off));
    total.path = std::move(r.path);
    total.pinned = r.pinned;
    total.bytes += r.bytes;
    total.seconds += r.seconds;
  }
  return total;
}

// Copies src's values into dst (same sizes; dst freshly allocated and dense in
// its own storage at offset 0), choosing the path by direction and layout.
TransferRecord move_values(const Array& dst, const Array& src, bool non_blocking) {
  TransferRecord rec;
  const Storage &ss_ = *src.storage, &ds = *dst.storage;
  rec.from = ss_.device.str();
  rec.to = ds.device.str();
  rec.simulated = ss_.simulated || ds.simulated;
  const std::size_t item = src.itemsize();
  const std::size_t n = static_cast<std::size_t>(src.numel()) * item;
  rec.bytes = n;
  if (n == 0) {
    rec.path = "none (empty)";
    return rec;
  }
  // A dense source whose strides the destination keeps moves as one run of bytes.
  const bool one_run = same_layout(dst, src) && layout::is_non_overlapping_and_dense(src.sizes, src.elem_strides());
  const int nd = src.ndim();
  const Shape& sizes = src.sizes;

  if (ss_.device.is_cpu() && ds.device.is_cpu()) {
    TransferReport r = host_copy(dst.data_ptr(), dst.byte_strides, src.data_ptr(), src.byte_strides, sizes, item);
    rec.path = r.path;
    rec.seconds = r.seconds;
    rec.pinned = ds.pinned;
    return rec;
  }

  if (ss_.device.is_cpu()) {  // host -> device
    DeviceBackend& b = backend_of(ds);
    rec.pinned = ss_.pinned;
    if (one_run) {
      TransferReport r = in_pieces(dst.data_ptr(), src.data_ptr(), n, [&](void* d, const void* s, std::size_t k) {
        return b.copy_h2d(ds.device.index, d, s, k, ss_.pinned, non_blocking);
      });
      rec.path = r.path;
      rec.seconds = r.seconds;
      return rec;
    }
    // Strided host source: gather it on the host into the destination's layout
    // first (PyTorch does the same: copy_kernel_cuda makes a contiguous host
    // temporary), then one transfer from pageable memory.
    HostScratch staging(n);
    TransferReport g = host_copy(staging.get(), dst.byte_strides, src.data_ptr(), src.byte_strides, sizes, item);
    rec.pinned = false;
    TransferReport r = in_pieces(dst.data_ptr(), staging.get(), n, [&](void* d, const void* s, std::size_t k) {
      return b.copy_h2d(ds.device.index, d, s, k, false, non_blocking);
    });
    rec.path = "host staging (" + g.path + ") + " + r.path;
    rec.seconds = g.seconds + r.seconds;
    return rec;
  }

  DeviceBackend& b = backend_of(ss_);
  const int si = ss_.device.index;
  if (ds.device.is_cpu()) {  // device -> host
    rec.pinned = ds.pinned;
    if (one_run) {
      TransferReport r = in_pieces(dst.data_ptr(), src.data_ptr(), n, [&](void* d, const void* s, std::size_t k) {
        return b.copy_d2h(si, d, s, k, ds.pinned, non_blocking);
      });
      rec.path = r.path;
      rec.seconds = r.seconds;
      return rec;
    }
    // Strided device source: the device kernel writes the destination's layout
    // into scratch device memory, then one transfer.
    DeviceScratch scratch(b, si, n);
    TransferReport k = b.strided_copy(si, scratch.get(), dst.byte_strides.data(), src.data_ptr(),
                                      src.byte_strides.data(), sizes.data(), nd, item);
    TransferReport r = in_pieces(dst.data_ptr(), scratch.get(), n, [&](void* d, const void* s, std::size_t k) {
      return b.copy_d2h(si, d, s, k, ds.pinned, non_blocking);
    });
    rec.path = k.path + " + " + r.path;
    rec.seconds = k.seconds + r.seconds;
    return rec;
  }

  // device -> device
  auto d2d = [&](void* d, const void* s, std::size_t k) { return b.copy_d2d(si, d, s, k); };
  if (ds.device.index == si && ds.simulated == ss_.simulated) {
    TransferReport r = one_run ? in_pieces(dst.data_ptr(), src.data_ptr(), n, d2d)
                               : b.strided_copy(si, dst.data_ptr(), dst.byte_strides.data(), src.data_ptr(),
                                                src.byte_strides.data(), sizes.data(), nd, item);
    rec.path = r.path;
    rec.seconds = r.seconds;
    return rec;
  }
  // Across devices (unified addressing lets cudaMemcpy D2D cross them).
  if (one_run) {
    TransferReport r = in_pieces(dst.data_ptr(), src.data_ptr(), n, d2d);
    rec.path = r.path + " (peer)";
    rec.seconds = r.seconds;
    return rec;
  }
  DeviceScratch scratch(b, si, n);
  TransferReport k = b.strided_copy(si, scratch.get(), dst.byte_strides.data(), src.data_ptr(),
                                    src.byte_strides.data(), sizes.data(), nd, item);
  TransferReport r = in_pieces(dst.data_ptr(), scratch.get(), n, d2d);
  rec.path = k.path + " + " + r.path + " (peer)";
  rec.seconds = k.seconds + r.seconds;
  return rec;
}

void record(TransferRecord rec, const std::string& reason) {
  OpReport& rep = current_report();
  rec.op = rep.op;
  report_copy(rec.path.c_str(), rec.bytes, reason);
  t_last = std::move(rec);
}

ArrayPtr new_like(const ArrayPtr& t, StoragePtr storage, const Shape& elem_strides) {
  ArrayPtr out = make_view(Kind::Tensor, t->dtype, std::move(storage), t->sizes,
                           to_byte_strides(elem_strides, t->itemsize()), 0);
  // _to_copy keeps autograd history (the result requires grad when the source does).
  out->requires_grad = records_history(t->requires_grad, t->dtype);
  out->conj = t->conj;
  out->neg = t->neg;
  return out;
}

// NOTE: aten/src/ATen/native/TensorConversions.cpp `_to_copy`: a non-overlapping
// and dense source keeps its strides; otherwise infer_dense_strides; pin_out
// for non_blocking device -> cpu.
namespace {
// Host memory for a tensor moved to the cpu; refused (the machine or the cpu's cap), torch's CPU allocator error.
StoragePtr cpu_storage_for(const Array& t, std::size_t nbytes) {
  try {
    return allocate_cpu_storage(nbytes);
  } catch (const PyError&) {
    raise_cpu_out_of_memory(t.kind, t.dtype, t.sizes, nbytes);
  }
}
}  // namespace

ArrayPtr to_copy(const ArrayPtr& t, const Device& target, bool non_blocking) {
  const bool pin_out = non_blocking && t->storage->device.is_cuda() && target.is_cpu();
  const Shape es = t->elem_strides();
  const Shape out_es =
      layout::is_non_overlapping_and_dense(t->sizes, es) ? es : layout::infer_dense_strides(t->sizes, es);
  const std::size_t nbytes = static_cast<std::size_t>(t->numel()) * t->itemsize();
  StoragePtr st = target.is_cuda() ? allocate_cuda_storage(target.index, nbytes)
                  : pin_out       ? allocate_pinned_storage(nbytes)
                                  : cpu_storage_for(*t, nbytes);
  ArrayPtr out = new_like(t, std::move(st), out_es);
  record(move_values(*out, *t, non_blocking), "device change");
  return out;
}

// torch::utils::device_lazy_init(kCUDA): the first use of cuda raises when no
// device can be used (torch/cuda/__init__.py _lazy_init -> torch._C._cuda_init).
void cuda_lazy_init() { require_cuda(0); }

// Device moves are Tensor methods: an ndarray has none of them (and its byte
// strides need not be whole elements, which the move paths rely on).
void require_tensor(const Array& a, const char* method) {
  if (!a.is_tensor()) raise(PyExc::AttributeError, std::string("'numpy.ndarray' object has no attribute '") + method + "'");
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!std::isdigit(c)) return false;
  return true;
}

}  // namespace

const std::optional<TransferRecord>& last_transfer() { return t_last; }
void clear_last_transfer() { t_last.reset(); }

ArrayPtr tensor_to(const ArrayPtr& t, const std::string& device, bool non_blocking, bool copy) {
  require_tensor(*t, "to");
  const ParsedDevice p = parse_device(device);
  if (p.device.is_cuda()) cuda_lazy_init();
  // NOTE: TensorConversions.cpp to_will_alias: same device (an index-less "cuda"
  // means the current device, cuda:0) and copy=False returns self.
  if (!copy && p.device == t->storage->device) return t;
  return to_copy(t, p.device, non_blocking);
}

ArrayPtr tensor_cuda(const ArrayPtr& t, const std::optional<std::string>& device, bool non_blocking) {
  require_tensor(*t, "cuda");
  Device target{DeviceType::CUDA, 0};
  if (device) {
    if (all_digits(*device)) {
      if (device->size() > 3) raise(PyExc::RuntimeError, cuda::invalid_device_ordinal_message());
      target.index = std::stoi(*device);
    } else {
      target = parse_device(*device).device;
      // NOTE: python_variable_methods.cpp THPVariable_cuda.
      if (!target.is_cuda()) raise(PyExc::RuntimeError, "Invalid device, must be cuda device");
    }
  }
  cuda_lazy_init();
  if (target == t->storage->device) return t;
  return to_copy(t, target, non_blocking);
}

ArrayPtr tensor_cpu(const ArrayPtr& t) {
  require_tensor(*t, "cpu");
  if (t->storage->device.is_cpu()) return t;
  return to_copy(t, Device{}, false);
}

bool tensor_is_pinned(const Array& t) {
  require_tensor(t, "is_pinned");
  return t.storage->device.is_cpu() && t.storage->pinned;
}

ArrayPtr tensor_pin_memory(const ArrayPtr& t) {
  require_tensor(*t, "pin_memory");
  if (tensor_is_pinned(*t)) return t;
  // NOTE: aten/src/ATen/native/Memory.cpp _pin_memory; the type renders as the
  // legacy name, e.g. 'torch.cuda.FloatTensor'.
  if (!t->storage->device.is_cpu())
    raise(PyExc::RuntimeError, std::string("cannot pin 'torch.cuda.") + dtype_info(t->dtype).scalar_type +
                                   "Tensor' only dense CPU tensors can be pinned");
  // Same strides, offset 0, storage sized by computeStorageNbytes, not resizable.
  const Shape es = t->elem_strides();
  std::int64_t last = 0;
  bool empty = false;
  for (int d = 0; d < t->ndim(); ++d) {
    if (t->sizes[d] == 0) empty = true;
    else last += (t->sizes[d] - 1) * es[d];
  }
  const std::size_t nbytes = empty ? 0 : static_cast<std::size_t>(last + 1) * t->itemsize();
  StoragePtr st = allocate_pinned_storage(nbytes);
  st->resizable = false;
  ArrayPtr out = new_like(t, std::move(st), es);
  TransferRecord rec = move_values(*out, *t, false);
  rec.path += " into pinned memory";
  record(std::move(rec), "pin_memory");
  return out;
}

void check_numpy_device(const Array& t) {
  if (!t.storage->device.is_cpu())
    raise(PyExc::TypeError, "can't convert " + t.storage->device.str() +
                                " device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory "
                                "first.");
}

ArrayPtr clone_on_device(const ArrayPtr& src, const Shape& dst_elem_strides) {
  const Device dev = src->storage->device;
  if (!dev.is_cuda()) raise(PyExc::RuntimeError, "clone_on_device: the tensor is not on a cuda device");
  const std::size_t nbytes = static_cast<std::size_t>(src->numel()) * src->itemsize();
  ArrayPtr out = new_like(src, allocate_cuda_storage(dev.index, nbytes), dst_elem_strides);
  record(move_values(*out, *src, false), "copy on device");
  return out;
}

void read_window(const Array& a, const Shape& start, const Shape& shape, void* host_out) {
  const int nd = a.ndim();
  if (static_cast<int>(start.size()) != nd || static_cast<int>(shape.size()) != nd)
    raise(PyExc::ValueError, "window: start and shape need one entry per dimension");
  std::int64_t numel = 1;
  std::int64_t offset = a.byte_offset;
  for (int d = 0; d < nd; ++d) {
    if (start[d] < 0 || shape[d] < 0 || start[d] > a.sizes[d] || shape[d] > a.sizes[d] - start[d])
      raise(PyExc::ValueError, "window: out of the array's bounds");
    numel *= shape[d];
    if (numel > kMaxWindowElements) raise(PyExc::ValueError, "window: too many elements for one read");
  }
  if (numel == 0) return;
  for (int d = 0; d < nd; ++d) offset += start[d] * a.byte_strides[d];
  const char* base = a.storage->bytes() + offset;
  if (a.storage->device.is_cpu()) {
    Shape dense = layout::contiguous_strides(shape, static_cast<std::int64_t>(a.itemsize()));
    cpu::strided_copy(host_out, dense.data(), base, a.byte_strides.data(), shape.data(), nd, a.itemsize());
    return;
  }
  backend_of(*a.storage).read_window(a.storage->device.index, host_out, base, a.byte_strides.data(), shape.data(),
                                      nd, a.itemsize());
}

}  // namespace ss
