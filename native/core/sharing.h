// Whether two objects address the same bytes (semantics.md §70-72). Storages
// made by from_numpy / numpy() / DLPack are distinct objects over the same
// memory, so both tests work on addresses, never on storage identity.
#pragma once
#include "array.h"

namespace ss {

// np.may_share_memory: the byte extents overlap.
bool may_share_memory(const Array& a, const Array& b);
// np.shares_memory: some byte is addressed by both (exact; bounded search).
bool shares_memory(const Array& a, const Array& b);

}  // namespace ss
