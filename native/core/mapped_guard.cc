#include "mapped_guard.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace ss {
namespace {

// A fixed table the signal handler can read without locks or allocation.
constexpr int kSlots = 4096;
std::atomic<std::uintptr_t> g_base[kSlots];
std::atomic<std::size_t> g_len[kSlots];
std::atomic<int> g_fault{0};
struct sigaction g_previous;
std::once_flag g_installed;

void on_sigbus(int sig, siginfo_t* info, void* ctx) {
  const auto addr = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (int i = 0; i < kSlots; ++i) {
    const std::uintptr_t b = g_base[i].load(std::memory_order_acquire);
    if (b == 0 || addr < b || addr >= b + g_len[i].load(std::memory_order_acquire)) continue;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    void* at = reinterpret_cast<void*>(addr - addr % page);
    if (::mmap(at, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
      g_fault.store(1, std::memory_order_release);
      return;  // the faulting access is retried and reads zeros
    }
    break;
  }
  // Not ours (or the page could not be replaced): what would have happened without the guard.
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction) return g_previous.sa_sigaction(sig, info, ctx);
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN && g_previous.sa_handler) {
    return g_previous.sa_handler(sig);
  }
  ::signal(SIGBUS, SIG_DFL);
  ::raise(SIGBUS);
}

void install() {
  struct sigaction sa = {};
  sa.sa_sigaction = on_sigbus;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  ::sigaction(SIGBUS, &sa, &g_previous);
}

}  // namespace

void guard_mapping(void* base, std::size_t len) {
  std::call_once(g_installed, install);
  for (int i = 0; i < kSlots; ++i) {
    std::uintptr_t empty = 0;
    g_len[i].store(len, std::memory_order_release);
    if (g_base[i].compare_exchange_strong(empty, reinterpret_cast<std::uintptr_t>(base), std::memory_order_acq_rel)) return;
  }
  // Every slot taken (4096 live mappings): this one goes unguarded, as NumPy's are.
}

void unguard_mapping(void* base) {
  const auto b = reinterpret_cast<std::uintptr_t>(base);
  for (int i = 0; i < kSlots; ++i) {
    std::uintptr_t expected = b;
    if (g_base[i].compare_exchange_strong(expected, 0, std::memory_order_acq_rel)) return;
  }
}

// Asked after every engine call: a plain load first, so the usual answer (no fault) costs no
// locked instruction. A fault in a pool thread was recorded before that thread's work was
// joined, so this thread sees it.
bool take_mapped_file_fault() {
  return g_fault.load(std::memory_order_acquire) != 0 && g_fault.exchange(0, std::memory_order_acq_rel) != 0;
}

}  // namespace ss
