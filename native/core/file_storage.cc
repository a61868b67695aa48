#include "file_storage.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors.h"
#include "layout.h"
#include "mapped_guard.h"
#include "stoppable_copy.h"

namespace ss {

StoragePtr storage_from_bytes(const void* data, std::size_t nbytes) {
  StoragePtr s = allocate_cpu_storage(nbytes);
  stoppable_memcpy(s->data, data, nbytes);  // a file's gigabytes: Stop reaches the copy (the new storage is dropped)
  return s;
}

namespace {

// Python's OSError text for a failed open(). The engine has no OSError type: src/engine/files.ts
// opens the file first and raises FileNotFoundError/PermissionError there; this is the rare race.
[[noreturn]] void raise_os_error(int err, const std::string& path) {
  raise(PyExc::RuntimeError, "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": '" + path + "'");
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

StoragePtr map_file_storage(const std::string& path, std::uint64_t offset, std::size_t nbytes) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) raise_os_error(errno, path);
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) raise_os_error(errno, path);
  if (!S_ISREG(st.st_mode)) raise(PyExc::ValueError, "mmap: '" + path + "' is not a regular file");
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  // numpy/_core/memmap.py maps offset+bytes; Python's mmap refuses a longer length with this text.
  if (offset > file_size || nbytes > file_size - offset) raise(PyExc::ValueError, "mmap length is greater than file size");
  if (nbytes == 0) return allocate_cpu_storage(0);

  // mmap offsets must be page aligned: map from the page start, point data past the slack.
  const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t start = offset - offset % page;
  const std::size_t slack = static_cast<std::size_t>(offset - start);
  const std::size_t map_len = slack + nbytes;
  // MAP_PRIVATE + PROT_WRITE is copy-on-write: a tensor sharing these bytes may write
  // without touching the file and without faulting (a PROT_READ page would crash it).
  void* base = ::mmap(nullptr, map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE, f.fd, static_cast<off_t>(start));
  if (base == MAP_FAILED) {
    int err = errno;
    if (err == ENOMEM) raise(PyExc::MemoryError, "mmap of " + std::to_string(nbytes) + " bytes failed");
    raise_os_error(err, path);
  }
  // The file may shrink on disk while this lives: a read past its new end is OSError, not SIGBUS.
  guard_mapping(base, map_len);
  auto s = std::make_shared<Storage>();
  s->id = next_storage_id();
  s->nbytes = nbytes;
  s->data = static_cast<char*>(base) + slack;
  s->resizable = false;
  s->deleter = [base, map_len](void*, std::size_t) {
    unguard_mapping(base);
    ::munmap(base, map_len);
  };
  return s;
}

ArrayPtr view_of_storage(const StoragePtr& storage, const FileViewSpec& spec) {
  const bool tensor = spec.kind == Kind::Tensor;
  const auto item = static_cast<std::int64_t>(itemsize_of(spec.dtype));
  const auto nbytes = static_cast<std::int64_t>(storage->nbytes);
  if (!tensor && spec.dtype == DType::BFloat16) raise(PyExc::TypeError, "data type 'bfloat16' not understood");
  if (spec.byte_strides.size() != spec.sizes.size())
    raise(PyExc::ValueError, "strides has " + std::to_string(spec.byte_strides.size()) + " entries for " +
                                 std::to_string(spec.sizes.size()) + " dimensions");
  // NPY_MAXDIMS (NumPy 2) is 64; torch has no fixed limit but a file cannot need more here.
  if (spec.sizes.size() > 64) raise(PyExc::ValueError, "maximum supported dimension for an ndarray is currently 64, found " +
                                                            std::to_string(spec.sizes.size()));
  for (auto d : spec.sizes) {
    if (d < 0) {
      if (!tensor) raise(PyExc::ValueError, "negative dimensions are not allowed");
      raise(PyExc::RuntimeError, "Trying to create tensor with negative dimension " + std::to_string(d) + ": " +
                                     layout::torch_list(spec.sizes));
    }
  }
  if (!layout::checked_numel(spec.sizes)) raise(PyExc::ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  if (tensor) {
    // A tensor's strides and offset are whole elements (set_ takes element strides).
    for (auto b : spec.byte_strides)
      if (b < 0 || b % item)
        raise(PyExc::RuntimeError, "tensor byte strides must be non-negative multiples of the itemsize " + std::to_string(item) +
                                       ", got " + layout::torch_list(spec.byte_strides));
    if (spec.byte_offset % item) raise(PyExc::RuntimeError, "tensor byte offset " + std::to_string(spec.byte_offset) +
                                                                " is not a multiple of the itemsize " + std::to_string(item));
    if (spec.byte_order == '>')
      raise(PyExc::ValueError, "tensors hold native byte order: byte-swap the big-endian storage first (torch.load does)");
  }
  if (spec.byte_order != '<' && spec.byte_order != '>' && spec.byte_order != '|' && spec.byte_order != '=')
    raise(PyExc::ValueError, std::string("byte order must be '<', '>' or '|', got '") + spec.byte_order + "'");
  if (spec.byte_offset < 0 || spec.byte_offset > nbytes ||
      !layout::in_bounds(spec.sizes, spec.byte_strides, spec.byte_offset, item, nbytes)) {
    if (tensor) {
      // torch's set_ bound check (aten/src/ATen/native/Resize.h checkInBoundsForStorage).
      Shape el(spec.byte_strides.size());
      for (std::size_t i = 0; i < el.size(); ++i) el[i] = spec.byte_strides[i] / item;
      auto ext = layout::byte_extent(spec.sizes, spec.byte_strides, item);
      raise(PyExc::RuntimeError, "setStorage: sizes " + layout::torch_list(spec.sizes) + ", strides " + layout::torch_list(el) +
                                     ", storage offset " + std::to_string(spec.byte_offset / item) + ", and itemsize " +
                                     std::to_string(item) + " requiring a storage size of " +
                                     std::to_string(spec.byte_offset + ext.hi) + " are out of bounds for storage of size " +
                                     std::to_string(nbytes));
    }
    // NumPy's ndarray(buffer=...) check (numpy/_core/src/multiarray/ctors.c).
    raise(PyExc::TypeError, "buffer is too small for requested array");
  }
  ArrayPtr a = make_view(spec.kind, spec.dtype, storage, spec.sizes, spec.byte_strides, spec.byte_offset);
  // The engine marks byte order relative to this (little-endian) machine: '<' is native.
  a->byte_order = item == 1 ? '|' : spec.byte_order == '>' ? '>' : '=';
  a->writeable = tensor ? true : spec.writeable;
  a->requires_grad = tensor && spec.requires_grad;
  a->grad_leaf = a->requires_grad;
  a->owns_data = spec.owns_data;
  a->buffer_writeable = spec.writeable;
  return a;
}

std::vector<std::uint8_t> array_bytes(const Array& a, bool fortran) {
  if (!a.storage->device.is_cpu() && !a.storage->simulated)
    raise(PyExc::TypeError, "can't convert " + a.storage->device.str() +
                                " device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.");
  const std::size_t item = a.itemsize();
  const std::int64_t n = a.numel();
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n) * item);
  if (n == 0) return out;
  // Dense strides in C order (last axis fastest) or F order (first axis fastest).
  const int nd = a.ndim();
  Shape dense(static_cast<std::size_t>(nd));
  std::int64_t acc = static_cast<std::int64_t>(item);
  for (int j = 0; j < nd; ++j) {
    const int ax = fortran ? j : nd - 1 - j;
    dense[ax] = acc;
    acc *= a.sizes[ax];
  }
  // np.save of a big array: Stop reaches the gather (nothing is written before it ends).
  stoppable_strided_copy(out.data(), dense.data(), a.data_ptr(), a.byte_strides.data(), a.sizes.data(), nd, item);
  return out;
}

}  // namespace ss
