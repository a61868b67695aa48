// How the engine finds the CUDA backend library and explains its absence.
// Each scenario runs in a forked child (the loader answers once per process):
//   - the default search (here: the built library and no driver, or no library);
//   - $STRIDESCOPE_CUDA_LIB naming a missing file -> NoLibrary, the path in the reason;
//   - $STRIDESCOPE_CUDA_LIB naming a file that is not a library -> LoadFailed.
// Without a usable GPU, every case gives PyTorch's no-driver (or no-GPU) error
// text and device_count 0.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <string>

#include "../core/cuda_errors.h"
#include "../core/cuda_library.h"
#include "../core/device_backend.h"
#include "kernels_test_util.h"

using namespace ss;

namespace {

// Runs `body` in a child process; the child's failed checks make it exit 1.
void in_child(const char* name, const std::function<void()>& body) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    body();
    std::fflush(stdout);
    _exit(::sst::failures() ? 1 : 0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "scenario '%s' failed", name);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

int main() {
  in_child("default search", [] {
    const cuda::LibraryStatus& st = cuda::library_status();
    std::printf("default search: %s\n", st.reason.empty() ? "available" : st.reason.c_str());
    if (st.state == cuda::Availability::Available) {
      KT_CHECK(st.device_count > 0 && cuda::library_api() != nullptr, "available means a device and an API");
      KT_CHECK(!cuda_backend()->simulated(), "the real backend serves cuda");
      return;
    }
    KT_CHECK(cuda::library_api() == nullptr && cuda_backend() == nullptr && cuda_device_count() == 0, "no backend");
    KT_CHECK(st.torch_error == cuda::no_driver_message() || st.torch_error == cuda::no_gpus_message() ||
                 st.state == cuda::Availability::DriverTooOld,
             "torch error: %s", st.torch_error.c_str());
    if (st.state == cuda::Availability::NoDriver)
      KT_CHECK(contains(st.reason, "no NVIDIA driver") && st.driver_version == 0, "reason: %s", st.reason.c_str());
  });

  in_child("missing library", [] {
    setenv("STRIDESCOPE_CUDA_LIB", "/nonexistent/libstridescope_cuda.so", 1);
    const cuda::LibraryStatus& st = cuda::library_status();
    KT_CHECK(st.state == cuda::Availability::NoLibrary, "state %d", static_cast<int>(st.state));
    KT_CHECK(contains(st.reason, "was not found") && contains(st.reason, "/nonexistent/libstridescope_cuda.so"),
             "reason: %s", st.reason.c_str());
    KT_CHECK(st.torch_error == cuda::no_driver_message(), "torch error: %s", st.torch_error.c_str());
    KT_CHECK(cuda_unavailable_reason() == st.reason && !cuda_is_available(), "registry agrees");
    // The simulated device still works without any library.
    set_simulate_cuda(true);
    KT_CHECK(cuda_is_available() && cuda_device_count() == 1 && cuda_backend()->simulated(), "simulated works");
  });

  in_child("not a library", [] {
    setenv("STRIDESCOPE_CUDA_LIB", "/proc/self/exe", 1);  // an executable, not a shared library we can use
    const cuda::LibraryStatus& st = cuda::library_status();
    KT_CHECK(st.state == cuda::Availability::LoadFailed || st.state == cuda::Availability::NoLibrary,
             "state %d: %s", static_cast<int>(st.state), st.reason.c_str());
    KT_CHECK(!st.reason.empty() && cuda::library_api() == nullptr, "a reason and no API");
  });

  return ::sst::run_all();  // prints the check count; status 1 on any failure
}
