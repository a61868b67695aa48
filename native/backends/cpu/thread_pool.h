// A small persistent pool for the copy kernels: one worker per extra core,
// parked on a condition variable between calls. Starting a thread per copy costs
// ~20-50 µs, more than a 1 MiB copy takes, so the workers live for the process.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>

namespace ss::cpu {

// Threads a large copy may use: the hardware's cores, capped (2 on the target
// machine). Can be lowered with set_copy_threads (tests, benchmarks).
int copy_threads();
void set_copy_threads(int n);  // n <= 0 restores the default

// Runs fn(begin, end) over [0, n) on up to `parts` threads (the caller is one),
// in contiguous chunks claimed dynamically. Returns the number of threads that
// ran at least one chunk.
// If the pool is busy (another thread is copying) the work runs serially on
// the caller rather than waiting, so concurrent copies never deadlock.
int parallel_for(std::int64_t n, int parts, const std::function<void(std::int64_t, std::int64_t)>& fn);

// parallel_for that can be stopped: [0, n) goes in at least `min_chunks` chunks
// and `*stop` (another thread may write it: the run's interrupt flag) is read
// before each; once it reads nonzero no further chunk starts, and `*stopped` is
// set if any chunk was skipped. stop may be null (then this is parallel_for).
int parallel_for_stoppable(std::int64_t n, int parts, std::int64_t min_chunks, const std::int32_t* stop, bool* stopped,
                           const std::function<void(std::int64_t, std::int64_t)>& fn);

}  // namespace ss::cpu
