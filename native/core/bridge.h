// The NumPy <-> PyTorch bridge (reference/semantics.md §A-C): which conversions
// share memory, which copy, and the exact errors and warnings of each.
#pragma once
#include <optional>

#include "array.h"

namespace ss {

ArrayPtr from_numpy(const ArrayPtr& a);                                     // torch.from_numpy
ArrayPtr tensor_numpy(const ArrayPtr& t, bool force);                       // Tensor.numpy(force=)
ArrayPtr as_tensor(const ArrayPtr& x, std::optional<DType> dtype);          // torch.as_tensor
ArrayPtr torch_tensor(const ArrayPtr& x, std::optional<DType> dtype);       // torch.tensor (copies)
ArrayPtr torch_asarray(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy);
ArrayPtr np_asarray(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy);
ArrayPtr np_array(const ArrayPtr& x, std::optional<DType> dtype, std::optional<bool> copy, int order /* copy_ops Order */);

// Storage bytes a strided view needs from element 0: (1 + Σ(size-1)·stride)·itemsize, 0 if empty.
std::int64_t needed_storage_bytes(const Array& a);
// A new object of `kind` viewing exactly a's elements through a new Storage over the
// same bytes (element 0 at the storage's start: storage_offset() == 0).
ArrayPtr alias_as(const ArrayPtr& a, Kind kind);

}  // namespace ss
