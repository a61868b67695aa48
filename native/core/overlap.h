// PyTorch's memory-overlap rules for writes (ATen MemoryOverlap.cpp, applied by
// TensorIterator's compute_mem_overlaps and by copy_). Every torch write that
// reads tensors checks here before a byte changes, so a refused write writes nothing.
// NumPy has no such refusal: its ufuncs and assignments resolve overlap by copying
// the inputs first, which the engine's write paths do for both libraries.
#pragma once
#include <vector>

#include "array.h"

namespace ss {

// has_internal_overlap: No for a non-overlapping-and-dense tensor, Yes when a
// dimension of size > 1 has stride 0, TooHard otherwise (PyTorch then writes).
enum class MemOverlap { No, Yes, TooHard };
MemOverlap has_internal_overlap(const Array& t);

// get_overlap_status of two tensors: the same object or the same elements in the
// same order is Full; any other shared bytes of one storage is Partial; TooHard
// when either is not non-overlapping-and-dense (no check is made then).
enum class MemOverlapStatus { Full, Partial, TooHard, No };
MemOverlapStatus get_overlap_status(const Array& a, const Array& b);

void assert_no_internal_overlap(const Array& t);
void assert_no_partial_overlap(const Array& out, const Array& in);
void assert_no_overlap(const Array& out, const Array& in);

// TensorIterator's compute_mem_overlaps: the written-to tensor has no internal
// overlap, and shares no elements out of order with any input (an input that is
// the written-to tensor itself is skipped). A no-op for NumPy arrays.
void check_write_overlap(const Array& out, const std::vector<const Array*>& inputs);

}  // namespace ss
