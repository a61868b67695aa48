// A CPU stand-in for the few CUDA features the strided-copy kernels use, so that
// strided_copy_kernels.cuh runs on machines without a GPU (CI):
//   dim3, threadIdx/blockIdx/blockDim/gridDim, __global__, __shared__, __syncthreads().
// emulate_launch runs a grid with one OS thread per CUDA thread of a block, the
// blocks one after another; __syncthreads() is a real barrier among the block's
// threads and __shared__ arrays are single static arrays (one block at a time).
// It checks indexing and synchronisation logic, not performance.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

struct dim3 {
  unsigned x, y, z;
  constexpr dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};

inline thread_local dim3 threadIdx;
inline thread_local dim3 blockIdx;
inline dim3 blockDim;
inline dim3 gridDim;

#define __global__
#define __shared__ static

namespace cuda_emulation {

class Barrier {
 public:
  explicit Barrier(unsigned n) : n_(n) {}
  void wait() {
    std::unique_lock<std::mutex> lock(m_);
    const unsigned gen = gen_;
    if (++count_ == n_) {
      count_ = 0;
      ++gen_;
      cv_.notify_all();
    } else {
      cv_.wait(lock, [&] { return gen != gen_; });
    }
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  unsigned n_, count_ = 0, gen_ = 0;
};

inline Barrier*& current_barrier() {
  static Barrier* b = nullptr;
  return b;
}

// Runs `kernel` (a callable that invokes the __global__ function) over the grid.
inline void emulate_launch(dim3 grid, dim3 block, const std::function<void()>& kernel) {
  gridDim = grid;
  blockDim = block;
  const unsigned nthreads = block.x * block.y * block.z;
  Barrier barrier(nthreads);
  current_barrier() = &barrier;
  std::vector<std::thread> threads;
  threads.reserve(nthreads);
  for (unsigned t = 0; t < nthreads; ++t) {
    threads.emplace_back([&, t] {
      threadIdx = dim3(t % block.x, (t / block.x) % block.y, t / (block.x * block.y));
      for (unsigned bz = 0; bz < grid.z; ++bz)
        for (unsigned by = 0; by < grid.y; ++by)
          for (unsigned bx = 0; bx < grid.x; ++bx) {
            blockIdx = dim3(bx, by, bz);
            kernel();
            barrier.wait();  // the next block reuses the __shared__ arrays
          }
    });
  }
  for (auto& th : threads) th.join();
  current_barrier() = nullptr;
}

}  // namespace cuda_emulation

#define __syncthreads() ::cuda_emulation::current_barrier()->wait()
