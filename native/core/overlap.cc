#include "overlap.h"

#include "errors.h"
#include "layout.h"

namespace ss {

namespace {

// c10's is_non_overlapping_and_dense: an empty tensor counts as contiguous.
bool non_overlapping_and_dense(const Array& t) {
  return t.numel() == 0 || layout::is_non_overlapping_and_dense(t.sizes, t.elem_strides());
}

// NOTE aten/src/ATen/MemoryOverlap.cpp (the same text in 1.13 and 2.x)
const char* kPartialOverlap =
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory "
    "location. Please clone() the tensor before performing the operation.";

}  // namespace

MemOverlap has_internal_overlap(const Array& t) {
  if (non_overlapping_and_dense(t)) return MemOverlap::No;
  const Shape st = t.elem_strides();
  for (std::size_t i = 0; i < st.size(); ++i)
    if (t.sizes[i] > 1 && st[i] == 0) return MemOverlap::Yes;
  return MemOverlap::TooHard;
}

MemOverlapStatus get_overlap_status(const Array& a, const Array& b) {
  if (&a == &b) return MemOverlapStatus::Full;
  if (a.numel() == 0 || b.numel() == 0) return MemOverlapStatus::No;
  if (!non_overlapping_and_dense(a) || !non_overlapping_and_dense(b)) return MemOverlapStatus::TooHard;
  // Storage identity, as PyTorch's is_alias_of: from_numpy / DLPack storages over the
  // same bytes are other storages and are not compared (PyTorch misses those too).
  if (a.storage != b.storage) return MemOverlapStatus::No;
  const char* a_begin = a.data_ptr();
  const char* a_end = a_begin + a.nbytes();
  const char* b_begin = b.data_ptr();
  const char* b_end = b_begin + b.nbytes();
  if (a_begin == b_begin && a_end == b_end)
    return a.elem_strides() == b.elem_strides() ? MemOverlapStatus::Full : MemOverlapStatus::Partial;
  if (a_begin < b_end && b_begin < a_end) return MemOverlapStatus::Partial;
  return MemOverlapStatus::No;
}

void assert_no_internal_overlap(const Array& t) {
  if (has_internal_overlap(t) == MemOverlap::Yes)
    raise(PyExc::RuntimeError,
          "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
          "Please clone() the tensor before performing the operation.");
}

void assert_no_partial_overlap(const Array& out, const Array& in) {
  if (get_overlap_status(out, in) == MemOverlapStatus::Partial) raise(PyExc::RuntimeError, kPartialOverlap);
}

void assert_no_overlap(const Array& out, const Array& in) {
  const auto lap = get_overlap_status(out, in);
  if (lap == MemOverlapStatus::Partial || lap == MemOverlapStatus::Full) raise(PyExc::RuntimeError, kPartialOverlap);
}

void check_write_overlap(const Array& out, const std::vector<const Array*>& inputs) {
  if (!out.is_tensor()) return;
  assert_no_internal_overlap(out);
  for (const Array* in : inputs)
    if (in && in != &out && in->is_tensor()) assert_no_partial_overlap(out, *in);
}

}  // namespace ss
