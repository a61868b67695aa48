// Finds and dlopens libstridescope_cuda.so at run time (the engine never links
// CUDA), resolves its C ABI (native/backends/cuda/stridescope_cuda.h), and asks
// it once whether a driver and a GPU answer. Where it is unavailable, the status
// says why — library missing, failed to load, no driver, driver too old, no GPU —
// and which PyTorch error `.cuda()` raises for that case.
//
// Where it looks: $STRIDESCOPE_CUDA_LIB when set (only there); otherwise next to
// the module holding this code (the addon or a test executable) and in
// native/backends/cuda/build/ of the enclosing checkout (up to 4 levels up).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ss::cuda {

// The library's entry points (see stridescope_cuda.h for each contract).
struct LibraryApi {
  int (*abi_version)();
  int (*driver_version)(int*);
  int (*device_count)(int*);
  int (*device_name)(int, char*, std::size_t);
  int (*mem_get_info)(int, std::size_t*, std::size_t*);
  const char* (*error_name)(int);
  const char* (*error_string)(int);
  int (*malloc)(int, std::size_t, void**);
  int (*free)(int, void*);
  int (*host_alloc)(std::size_t, void**);
  int (*host_free)(void*);
  int (*memcpy)(int, void*, const void*, std::size_t, int, int, double*);
  int (*strided_copy)(int, void*, const std::int64_t*, const void*, const std::int64_t*, const std::int64_t*, int,
                      std::size_t, double*, const char**);
  int (*read_window)(int, void*, const void*, const std::int64_t*, const std::int64_t*, int, std::size_t);
};

enum class Availability { Available, NoLibrary, LoadFailed, NoDriver, DriverTooOld, NoDevice, OtherError };

struct LibraryStatus {
  Availability state = Availability::NoLibrary;
  std::string path;          // the library that was loaded (or last tried)
  std::string reason;        // human-readable, for logs and the UI; empty when available
  std::string torch_error;   // what `.cuda()` raises (RuntimeError), empty when available
  int device_count = 0;
  int driver_version = 0;
};

// Loads on first call (thread-safe) and caches the answer for the process.
const LibraryStatus& library_status();
// The resolved API when a GPU answered, else nullptr.
const LibraryApi* library_api();

// PyTorch's wording of a CUDA error code returned by the library.
std::string library_error_message(int code);

}  // namespace ss::cuda
