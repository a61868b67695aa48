// Moving tensors between devices with PyTorch's rules (semantics.md §G;
// aten/src/ATen/native/TensorConversions.cpp `to`/`_to_copy`,
// torch/csrc/autograd/python_variable_methods.cpp `cuda`/`cpu`/`to`,
// aten/src/ATen/native/Memory.cpp `pin_memory`):
//   - returns the tensor itself when the device does not change and copy=False;
//   - a copy keeps the strides of a dense source, and gives a non-dense one
//     dense strides in the same order (infer_dense_strides);
//   - a dense source moves as one memcpy (cudaMemcpy / cudaMemcpyAsync); a
//     strided one through the device strided-copy kernel (device -> host) or a
//     host staging copy (host -> device), and the OpReport says which;
//   - non_blocking=True from cuda to cpu gives a pinned result.
// Each move records a TransferRecord (direction, bytes, pinned, device time).
#pragma once
#include <optional>
#include <string>

#include "array.h"

namespace ss {

// What the last device move of this thread did, for the operation log: the
// binding attaches it to the op's report when `op` matches.
struct TransferRecord {
  std::string op;
  std::string from, to;  // "cpu", "cuda:0"
  std::string path;      // e.g. "cudaMemcpy H2D pageable", "tile-transpose kernel + cudaMemcpy D2H pageable"
  bool pinned = false;   // the host side was page-locked
  bool simulated = false;
  std::size_t bytes = 0;
  double seconds = 0;    // CUDA-event time (steady clock when simulated), all steps summed
};
const std::optional<TransferRecord>& last_transfer();
void clear_last_transfer();

// Tensor.to(device, non_blocking=False, copy=False); `device` as torch.device(str) parses it.
ArrayPtr tensor_to(const ArrayPtr& t, const std::string& device, bool non_blocking, bool copy);
// Tensor.cuda(device=None, non_blocking=False): `device` "cuda", "cuda:1", "1" or nullopt.
ArrayPtr tensor_cuda(const ArrayPtr& t, const std::optional<std::string>& device, bool non_blocking);
// Tensor.cpu()
ArrayPtr tensor_cpu(const ArrayPtr& t);
// Tensor.pin_memory() / Tensor.is_pinned()
ArrayPtr tensor_pin_memory(const ArrayPtr& t);
bool tensor_is_pinned(const Array& t);

// For the engine's numpy(): TypeError "can't convert cuda:0 device type tensor to
// numpy. Use Tensor.cpu() to copy the tensor to host memory first." (TN, §14).
void check_numpy_device(const Array& t);

// For the engine's clone()/contiguous() of a cuda tensor: a new tensor on the
// same device with the given element strides (dense), filled by the device
// strided-copy kernel (or one D2D memcpy when the layouts match).
ArrayPtr clone_on_device(const ArrayPtr& src, const Shape& dst_elem_strides);

// Copies the values of a window [start, start+shape) of `a` into host_out,
// densely in C order of `shape`, from whatever device holds them. The window is
// checked against a's sizes (ValueError) and bounded by kMaxWindowElements:
// display reads never copy a whole large tensor.
constexpr std::int64_t kMaxWindowElements = std::int64_t(1) << 22;
void read_window(const Array& a, const Shape& start, const Shape& shape, void* host_out);

}  // namespace ss
