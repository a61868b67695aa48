// Device discovery, memory and contiguous copies: thin, error-returning
// wrappers over the CUDA runtime (static cudart), timed with CUDA events.
#include <cstring>

#include "device_state.cuh"

namespace ss_cuda {

namespace {
DeviceState g_states[kMaxDevices];
}

cudaError_t acquire_device(int dev, DeviceState** state) {
  if (dev < 0 || dev >= kMaxDevices) return cudaErrorInvalidDevice;
  SS_TRY(cudaSetDevice(dev));
  DeviceState& st = g_states[dev];
  if (!st.ready) {
    // Callers hold st.mutex, so creation happens once per device.
    SS_TRY(cudaStreamCreateWithFlags(&st.stream, cudaStreamNonBlocking));
    SS_TRY(cudaEventCreate(&st.start));
    SS_TRY(cudaEventCreate(&st.stop));
    st.ready = true;
  }
  *state = &st;
  return cudaSuccess;
}

std::mutex& device_mutex(int dev) { return g_states[dev].mutex; }

cudaError_t begin_timing(DeviceState* st) { return cudaEventRecord(st->start, st->stream); }

cudaError_t finish_timing(DeviceState* st, double* seconds) {
  SS_TRY(cudaEventRecord(st->stop, st->stream));
  SS_TRY(cudaEventSynchronize(st->stop));
  float ms = 0;
  SS_TRY(cudaEventElapsedTime(&ms, st->start, st->stop));
  if (seconds) *seconds = ms / 1000.0;
  return cudaSuccess;
}

}  // namespace ss_cuda

using namespace ss_cuda;

SS_EXPORT int ss_cuda_abi_version(void) { return SS_CUDA_ABI_VERSION; }

SS_EXPORT int ss_cuda_driver_version(int* version) {
  *version = 0;
  return cudaDriverGetVersion(version);
}

SS_EXPORT int ss_cuda_device_count(int* count) {
  *count = 0;
  cudaError_t err = cudaGetDeviceCount(count);
  if (err != cudaSuccess) {
    *count = 0;
    cudaGetLastError();  // clear the sticky-free error so later calls start clean
  }
  return err;
}

SS_EXPORT int ss_cuda_device_name(int dev, char* name, size_t len) {
  if (len == 0) return cudaErrorInvalidValue;
  name[0] = '\0';
  cudaDeviceProp prop;
  cudaError_t err = cudaGetDeviceProperties(&prop, dev);
  if (err != cudaSuccess) return err;
  std::strncpy(name, prop.name, len - 1);
  name[len - 1] = '\0';
  return cudaSuccess;
}

SS_EXPORT int ss_cuda_mem_get_info(int dev, size_t* free_bytes, size_t* total_bytes) {
  SS_TRY(cudaSetDevice(dev));
  return cudaMemGetInfo(free_bytes, total_bytes);
}

SS_EXPORT const char* ss_cuda_error_name(int code) { return cudaGetErrorName(static_cast<cudaError_t>(code)); }
SS_EXPORT const char* ss_cuda_error_string(int code) { return cudaGetErrorString(static_cast<cudaError_t>(code)); }

SS_EXPORT int ss_cuda_malloc(int dev, size_t nbytes, void** out) {
  *out = nullptr;
  SS_TRY(cudaSetDevice(dev));
  cudaError_t err = cudaMalloc(out, nbytes == 0 ? 1 : nbytes);
  if (err != cudaSuccess) {
    *out = nullptr;
    cudaGetLastError();  // an allocation failure is not sticky; clear it
  }
  return err;
}

SS_EXPORT int ss_cuda_free(int dev, void* ptr) {
  if (!ptr) return cudaSuccess;
  SS_TRY(cudaSetDevice(dev));
  return cudaFree(ptr);
}

SS_EXPORT int ss_cuda_host_alloc(size_t nbytes, void** host_out) {
  *host_out = nullptr;
  cudaError_t err = cudaHostAlloc(host_out, nbytes == 0 ? 1 : nbytes, cudaHostAllocPortable);
  if (err != cudaSuccess) {
    *host_out = nullptr;
    cudaGetLastError();
  }
  return err;
}

SS_EXPORT int ss_cuda_host_free(void* host_ptr) { return host_ptr ? cudaFreeHost(host_ptr) : cudaSuccess; }

SS_EXPORT int ss_cuda_memcpy(int dev, void* dst, const void* src, size_t n, int kind, int async, double* seconds) {
  if (seconds) *seconds = 0;
  cudaMemcpyKind k;
  switch (kind) {
    case SS_CUDA_H2D: k = cudaMemcpyHostToDevice; break;
    case SS_CUDA_D2H: k = cudaMemcpyDeviceToHost; break;
    case SS_CUDA_D2D: k = cudaMemcpyDeviceToDevice; break;
    default: return cudaErrorInvalidMemcpyDirection;
  }
  if (n == 0) return cudaSuccess;
  if (dev < 0 || dev >= kMaxDevices) return cudaErrorInvalidDevice;
  std::lock_guard<std::mutex> lock(device_mutex(dev));
  DeviceState* st = nullptr;
  SS_TRY(acquire_device(dev, &st));
  if (async) {
    SS_TRY(begin_timing(st));
    SS_TRY(cudaMemcpyAsync(dst, src, n, k, st->stream));
    return finish_timing(st, seconds);
  }
  // cudaMemcpy runs on the legacy default stream: time it there.
  SS_TRY(cudaEventRecord(st->start, 0));
  SS_TRY(cudaMemcpy(dst, src, n, k));
  SS_TRY(cudaEventRecord(st->stop, 0));
  SS_TRY(cudaEventSynchronize(st->stop));
  float ms = 0;
  SS_TRY(cudaEventElapsedTime(&ms, st->start, st->stop));
  if (seconds) *seconds = ms / 1000.0;
  return cudaSuccess;
}
