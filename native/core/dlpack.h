// DLPack exchange between the two kinds (reference/semantics.md §D). A Capsule
// stands for the PyCapsule that __dlpack__ returns: it holds the exported view,
// whether it is versioned and read-only, and can be consumed once.
#pragma once
#include <memory>
#include <optional>
#include <utility>

#include "array.h"

namespace ss {

struct Capsule {
  ArrayPtr view;          // what the DLTensor describes (data = data_ptr(), byte_offset 0)
  bool versioned = true;  // "dltensor_versioned" (max_version >= (1, 0)) vs "dltensor"
  bool read_only = false; // DLPACK_FLAG_BITMASK_READ_ONLY
  bool consumed = false;  // renamed "used_dltensor" after import
};
using CapsulePtr = std::shared_ptr<Capsule>;

struct DlpackExportOptions {
  std::optional<std::pair<int, int>> max_version;  // nullopt: legacy (unversioned) caller
  std::optional<std::int64_t> stream;               // None
};

// x.__dlpack__(...), with each library's checks.
CapsulePtr to_dlpack(const ArrayPtr& x, const DlpackExportOptions& opts);
// x.__dlpack_device__(): (1,0) cpu, (3,0) pinned cpu, (2,i) cuda.
std::pair<int, int> dlpack_device(const Array& x);
// np.from_dlpack(x) (kind NDArray) / torch.from_dlpack(x) (kind Tensor) of an object.
ArrayPtr from_dlpack(Kind kind, const ArrayPtr& x, std::optional<bool> copy);
// torch.from_dlpack(capsule): consumes it.
ArrayPtr from_dlpack_capsule(Kind kind, const CapsulePtr& c);

}  // namespace ss
