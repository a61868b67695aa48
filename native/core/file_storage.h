// Storages and views for tensors read from files (src/files describes them; this
// makes them real): a storage from bytes, a read-only file-backed (mmap) storage,
// bounds-checked views over either, and an array's bytes out in C or F order for
// np.save. A lying file can never make a view that reaches outside its storage.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "array.h"

namespace ss {

// A fresh CPU storage holding a copy of `nbytes` bytes at `data`.
StoragePtr storage_from_bytes(const void* data, std::size_t nbytes);

// A storage over bytes [offset, offset+nbytes) of the file at `path`, mapped
// copy-on-write (MAP_PRIVATE): the file is never written. NumPy arrays over it are
// made read-only (np.load(mmap_mode='r')); a tensor made from such an array
// (torch.from_numpy) writes only to its private pages. Unmapped when released.
// ValueError "mmap length is greater than file size" when the file is too short.
StoragePtr map_file_storage(const std::string& path, std::uint64_t offset, std::size_t nbytes);

struct FileViewSpec {
  Kind kind = Kind::NDArray;
  DType dtype = DType::Float64;
  Shape sizes;
  Shape byte_strides;
  std::int64_t byte_offset = 0;
  // As the file says: '<' little, '>' big, '|' not applicable. '>' only for ndarrays
  // (a tensor's storage must be byte-swapped to native order first, as torch.load does).
  char byte_order = '<';
  bool writeable = true;
  bool requires_grad = false;
  // NumPy OWNDATA: false for arrays over a file mapping (np.memmap's arrays do not own it).
  bool owns_data = true;
};

// A view over `storage` as `spec` says, after checking ranks, sizes, strides, the
// byte offset and that every addressed byte lies inside the storage.
ArrayPtr view_of_storage(const StoragePtr& storage, const FileViewSpec& spec);

// The raw bytes of `a`'s elements (no byte swapping), in C order or, with
// `fortran`, F order: what np.save writes after its header.
std::vector<std::uint8_t> array_bytes(const Array& a, bool fortran);

}  // namespace ss
