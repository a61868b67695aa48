// Stopping a run: the calling thread's interrupt flag, which long kernels poll
// (core/cancel.h). An Int32Array over a SharedArrayBuffer: another thread (the
// app's parent thread) writes it while this one computes, or, when `stridescope run`
// runs its program on the process's main thread, a SIGINT handler and a timer thread
// (watchInterrupts); that thread's stack is made deep enough for the runner (growStack).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "../core/cancel.h"
#include "../core/errors.h"
#include "registry.h"

#if defined(__linux__)
#include <dlfcn.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#define SSB_MAIN_THREAD_RUN 1
#endif

namespace ssb {
namespace {

std::int32_t* flag_of(const Napi::Value& v) {
  if (v.IsNull() || v.IsUndefined()) return nullptr;
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_int32_array)
    ss::raise(ss::PyExc::TypeError, "the interrupt flag must be an Int32Array");
  auto a = v.As<Napi::Int32Array>();
  if (a.ElementLength() < 1) ss::raise(ss::PyExc::ValueError, "the interrupt flag is empty");
  return a.Data();
}

#ifdef SSB_MAIN_THREAD_RUN
// ---- the program on the main thread (the CLI): Ctrl-C and --timeout without a JS event loop ----

// The run's flag while watched; the handler and the timer only ever store into it.
std::atomic<std::int32_t*> g_watched{nullptr};
struct sigaction g_previous_sigint;
bool g_sigint_installed = false;

// Ctrl-C: KeyboardInterrupt at the program's next poll; a second one while the first is still
// unanswered ends the process with status 130 (stdout is written synchronously, nothing is pending).
extern "C" void on_sigint(int) {
  std::int32_t* flag = g_watched.load();
  if (!flag) return;
  if (__atomic_load_n(flag, __ATOMIC_SEQ_CST) == ss::kInterruptStop) _exit(130);
  __atomic_store_n(flag, ss::kInterruptStop, __ATOMIC_SEQ_CST);
}

// --timeout: a thread that sleeps until the deadline or until the watch ends.
struct Timer {
  std::mutex m;
  std::condition_variable cv;
  bool cancelled = false;
  std::thread thread;
};
std::unique_ptr<Timer> g_timer;

void unwatch() {
  if (g_timer) {
    {
      std::lock_guard<std::mutex> lk(g_timer->m);
      g_timer->cancelled = true;
    }
    g_timer->cv.notify_all();
    g_timer->thread.join();
    g_timer.reset();
  }
  if (g_sigint_installed) sigaction(SIGINT, &g_previous_sigint, nullptr);
  g_sigint_installed = false;
  g_watched.store(nullptr);
}

void watch(std::int32_t* flag, double timeout_seconds) {
  unwatch();
  g_watched.store(flag);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  g_sigint_installed = sigaction(SIGINT, &sa, &g_previous_sigint) == 0;
  if (timeout_seconds > 0) {
    g_timer = std::make_unique<Timer>();
    const auto wait = std::chrono::duration<double>(timeout_seconds);
    Timer* t = g_timer.get();
    t->thread = std::thread([t, flag, wait] {
      std::unique_lock<std::mutex> lk(t->m);
      if (!t->cv.wait_for(lk, wait, [t] { return t->cancelled; })) __atomic_store_n(flag, ss::kInterruptTimeout, __ATOMIC_SEQ_CST);
    });
  }
}

// V8 limits the main thread's JavaScript stack to under 1 MB (--stack-size, fixed at start-up),
// while the runner needs RUNNER_STACK_MB for CPython's 1000 frames. The main thread's stack grows
// on demand up to RLIMIT_STACK, so the soft limit is raised (within the hard one) and V8 is told
// the new bound through Isolate::SetStackLimit. That is V8's C++ API, which an N-API addon does
// not link against: it is looked up at run time, and where it is missing (another embedder,
// another ABI) nothing changes and the caller runs the program on a thread of its own instead.
bool grow_main_stack(std::size_t bytes) {
  if (getpid() != static_cast<pid_t>(syscall(SYS_gettid))) return false;  // only the main thread's stack grows
  using GetCurrent = void* (*)();
  using SetStackLimit = void (*)(void*, std::uintptr_t);
  auto get_current = reinterpret_cast<GetCurrent>(dlsym(RTLD_DEFAULT, "_ZN2v87Isolate10GetCurrentEv"));
  auto set_limit = reinterpret_cast<SetStackLimit>(dlsym(RTLD_DEFAULT, "_ZN2v87Isolate13SetStackLimitEm"));
  if (!get_current || !set_limit) return false;
  void* isolate = get_current();
  if (!isolate) return false;
  // What lies above this frame (arguments, environment, Node's start-up) counts against the limit too.
  const rlim_t want = bytes + (std::size_t{16} << 20);
  struct rlimit rl {};
  if (getrlimit(RLIMIT_STACK, &rl) != 0) return false;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) return false;
    rl.rlim_cur = want;
    if (setrlimit(RLIMIT_STACK, &rl) != 0) return false;
  }
  volatile char here = 0;
  set_limit(isolate, reinterpret_cast<std::uintptr_t>(&here) - bytes);
  return true;
}
#endif

}  // namespace

std::vector<OpEntry> run_ops() {
  return {
      // The caller keeps the array alive until it clears the flag (the Runner does, per run).
      inspection("setInterruptFlag",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
                   ss::set_cancel_flag(flag_of(info[0]));
                   return info.Env().Undefined();
                 }),
      // growStack(megabytes): true when the calling (main) thread may now use that much stack.
      inspection("growStack",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
#ifdef SSB_MAIN_THREAD_RUN
                   const double mb = info[0].As<Napi::Number>().DoubleValue();
                   if (mb > 0 && mb <= 4096) return Napi::Boolean::New(info.Env(), grow_main_stack(static_cast<std::size_t>(mb * (1 << 20))));
#endif
                   return Napi::Boolean::New(info.Env(), false);
                 }),
      // watchInterrupts(flag, timeoutSeconds | null): SIGINT and the deadline write `flag`
      // until unwatchInterrupts(). False where signals cannot be watched this way.
      inspection("watchInterrupts",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
#ifdef SSB_MAIN_THREAD_RUN
                   std::int32_t* flag = flag_of(info[0]);
                   if (!flag) ss::raise(ss::PyExc::TypeError, "watchInterrupts needs the run's interrupt flag");
                   const double timeout = info[1].IsNumber() ? info[1].As<Napi::Number>().DoubleValue() : 0;
                   watch(flag, timeout);
                   return Napi::Boolean::New(info.Env(), true);
#else
                   return Napi::Boolean::New(info.Env(), false);
#endif
                 }),
      inspection("unwatchInterrupts",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
#ifdef SSB_MAIN_THREAD_RUN
                   unwatch();
#endif
                   return info.Env().Undefined();
                 }),
  };
}

}  // namespace ssb
