/* The plain C ABI of libstridescope_cuda.so, the optional CUDA backend.
 *
 * The engine never links against CUDA: it dlopens this library at run time
 * (native/core/cuda_library.cc) and resolves these symbols by name, so every
 * function here is extern "C", takes plain types and returns a cudaError_t
 * value as an int (0 = success; ss_cuda_error_string() turns it into text).
 * Pointers named host_* are host memory; every other pointer is device memory
 * of device `dev`. Strides are in BYTES. Every call has finished on the device
 * when it returns (asynchronous copies are issued on the backend's stream and
 * waited for through their stop event), so the caller never tracks streams.
 * Times come from CUDA events recorded around the work, in seconds. */
#ifndef STRIDESCOPE_CUDA_H_
#define STRIDESCOPE_CUDA_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a signature below changes; the loader refuses other versions. */
#define SS_CUDA_ABI_VERSION 1
/* The most dimensions a strided copy accepts (NumPy's NPY_MAXDIMS is 64). */
#define SS_CUDA_MAX_DIMS 64

enum ss_cuda_copy_kind { SS_CUDA_H2D = 1, SS_CUDA_D2H = 2, SS_CUDA_D2D = 3 };

int ss_cuda_abi_version(void);

/* cudaDriverGetVersion: 0 when no driver is installed. */
int ss_cuda_driver_version(int* version);
/* cudaGetDeviceCount, unchanged: cudaErrorNoDevice / cudaErrorInsufficientDriver pass through. */
int ss_cuda_device_count(int* count);
int ss_cuda_device_name(int dev, char* name, size_t len);
int ss_cuda_mem_get_info(int dev, size_t* free_bytes, size_t* total_bytes);
const char* ss_cuda_error_name(int code);
const char* ss_cuda_error_string(int code);

/* cudaMalloc on `dev` (never managed memory). */
int ss_cuda_malloc(int dev, size_t nbytes, void** out);
int ss_cuda_free(int dev, void* ptr);
/* Page-locked host memory (cudaHostAlloc, portable to every device). */
int ss_cuda_host_alloc(size_t nbytes, void** host_out);
int ss_cuda_host_free(void* host_ptr);

/* One contiguous copy of n bytes. kind picks the direction (host side named by
 * the direction). async=0: cudaMemcpy; async=1: cudaMemcpyAsync on the device's
 * stream (truly asynchronous only from/to pinned memory). *seconds gets the
 * CUDA-event time of the copy. */
int ss_cuda_memcpy(int dev, void* dst, const void* src, size_t n, int kind, int async, double* seconds);

/* Copies every element of a strided device source into a device destination of
 * the same sizes (dst is normally dense in some dimension order). Picks a kernel:
 * "memcpy" when both sides are one contiguous run, "tile-transpose" (shared-memory
 * tiles, coalesced reads and writes) when the source's fastest dimension is not
 * the destination's, else "strided-generic". *kernel gets that name (static
 * string). Empty copies are valid and launch nothing. */
int ss_cuda_strided_copy(int dev, void* dst, const int64_t* dst_strides, const void* src,
                         const int64_t* src_strides, const int64_t* sizes, int ndim, size_t itemsize,
                         double* seconds, const char** kernel);

/* Reads a strided window of device memory into host_dst, densely in C order of
 * `sizes` (gathered on the device, then one small D2H copy). For display: the
 * caller bounds the window's size. */
int ss_cuda_read_window(int dev, void* host_dst, const void* src, const int64_t* src_strides,
                        const int64_t* sizes, int ndim, size_t itemsize);

#ifdef __cplusplus
}
#endif

#endif /* STRIDESCOPE_CUDA_H_ */
