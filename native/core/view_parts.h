// The steps of make_view / derive_view / alias_storage on an Array or Storage that the
// caller has already placed, for objects that always live and die together and so are
// allocated as one block (t.numpy()'s hidden alias and its storage record: one
// allocation instead of two on every call). Kept out of array.h and storage.h, which
// most of the engine includes.
#pragma once
#include <cstddef>
#include <cstdint>

#include "array.h"

namespace ss {

// make_view's fields: a fresh id, kind, dtype, storage, sizes, strides, offset, byte order.
// (Rvalue references: each argument is moved once, into its field.)
void init_view(Array& a, Kind kind, DType dtype, StoragePtr&& storage, Shape&& sizes, Shape&& byte_strides,
               std::int64_t byte_offset);

// derive_view's fields (flags and NumPy base from src), without its size checks: for
// views whose sizes and strides are src's own or were checked already.
void init_derived_view(Array& a, const ArrayPtr& src, Shape&& sizes, Shape&& byte_strides, std::int64_t byte_offset);

// alias_storage's fields: a fresh id over `data` (owned elsewhere), keeping `owner` alive.
void init_alias_storage(Storage& s, const StoragePtr& owner, void* data, std::size_t nbytes);

}  // namespace ss
