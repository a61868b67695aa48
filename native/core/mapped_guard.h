// A file mapped into memory can shrink on disk (rewritten, truncated) while arrays view
// it; reading a page past its new end raises SIGBUS, which would kill the process and,
// in the app, the user's whole workspace (NumPy dies the same way). The guard catches
// those faults for the engine's own mappings only: the faulting page is replaced by a
// private zero page, the access goes on, and the op that touched it raises OSError
// afterwards (take_mapped_file_fault, checked by the binding after every call).
#pragma once
#include <cstddef>

namespace ss {

// Registers [base, base+len) as an engine file mapping (installs the handler once).
void guard_mapping(void* base, std::size_t len);
// Forgets it (before munmap).
void unguard_mapping(void* base);
// True once after a guarded page faulted (the file shrank); clears the record.
bool take_mapped_file_fault();

}  // namespace ss
