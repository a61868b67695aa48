#include "cuda_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include "../backends/cuda/stridescope_cuda.h"
#include "cuda_errors.h"

namespace ss::cuda {

namespace {

constexpr const char* kLibName = "libstridescope_cuda.so";
// cudaError_t values the status distinguishes (driver_types.h).
constexpr int kErrInsufficientDriver = 35;
constexpr int kErrNoDevice = 100;

LibraryStatus g_status;
LibraryApi g_api{};
bool g_api_ok = false;

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// The directory of the module (addon .node or executable) that holds this code.
std::string own_module_dir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&library_status), &info) && info.dli_fname) return dir_of(info.dli_fname);
  return ".";
}

std::vector<std::string> candidate_paths() {
  if (const char* env = std::getenv("STRIDESCOPE_CUDA_LIB"); env && *env) return {env};
  std::vector<std::string> out;
  std::string dir = own_module_dir();
  out.push_back(dir + "/" + kLibName);
  for (int up = 0; up <= 4; ++up) {
    out.push_back(dir + "/native/backends/cuda/build/" + kLibName);
    dir += "/..";
  }
  return out;
}

template <typename F>
bool resolve(void* handle, const char* name, F* out) {
  *out = reinterpret_cast<F>(dlsym(handle, name));
  return *out != nullptr;
}

bool resolve_all(void* h, LibraryApi* api, std::string* missing) {
#define SS_RESOLVE(field, sym)          \
  if (!resolve(h, sym, &api->field)) { \
    *missing = sym;                     \
    return false;                       \
  }
  SS_RESOLVE(abi_version, "ss_cuda_abi_version")
  SS_RESOLVE(driver_version, "ss_cuda_driver_version")
  SS_RESOLVE(device_count, "ss_cuda_device_count")
  SS_RESOLVE(device_name, "ss_cuda_device_name")
  SS_RESOLVE(mem_get_info, "ss_cuda_mem_get_info")
  SS_RESOLVE(error_name, "ss_cuda_error_name")
  SS_RESOLVE(error_string, "ss_cuda_error_string")
  SS_RESOLVE(malloc, "ss_cuda_malloc")
  SS_RESOLVE(free, "ss_cuda_free")
  SS_RESOLVE(host_alloc, "ss_cuda_host_alloc")
  SS_RESOLVE(host_free, "ss_cuda_host_free")
  SS_RESOLVE(memcpy, "ss_cuda_memcpy")
  SS_RESOLVE(strided_copy, "ss_cuda_strided_copy")
  SS_RESOLVE(read_window, "ss_cuda_read_window")
#undef SS_RESOLVE
  return true;
}

void load() {
  LibraryStatus& st = g_status;
  st.torch_error = no_driver_message();
  void* handle = nullptr;
  std::string tried, load_errors;
  for (const auto& path : candidate_paths()) {
    tried += (tried.empty() ? "" : ", ") + path;
    handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle) {
      st.path = path;
      break;
    }
    const char* err = dlerror();
    // A file that exists but does not load is worth reporting; a missing one is not.
    if (err && std::string(err).find("No such file") == std::string::npos) {
      load_errors += (load_errors.empty() ? "" : "; ") + std::string(err);
      st.path = path;
    }
  }
  if (!handle) {
    st.state = load_errors.empty() ? Availability::NoLibrary : Availability::LoadFailed;
    st.reason = load_errors.empty() ? std::string("the CUDA backend library ") + kLibName +
                                          " was not found (looked in: " + tried + ")"
                                    : "the CUDA backend library failed to load: " + load_errors;
    return;
  }
  std::string missing;
  if (!resolve_all(handle, &g_api, &missing)) {
    st.state = Availability::LoadFailed;
    st.reason = st.path + " lacks the symbol " + missing + " (a stale build? rebuild with npm run build:native)";
    return;
  }
  if (g_api.abi_version() != SS_CUDA_ABI_VERSION) {
    st.state = Availability::LoadFailed;
    st.reason = st.path + " has ABI version " + std::to_string(g_api.abi_version()) + ", the engine expects " +
                std::to_string(SS_CUDA_ABI_VERSION) + " (rebuild with npm run build:native)";
    return;
  }
  g_api.driver_version(&st.driver_version);
  int count = 0;
  const int err = g_api.device_count(&count);
  // NOTE: the same classification as c10/cuda/CUDAFunctions.cpp device_count_impl.
  if (err == kErrInsufficientDriver && st.driver_version <= 0) {
    st.state = Availability::NoDriver;
    st.reason = "no NVIDIA driver is installed (cudaGetDeviceCount: " + std::string(g_api.error_string(err)) + ")";
  } else if (err == kErrInsufficientDriver) {
    st.state = Availability::DriverTooOld;
    st.reason = "the NVIDIA driver is too old (version " + std::to_string(st.driver_version) + ")";
    st.torch_error = driver_too_old_message(st.driver_version);
  } else if (err == kErrNoDevice || (err == 0 && count == 0)) {
    st.state = Availability::NoDevice;
    st.reason = "the NVIDIA driver found no CUDA GPU";
    st.torch_error = no_gpus_message();
  } else if (err != 0) {
    st.state = Availability::OtherError;
    st.reason = "cudaGetDeviceCount failed: " + std::string(g_api.error_string(err));
    st.torch_error = "Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling "
                     "NumCudaDevices() that might have already set an error? Error " +
                     std::to_string(err) + ": " + g_api.error_string(err);
  } else {
    st.state = Availability::Available;
    st.device_count = count;
    st.reason.clear();
    st.torch_error.clear();
    g_api_ok = true;
  }
}

}  // namespace

const LibraryStatus& library_status() {
  static std::once_flag once;
  std::call_once(once, load);
  return g_status;
}

const LibraryApi* library_api() {
  library_status();
  return g_api_ok ? &g_api : nullptr;
}

std::string library_error_message(int code) {
  if (!g_api.error_string) return "CUDA error " + std::to_string(code);
  return cuda_error_message(code, g_api.error_string(code), g_api.error_name(code));
}

}  // namespace ss::cuda
