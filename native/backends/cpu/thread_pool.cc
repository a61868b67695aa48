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
// Chunks per thread: work is claimed chunk by chunk from a shared counter, so a
// worker that the OS schedules late (the machine is shared) just takes fewer
// chunks instead of holding everyone up, as a static split would.
constexpr std::int64_t kChunksPerThread = 8;

int default_threads() {
  unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp<unsigned>(hw == 0 ? 1 : hw, 1, kMaxThreads));
}

std::atomic<int> g_threads_override{0};

struct Job {
  const std::function<void(std::int64_t, std::int64_t)>* fn;
  std::int64_t n, chunks;
  const std::int32_t* stop = nullptr;  // polled before each chunk (may be null)
  std::atomic<std::int64_t> next{0};
  std::atomic<int> ran{1};  // threads that ran at least one chunk (the caller counts)
  std::atomic<bool> stopped{false};

  // Claims and runs chunks until none are left (or a stop is seen); returns whether it ran any.
  bool drain() {
    bool any = false;
    for (std::int64_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      if (stop && __atomic_load_n(stop, __ATOMIC_RELAXED) != 0) {
        stopped.store(true, std::memory_order_relaxed);
        next.store(chunks, std::memory_order_relaxed);  // the other threads stop claiming too
        break;
      }
      (*fn)(n * c / chunks, n * (c + 1) / chunks);
      any = true;
    }
    return any;
  }
};

// Workers park on a condition variable; a job is "open" from its publication
// until the caller has finished its own share. A worker joins only an open job
// and the caller waits only for workers that joined, never for one still asleep.
class Pool {
 public:
  explicit Pool(int workers) {
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { loop(); });
  }
  int workers() const { return static_cast<int>(threads_.size()); }

  int run(Job& job) {
    {
      std::lock_guard<std::mutex> lk(m_);
      job_ = &job;
      ++generation_;
    }
    cv_.notify_all();
    job.drain();
    std::unique_lock<std::mutex> lk(m_);
    job_ = nullptr;  // closed: late wakers skip it
    done_cv_.wait(lk, [this] { return active_ == 0; });
    return job.ran.load();
  }

  std::mutex busy;  // one parallel copy at a time; others run serially

 private:
  void loop() {
    std::uint64_t seen = 0;
    for (;;) {
      Job* job;
      {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk, [&] { return generation_ != seen; });
        seen = generation_;
        if (!job_) continue;
        job = job_;
        ++active_;
      }
      if (job->drain()) job->ran.fetch_add(1);
      std::lock_guard<std::mutex> lk(m_);
      if (--active_ == 0) done_cv_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  Job* job_ = nullptr;
  int active_ = 0;
  std::uint64_t generation_ = 0;
};

Pool& pool() {
  // Leaked on purpose, with its threads parked: joining threads from a static
  // destructor at exit races with other static destructors (and Node's teardown).
  static Pool* p = new Pool(default_threads() - 1);
  return *p;
}

}  // namespace

int copy_threads() {
  int o = g_threads_override.load(std::memory_order_relaxed);
  return o > 0 ? std::min(o, default_threads()) : default_threads();
}

void set_copy_threads(int n) { g_threads_override.store(n > 0 ? n : 0, std::memory_order_relaxed); }

int parallel_for_stoppable(std::int64_t n, int parts, std::int64_t min_chunks, const std::int32_t* stop, bool* stopped,
                           const std::function<void(std::int64_t, std::int64_t)>& fn) {
  if (stopped) *stopped = false;
  if (n <= 0) return 1;
  parts = static_cast<int>(std::min<std::int64_t>({static_cast<std::int64_t>(parts), n, copy_threads()}));
  Job job;
  job.fn = &fn;
  job.n = n;
  job.stop = stop;
  // One chunk when alone and nothing polls; otherwise enough for both the
  // dynamic split and the polling.
  const std::int64_t want = std::max<std::int64_t>(parts > 1 ? kChunksPerThread * parts : 1, stop ? min_chunks : 1);
  job.chunks = std::min<std::int64_t>(n, want);
  int ran = 1;
  if (parts <= 1) {
    job.drain();
  } else {
    Pool& p = pool();
    std::unique_lock<std::mutex> busy(p.busy, std::try_to_lock);
    if (!busy.owns_lock() || p.workers() == 0) job.drain();
    else ran = p.run(job);
  }
  if (stopped) *stopped = job.stopped.load();
  return ran;
}

int parallel_for(std::int64_t n, int parts, const std::function<void(std::int64_t, std::int64_t)>& fn) {
  return parallel_for_stoppable(n, parts, 1, nullptr, nullptr, fn);
}

}  // namespace ss::cpu
