#include "thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace ss::cpu {
namespace {

constexpr int kMaxThreads = 8;

int default_threads() {
  unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp<unsigned>(hw == 0 ? 1 : hw, 1, kMaxThreads));
}

std::atomic<int> g_threads_override{0};

// Workers wait for a new generation, run their chunk, count down `pending`.
class Pool {
 public:
  explicit Pool(int workers) {
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this, i] { loop(i + 1); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lk(m_);
      stop_ = true;
      ++generation_;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  int workers() const { return static_cast<int>(threads_.size()); }

  // Caller holds busy_. Runs chunk 0 itself, chunks 1..parts-1 on workers.
  void run(int parts, const std::function<void(int)>& chunk) {
    {
      std::lock_guard<std::mutex> lk(m_);
      job_ = &chunk;
      parts_ = parts;
      pending_ = parts - 1;
      ++generation_;
    }
    cv_.notify_all();
    chunk(0);
    std::unique_lock<std::mutex> lk(m_);
    done_cv_.wait(lk, [this] { return pending_ == 0; });
    job_ = nullptr;
  }

  std::mutex busy;  // one parallel copy at a time; others run serially

 private:
  void loop(int id) {
    std::uint64_t seen = 0;
    for (;;) {
      const std::function<void(int)>* job;
      {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk, [&] { return generation_ != seen; });
        seen = generation_;
        if (stop_) return;
        if (id >= parts_) continue;  // not needed this time
        job = job_;
      }
      (*job)(id);
      std::lock_guard<std::mutex> lk(m_);
      if (--pending_ == 0) done_cv_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  const std::function<void(int)>* job_ = nullptr;
  int parts_ = 0;
  int pending_ = 0;
  std::uint64_t generation_ = 0;
  bool stop_ = false;
};

Pool& pool() {
  // Leaked on purpose: joining threads from a static destructor at exit races
  // with other static destructors (and with Node's own teardown).
  static Pool* p = new Pool(default_threads() - 1);
  return *p;
}

}  // namespace

int copy_threads() {
  int o = g_threads_override.load(std::memory_order_relaxed);
  return o > 0 ? std::min(o, default_threads()) : default_threads();
}

void set_copy_threads(int n) { g_threads_override.store(n > 0 ? n : 0, std::memory_order_relaxed); }

int parallel_for(std::int64_t n, int parts, const std::function<void(std::int64_t, std::int64_t)>& fn) {
  parts = static_cast<int>(std::min<std::int64_t>({static_cast<std::int64_t>(parts), n, copy_threads()}));
  if (parts <= 1) {
    if (n > 0) fn(0, n);
    return 1;
  }
  Pool& p = pool();
  parts = std::min(parts, p.workers() + 1);
  std::unique_lock<std::mutex> busy(p.busy, std::try_to_lock);
  if (!busy.owns_lock() || parts <= 1) {
    fn(0, n);
    return 1;
  }
  const std::function<void(int)> chunk = [&](int i) {
    std::int64_t b = n * i / parts, e = n * (i + 1) / parts;
    if (b < e) fn(b, e);
  };
  p.run(parts, chunk);
  return parts;
}

}  // namespace ss::cpu
