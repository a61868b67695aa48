// The fallback strided copy: an odometer over the outer dims with the innermost
// dim specialised (memcpy when both sides are contiguous, a fill when src is
// broadcast, a typed strided loop otherwise). Internal to the CPU backend.
#pragma once
#include <cstdint>

#include "copy_plan.h"

namespace ss::cpu {

// Copies outer rows [row_begin, row_end) of the plan, where the rows are the
// flattened index over dims 0..ndim-2 (for ndim == 1: elements of dim 0).
// Requires plan.ndim >= 1.
void generic_copy_rows(const CopyPlan& plan, std::int64_t row_begin, std::int64_t row_end);

// How many independent units generic_copy_rows splits over.
std::int64_t generic_copy_row_count(const CopyPlan& plan);

}  // namespace ss::cpu
