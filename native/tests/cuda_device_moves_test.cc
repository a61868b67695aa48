// Device moves with PyTorch's rules (semantics.md §G), on the simulated cuda
// device so that they run on every machine: what returns self, what copies,
// which strides a copy gets, which path the bytes take, pinned results, and the
// errors (no device, bad index, bad device string, numpy() of a cuda tensor).
#include <cstring>
#include <functional>
#include <string>

#include "../core/allocation.h"
#include "../core/cuda_errors.h"
#include "../core/cuda_library.h"
#include "../core/device_backend.h"
#include "../core/device_moves.h"
#include "../core/errors.h"
#include "../core/report.h"
#include "kernels_test_util.h"

using namespace ss;

namespace {

// A float32 tensor of `sizes` holding 0, 1, 2, ... in C order.
ArrayPtr arange_tensor(const Shape& sizes) {
  ArrayPtr t = new_array(Kind::Tensor, DType::Float32, sizes);
  auto* p = reinterpret_cast<float*>(t->data_ptr());
  for (std::int64_t i = 0; i < t->numel(); ++i) p[i] = static_cast<float>(i);
  return t;
}

// All values of `a` in C order, read through read_window (any device).
std::vector<float> values(const Array& a) {
  std::vector<float> out(static_cast<std::size_t>(a.numel()));
  read_window(a, Shape(a.sizes.size(), 0), a.sizes, out.data());
  return out;
}

Shape elem_strides(const Array& a) { return a.elem_strides(); }

bool raises(const std::function<void()>& f, PyExc type, const std::string& message) {
  try {
    f();
  } catch (const PyError& e) {
    if (e.type() == type && e.what() == message) return true;
    std::printf("  raised %s: %s\n", py_exc_name(e.type()), e.what());
    return false;
  }
  std::printf("  did not raise\n");
  return false;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string kInvalidDevice = cuda::invalid_device_ordinal_message();

void test_without_cuda() {
  // Only meaningful where no real GPU answers (CI): then nothing is available.
  if (cuda::library_status().state == cuda::Availability::Available) {
    std::printf("note: a real GPU is present; the no-device checks are skipped\n");
    return;
  }
  set_simulate_cuda(false);
  ArrayPtr t = arange_tensor({2, 3});
  KT_CHECK(!cuda_is_available() && cuda_device_count() == 0, "no cuda without a GPU or simulation");
  KT_CHECK(!cuda_unavailable_reason().empty(), "a reason is given");
  const std::string msg = cuda::library_status().torch_error;
  KT_CHECK(msg == cuda::no_driver_message() || msg == cuda::no_gpus_message(), "torch error: %s", msg.c_str());
  KT_CHECK(raises([&] { tensor_cuda(t, std::nullopt, false); }, PyExc::RuntimeError, msg), ".cuda() without cuda");
  KT_CHECK(raises([&] { tensor_to(t, "cuda", false, false); }, PyExc::RuntimeError, msg), ".to('cuda')");
  KT_CHECK(raises([&] { tensor_pin_memory(t); }, PyExc::RuntimeError, msg), "pin_memory() without cuda");
  KT_CHECK(!tensor_is_pinned(*t), "is_pinned() False");
  // Device-free moves still work.
  KT_CHECK(tensor_cpu(t) == t && tensor_to(t, "cpu", false, false) == t, "cpu moves return self");
  // The device string is checked before CUDA is initialised (c10::Device parses first).
  KT_CHECK(raises([&] { tensor_to(t, "cuda:x", false, false); }, PyExc::RuntimeError, "Invalid device string: 'cuda:x'"),
           "bad device string");
}

void test_simulated_moves() {
  set_simulate_cuda(true, /*force=*/true);
  KT_CHECK(cuda_is_available() && cuda_device_count() == 1, "simulated: one device");
  KT_CHECK(cuda_backend() && cuda_backend()->simulated(), "simulated backend in use");

  ArrayPtr t = arange_tensor({2, 3});
  begin_report("cuda");
  clear_last_transfer();
  ArrayPtr c = tensor_cuda(t, std::nullopt, false);
  KT_CHECK(c != t && c->storage != t->storage, ".cuda() copies");
  KT_CHECK(c->storage->device.str() == "cuda:0" && c->storage->simulated, "on simulated cuda:0");
  KT_CHECK(elem_strides(*c) == Shape({3, 1}) && c->byte_offset == 0, "contiguous strides kept");
  KT_CHECK(values(*c) == values(*t), "values moved");
  const OpReport& rep = current_report();
  KT_CHECK(rep.copied && rep.bytes == 24 && rep.kernel == "simulated memcpy H2D pageable", "report: %s %zu",
           rep.kernel.c_str(), rep.bytes);
  KT_CHECK(rep.reason == "device change", "reason %s", rep.reason.c_str());
  const auto& tr = last_transfer();
  KT_CHECK(tr && tr->op == "cuda" && tr->from == "cpu" && tr->to == "cuda:0" && tr->simulated && !tr->pinned &&
               tr->bytes == 24 && tr->seconds >= 0,
           "transfer record");

  // Nothing changes -> self (§66).
  KT_CHECK(tensor_cuda(c, std::nullopt, false) == c, ".cuda() of a cuda tensor is self");
  KT_CHECK(tensor_cuda(c, std::string("0"), false) == c, ".cuda(0) is self");
  KT_CHECK(tensor_to(c, "cuda", false, false) == c && tensor_to(c, "cuda:0", true, false) == c, ".to('cuda') is self");
  KT_CHECK(tensor_cpu(t) == t, ".cpu() of a cpu tensor is self");
  // copy=True always copies (§67).
  ArrayPtr c2 = tensor_to(c, "cuda", false, true);
  KT_CHECK(c2 != c && c2->storage != c->storage && values(*c2) == values(*c), "to(copy=True) copies on device");
  KT_CHECK(current_report().kernel == "simulated memcpy D2D", "d2d path: %s", current_report().kernel.c_str());
  ArrayPtr t2 = tensor_to(t, "cpu", false, true);
  KT_CHECK(t2 != t && t2->storage != t->storage && values(*t2) == values(*t), "to('cpu', copy=True) copies");

  // Back to the host.
  ArrayPtr h = tensor_cpu(c);
  KT_CHECK(h->storage->device.is_cpu() && !h->storage->pinned && values(*h) == values(*t), ".cpu()");
  KT_CHECK(current_report().kernel == "simulated memcpy D2H pageable", "d2h path: %s", current_report().kernel.c_str());

  // non_blocking device -> host gives a pinned tensor (§68); host -> device does not pin.
  ArrayPtr hp = tensor_to(c, "cpu", true, false);
  KT_CHECK(tensor_is_pinned(*hp) && values(*hp) == values(*t), "non_blocking D2H is pinned");
  KT_CHECK(contains(current_report().kernel, "D2H pinned non_blocking"), "path %s", current_report().kernel.c_str());
  KT_CHECK(last_transfer()->pinned, "record says pinned");
  ArrayPtr cn = tensor_to(hp, "cuda", true, false);
  KT_CHECK(cn->storage->device.is_cuda() && contains(current_report().kernel, "H2D pinned non_blocking"),
           "pinned H2D path %s", current_report().kernel.c_str());
}

void test_layouts() {
  set_simulate_cuda(true, true);
  // A transposed (dense, non-contiguous) tensor keeps its strides and moves as one run.
  ArrayPtr base = arange_tensor({3, 4});
  ArrayPtr tt = derive_view(base, {4, 3}, {4, 16}, 0);
  ArrayPtr ct = tensor_cuda(tt, std::nullopt, false);
  KT_CHECK(elem_strides(*ct) == Shape({1, 4}), "transpose keeps strides (1, 4)");
  KT_CHECK(values(*ct) == values(*tt), "transposed values");
  KT_CHECK(current_report().kernel == "simulated memcpy H2D pageable", "one memcpy: %s",
           current_report().kernel.c_str());

  // A column-sliced tensor (not dense) gets dense strides in the same order, via host staging.
  ArrayPtr wide = arange_tensor({4, 6});
  ArrayPtr sl = derive_view(wide, {4, 3}, {24, 8}, 4);  // wide[:, 1::2]
  begin_report("cuda");
  ArrayPtr cs = tensor_cuda(sl, std::nullopt, false);
  KT_CHECK(elem_strides(*cs) == Shape({3, 1}), "non-dense -> dense strides");
  KT_CHECK(values(*cs) == values(*sl), "sliced values");
  KT_CHECK(contains(current_report().kernel, "host staging") && current_report().bytes == 48, "staging path: %s",
           current_report().kernel.c_str());

  // A transposed slice keeps its stride order: strides (2, 6) -> dense (1, 3) (infer_dense_strides).
  ArrayPtr tsl = derive_view(wide, {3, 4}, {8, 24}, 4);  // wide[:, 1::2].T
  ArrayPtr ctsl = tensor_cuda(tsl, std::nullopt, false);
  KT_CHECK(elem_strides(*ctsl) == Shape({1, 3}), "transposed slice -> (1, 3)");
  KT_CHECK(values(*ctsl) == values(*tsl), "transposed slice values");

  // A strided device view moves to the host through the device kernel.
  ArrayPtr dev = tensor_cuda(arange_tensor({4, 6}), std::nullopt, false);
  ArrayPtr dview = derive_view(dev, {6, 4}, {4, 24}, 0);  // .T : dense -> one memcpy
  ArrayPtr hview = tensor_cpu(dview);
  KT_CHECK(elem_strides(*hview) == Shape({1, 6}) && values(*hview) == values(*dview), "dense device view to host");
  ArrayPtr dsl = derive_view(dev, {3, 4}, {8, 24}, 4);  // dev[:, 1::2].T
  ArrayPtr hsl = tensor_cpu(dsl);
  KT_CHECK(values(*hsl) == values(*dsl) && elem_strides(*hsl) == Shape({1, 3}), "strided device view to host");
  KT_CHECK(contains(current_report().kernel, "kernel + simulated memcpy D2H"), "kernel path: %s",
           current_report().kernel.c_str());

  // clone on the device into C order (the engine's contiguous() of a cuda tensor).
  ArrayPtr cc = clone_on_device(dview, {4, 1});
  KT_CHECK(cc->storage->device.is_cuda() && values(*cc) == values(*dview), "clone_on_device values");
  KT_CHECK(contains(current_report().kernel, "simulated") && contains(current_report().kernel, "kernel"),
           "device kernel path: %s", current_report().kernel.c_str());

  // Empty tensors move without touching memory.
  ArrayPtr e = new_array(Kind::Tensor, DType::Float32, {0, 3});
  ArrayPtr ce = tensor_cuda(e, std::nullopt, false);
  KT_CHECK(ce->sizes == Shape({0, 3}) && ce->storage->nbytes == 0, "empty move");

  // 0-d tensors.
  ArrayPtr s = arange_tensor({});
  KT_CHECK(values(*tensor_cpu(tensor_cuda(s, std::nullopt, false))) == values(*s), "0-d round trip");

  // requires_grad survives a move (_to_copy keeps history).
  ArrayPtr g = arange_tensor({2});
  g->requires_grad = true;
  KT_CHECK(tensor_cuda(g, std::nullopt, false)->requires_grad, "requires_grad kept");
}

void test_pin_memory() {
  set_simulate_cuda(true, true);
  ArrayPtr t = arange_tensor({2, 3});
  ArrayPtr p = tensor_pin_memory(t);
  KT_CHECK(p != t && tensor_is_pinned(*p) && !tensor_is_pinned(*t), "pin_memory copies into pinned memory");
  KT_CHECK(values(*p) == values(*t) && !p->storage->resizable, "pinned values, not resizable");
  KT_CHECK(tensor_pin_memory(p) == p, "pin_memory of a pinned tensor is self");
  // Strides kept exactly, storage sized by computeStorageNbytes: expand(3, 4) of (4,) -> 16 bytes.
  ArrayPtr row = arange_tensor({4});
  ArrayPtr ex = derive_view(row, {3, 4}, {0, 4}, 0);
  ArrayPtr pe = tensor_pin_memory(ex);
  KT_CHECK(elem_strides(*pe) == Shape({0, 1}) && pe->storage->nbytes == 16, "expanded: strides (0,1), 16 bytes");
  KT_CHECK(values(*pe) == values(*ex), "expanded values");
  ArrayPtr c = tensor_cuda(t, std::nullopt, false);
  KT_CHECK(!tensor_is_pinned(*c), "a cuda tensor is not pinned");
  KT_CHECK(raises([&] { tensor_pin_memory(c); }, PyExc::RuntimeError,
                  "cannot pin 'torch.cuda.FloatTensor' only dense CPU tensors can be pinned"),
           "pin_memory of a cuda tensor");
}

void test_errors() {
  set_simulate_cuda(true, true);
  ArrayPtr t = arange_tensor({2});
  KT_CHECK(raises([&] { tensor_cuda(t, std::string("1"), false); }, PyExc::RuntimeError, kInvalidDevice), ".cuda(1)");
  KT_CHECK(raises([&] { tensor_to(t, "cuda:1", false, false); }, PyExc::RuntimeError, kInvalidDevice), "to('cuda:1')");
  KT_CHECK(raises([&] { tensor_cuda(t, std::string("cpu"), false); }, PyExc::RuntimeError,
                  "Invalid device, must be cuda device"),
           ".cuda('cpu')");
  KT_CHECK(raises([&] { tensor_to(t, "cuda:01", false, false); }, PyExc::RuntimeError,
                  "Invalid device string: 'cuda:01'"),
           "leading zero");
  KT_CHECK(raises([&] { tensor_to(t, "", false, false); }, PyExc::RuntimeError, "Device string must not be empty"),
           "empty device string");
  KT_CHECK(raises([&] { tensor_to(t, "gpu", false, false); }, PyExc::RuntimeError,
                  "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, "
                  "vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu"),
           "unknown device type");
  KT_CHECK(raises([&] { tensor_to(t, "cpu:1", false, false); }, PyExc::RuntimeError,
                  "CPU device index must be -1 or zero, got 1"),
           "cpu:1");
  ArrayPtr c = tensor_cuda(t, std::nullopt, false);
  KT_CHECK(raises([&] { check_numpy_device(*c); }, PyExc::TypeError,
                  "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory "
                  "first."),
           "numpy() of a cuda tensor");
  check_numpy_device(*t);  // cpu: no error
  // Device moves are Tensor methods.
  ArrayPtr nd = new_array(Kind::NDArray, DType::Float32, {3});
  KT_CHECK(raises([&] { tensor_cuda(nd, std::nullopt, false); }, PyExc::AttributeError,
                  "'numpy.ndarray' object has no attribute 'cuda'"),
           "ndarray.cuda()");
  // Window reads are bounded and checked.
  float buf[4];
  KT_CHECK(raises([&] { read_window(*c, {1}, {2}, buf); }, PyExc::ValueError, "window: out of the array's bounds"),
           "window past the end");
  read_window(*c, {1}, {1}, buf);
  KT_CHECK(buf[0] == 1.0f, "window of one value");
  // Out of memory on the simulated device: torch.OutOfMemoryError, PyTorch's first sentence.
  KT_CHECK(raises([&] { cuda_backend()->alloc(0, std::size_t(1) << 62); }, PyExc::OutOfMemoryError,
                  "CUDA out of memory. Tried to allocate 4294967296.00 GiB."),
           "simulated OOM");
}

void test_switch_off() {
  set_simulate_cuda(true, true);
  ArrayPtr c = tensor_cuda(arange_tensor({3}), std::nullopt, false);
  set_simulate_cuda(false);
  // Existing simulated storages stay readable and movable after the switch.
  KT_CHECK(values(*tensor_cpu(c)) == std::vector<float>({0, 1, 2}), "simulated tensor outlives the switch");
  KT_CHECK(simulate_cuda_enabled() == false, "switched off");
}

}  // namespace

int main() {
  test_without_cuda();
  test_simulated_moves();
  test_layouts();
  test_pin_memory();
  test_errors();
  test_switch_off();
  return ::sst::run_all();  // prints the check count; status 1 on any failure
}
