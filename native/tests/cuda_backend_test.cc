// Device moves on a real GPU through the dlopen'd libstridescope_cuda.so: the
// same rules as cuda_device_moves_test.cc (which uses the simulated device),
// checked here against real device memory, the real copy paths (cudaMemcpy,
// cudaMemcpyAsync from pinned memory, the tile-transpose kernel) and real
// errors (invalid ordinal, out of memory). Skips, printing why, without a GPU.
#include <cstring>
#include <functional>
#include <string>
#include <vector>

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

ArrayPtr arange_tensor(const Shape& sizes, DType dtype = DType::Float32) {
  ArrayPtr t = new_array(Kind::Tensor, dtype, sizes);
  auto* p = reinterpret_cast<unsigned char*>(t->data_ptr());
  for (std::int64_t i = 0; i < t->nbytes(); ++i) p[i] = static_cast<unsigned char>(i * 7 + i / 251);
  return t;
}

std::vector<unsigned char> bytes_of(const Array& a) {
  std::vector<unsigned char> out(static_cast<std::size_t>(a.nbytes()));
  read_window(a, Shape(a.sizes.size(), 0), a.sizes, out.data());
  return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string& kernel() { return current_report().kernel; }

bool raises_starting(const std::function<void()>& f, const std::string& prefix) {
  try {
    f();
  } catch (const PyError& e) {
    if (e.type() == PyExc::RuntimeError && std::string(e.what()).rfind(prefix, 0) == 0) return true;
    std::printf("  raised %s: %s\n", py_exc_name(e.type()), e.what());
    return false;
  }
  return false;
}

}  // namespace

int main() {
  const cuda::LibraryStatus& st = cuda::library_status();
  if (st.state != cuda::Availability::Available) {
    std::printf("SKIP cuda_backend_test: %s\n", st.reason.c_str());
    return 0;
  }
  set_simulate_cuda(false);
  DeviceBackend* b = cuda_backend();
  KT_CHECK(b && !b->simulated() && cuda_device_count() == st.device_count, "real backend");
  std::printf("device 0: %s (%d device(s), driver %d)\n", b->device_name(0).c_str(), st.device_count,
              st.driver_version);

  // Contiguous: one cudaMemcpy each way.
  ArrayPtr t = arange_tensor({64, 96});
  begin_report("cuda");
  ArrayPtr c = tensor_cuda(t, std::nullopt, false);
  KT_CHECK(kernel() == "cudaMemcpy H2D pageable" && !c->storage->simulated, "h2d path %s", kernel().c_str());
  KT_CHECK(last_transfer()->seconds > 0, "event time recorded");
  begin_report("cpu");
  ArrayPtr h = tensor_cpu(c);
  KT_CHECK(kernel() == "cudaMemcpy D2H pageable" && bytes_of(*h) == bytes_of(*t), "d2h path %s", kernel().c_str());

  // non_blocking D2H: pinned result through cudaMemcpyAsync.
  begin_report("to");
  ArrayPtr hp = tensor_to(c, "cpu", true, false);
  KT_CHECK(tensor_is_pinned(*hp) && kernel() == "cudaMemcpyAsync D2H pinned", "pinned path %s", kernel().c_str());
  KT_CHECK(bytes_of(*hp) == bytes_of(*t), "pinned values");
  begin_report("to");
  ArrayPtr c3 = tensor_to(hp, "cuda", true, false);
  KT_CHECK(kernel() == "cudaMemcpyAsync H2D pinned" && bytes_of(*c3) == bytes_of(*t), "pinned h2d %s",
           kernel().c_str());

  // Transposed view on the device: contiguous() via the tile kernel, for each item size.
  for (DType dt : {DType::UInt8, DType::Float16, DType::Float32, DType::Float64, DType::Complex128}) {
    ArrayPtr src = arange_tensor({70, 45}, dt);
    ArrayPtr dsrc = tensor_cuda(src, std::nullopt, false);
    const auto item = static_cast<std::int64_t>(itemsize_of(dt));
    ArrayPtr dT = derive_view(dsrc, {45, 70}, {item, 45 * item}, 0);
    begin_report("contiguous");
    ArrayPtr cc = clone_on_device(dT, {70, 1});
    KT_CHECK(kernel() == "tile-transpose kernel", "%s: kernel %s", dtype_name(dt), kernel().c_str());
    ArrayPtr hostT = derive_view(src, {45, 70}, {item, 45 * item}, 0);
    KT_CHECK(bytes_of(*cc) == bytes_of(*hostT), "%s: transposed values", dtype_name(dt));
    // Strided device view to the host goes through the kernel, then one D2H.
    ArrayPtr sl = derive_view(dsrc, {23, 70}, {2 * item, 45 * item}, 0);  // .T[::2]
    begin_report("cpu");
    ArrayPtr hs = tensor_cpu(sl);
    KT_CHECK(contains(kernel(), "kernel + cudaMemcpy D2H pageable"), "%s: path %s", dtype_name(dt), kernel().c_str());
    KT_CHECK(bytes_of(*hs) == bytes_of(*derive_view(src, {23, 70}, {2 * item, 45 * item}, 0)), "%s: strided values",
             dtype_name(dt));
  }

  // Strided host source: host staging, then one H2D.
  ArrayPtr wide = arange_tensor({32, 64});
  ArrayPtr cols = derive_view(wide, {32, 16}, {256, 16}, 0);  // wide[:, ::4]
  begin_report("cuda");
  ArrayPtr dc = tensor_cuda(cols, std::nullopt, false);
  KT_CHECK(contains(kernel(), "host staging") && bytes_of(*dc) == bytes_of(*cols), "staging %s", kernel().c_str());

  // Errors: a missing device index, an impossible allocation.
  const int n = cuda_device_count();
  KT_CHECK(raises_starting([&] { tensor_cuda(t, std::to_string(n), false); }, "CUDA error: invalid device ordinal"),
           ".cuda(%d)", n);
  KT_CHECK(raises_starting([&] { b->alloc(0, std::size_t(1) << 50); }, "CUDA out of memory. Tried to allocate "),
           "out of memory");
  ArrayPtr after = tensor_cuda(t, std::nullopt, false);  // the failure is not sticky
  KT_CHECK(bytes_of(*after) == bytes_of(*t), "works after OOM");
  return ::sst::run_all();  // prints the check count; status 1 on any failure
}
