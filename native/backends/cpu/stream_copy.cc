#include "stream_copy.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "transpose_kernels.h"  // cpu_has_avx2

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace ss::cpu {
namespace {

__attribute__((target("avx2"))) void stream_copy_avx2(char* d, const char* s, std::size_t n) {
  // Head: plain copy up to a 32-byte boundary of dst (streaming stores need it).
  const std::size_t head = std::min<std::size_t>(n, (32 - (reinterpret_cast<std::uintptr_t>(d) & 31)) & 31);
  std::memcpy(d, s, head);
  std::size_t i = head;
  for (; i + 128 <= n; i += 128) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 32));
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 64));
    const __m256i e = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 96));
    _mm256_stream_si256(reinterpret_cast<__m256i*>(d + i), a);
    _mm256_stream_si256(reinterpret_cast<__m256i*>(d + i + 32), b);
    _mm256_stream_si256(reinterpret_cast<__m256i*>(d + i + 64), c);
    _mm256_stream_si256(reinterpret_cast<__m256i*>(d + i + 96), e);
  }
  _mm_sfence();  // streaming stores are weakly ordered: publish them before returning
  std::memcpy(d + i, s + i, n - i);
}

}  // namespace

bool stream_copy_available() { return cpu_has_avx2(); }

void stream_copy(void* dst, const void* src, std::size_t n) {
  if (cpu_has_avx2()) stream_copy_avx2(static_cast<char*>(dst), static_cast<const char*>(src), n);
  else std::memcpy(dst, src, n);
}

}  // namespace ss::cpu

#else

namespace ss::cpu {
bool stream_copy_available() { return false; }
void stream_copy(void* dst, const void* src, std::size_t n) { std::memcpy(dst, src, n); }
}  // namespace ss::cpu

#endif
