// SIMD transpose kernels for x86-64: register transposes of whole tiles inside
// cache blocks. Compiled with target attributes (not -mavx2) so the addon still
// loads on any x86-64; strided_copy.cc calls them only after a runtime check.
// Elsewhere this file compiles to "no SIMD kernel" and the scalar tiles run.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "transpose_kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SS_AVX2 __attribute__((target("avx2")))

namespace ss::cpu {
namespace {

// Tiles read T src lines at src + j*ssc (j = column c, lanes = rows r) and write
// T dst lines at dst + i*dsr (i = row r, lanes = columns c).

SS_AVX2 inline void tile_8x8_4byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m256 v0 = _mm256_loadu_ps(reinterpret_cast<const float*>(src));
  __m256 v1 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + ssc));
  __m256 v2 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 2 * ssc));
  __m256 v3 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 3 * ssc));
  __m256 v4 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 4 * ssc));
  __m256 v5 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 5 * ssc));
  __m256 v6 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 6 * ssc));
  __m256 v7 = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 7 * ssc));
  // Shuffles move bits only, so float lanes carry any 4-byte type exactly (NaN payloads included).
  __m256 t0 = _mm256_unpacklo_ps(v0, v1), t1 = _mm256_unpackhi_ps(v0, v1);
  __m256 t2 = _mm256_unpacklo_ps(v2, v3), t3 = _mm256_unpackhi_ps(v2, v3);
  __m256 t4 = _mm256_unpacklo_ps(v4, v5), t5 = _mm256_unpackhi_ps(v4, v5);
  __m256 t6 = _mm256_unpacklo_ps(v6, v7), t7 = _mm256_unpackhi_ps(v6, v7);
  __m256 u0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst), _mm256_permute2f128_ps(u0, u4, 0x20));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + dsr), _mm256_permute2f128_ps(u1, u5, 0x20));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 2 * dsr), _mm256_permute2f128_ps(u2, u6, 0x20));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 3 * dsr), _mm256_permute2f128_ps(u3, u7, 0x20));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 4 * dsr), _mm256_permute2f128_ps(u0, u4, 0x31));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 5 * dsr), _mm256_permute2f128_ps(u1, u5, 0x31));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 6 * dsr), _mm256_permute2f128_ps(u2, u6, 0x31));
  _mm256_storeu_ps(reinterpret_cast<float*>(dst + 7 * dsr), _mm256_permute2f128_ps(u3, u7, 0x31));
}

SS_AVX2 inline void tile_4x4_8byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m256d v0 = _mm256_loadu_pd(reinterpret_cast<const double*>(src));
  __m256d v1 = _mm256_loadu_pd(reinterpret_cast<const double*>(src + ssc));
  __m256d v2 = _mm256_loadu_pd(reinterpret_cast<const double*>(src + 2 * ssc));
  __m256d v3 = _mm256_loadu_pd(reinterpret_cast<const double*>(src + 3 * ssc));
  __m256d t0 = _mm256_unpacklo_pd(v0, v1), t1 = _mm256_unpackhi_pd(v0, v1);
  __m256d t2 = _mm256_unpacklo_pd(v2, v3), t3 = _mm256_unpackhi_pd(v2, v3);
  _mm256_storeu_pd(reinterpret_cast<double*>(dst), _mm256_permute2f128_pd(t0, t2, 0x20));
  _mm256_storeu_pd(reinterpret_cast<double*>(dst + dsr), _mm256_permute2f128_pd(t1, t3, 0x20));
  _mm256_storeu_pd(reinterpret_cast<double*>(dst + 2 * dsr), _mm256_permute2f128_pd(t0, t2, 0x31));
  _mm256_storeu_pd(reinterpret_cast<double*>(dst + 3 * dsr), _mm256_permute2f128_pd(t1, t3, 0x31));
}

// 2- and 1-byte items: 128-bit unpack ladders. After the last stage, register
// index == output row, so the stores are a plain loop.
SS_AVX2 inline void tile_8x8_2byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m128i a[8], b[8], c[8];
  for (int j = 0; j < 8; ++j) a[j] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + j * ssc));
  for (int i = 0; i < 4; ++i) {
    b[i] = _mm_unpacklo_epi16(a[2 * i], a[2 * i + 1]);
    b[i + 4] = _mm_unpackhi_epi16(a[2 * i], a[2 * i + 1]);
  }
  for (int h = 0; h < 8; h += 4)
    for (int j = 0; j < 2; ++j) {
      c[h + j] = _mm_unpacklo_epi32(b[h + 2 * j], b[h + 2 * j + 1]);
      c[h + j + 2] = _mm_unpackhi_epi32(b[h + 2 * j], b[h + 2 * j + 1]);
    }
  for (int k = 0; k < 8; k += 2) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k * dsr), _mm_unpacklo_epi64(c[k], c[k + 1]));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 1) * dsr), _mm_unpackhi_epi64(c[k], c[k + 1]));
  }
}

SS_AVX2 inline void tile_16x16_1byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m128i a[16], b[16], c[16], d[16];
  for (int j = 0; j < 16; ++j) a[j] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + j * ssc));
  for (int i = 0; i < 8; ++i) {
    b[i] = _mm_unpacklo_epi8(a[2 * i], a[2 * i + 1]);
    b[i + 8] = _mm_unpackhi_epi8(a[2 * i], a[2 * i + 1]);
  }
  for (int h = 0; h < 16; h += 8)
    for (int j = 0; j < 4; ++j) {
      c[h + j] = _mm_unpacklo_epi16(b[h + 2 * j], b[h + 2 * j + 1]);
      c[h + j + 4] = _mm_unpackhi_epi16(b[h + 2 * j], b[h + 2 * j + 1]);
    }
  for (int base = 0; base < 16; base += 4)
    for (int k = 0; k < 2; ++k) {
      d[base + k] = _mm_unpacklo_epi32(c[base + 2 * k], c[base + 2 * k + 1]);
      d[base + k + 2] = _mm_unpackhi_epi32(c[base + 2 * k], c[base + 2 * k + 1]);
    }
  for (int k = 0; k < 16; k += 2) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k * dsr), _mm_unpacklo_epi64(d[k], d[k + 1]));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 1) * dsr), _mm_unpackhi_epi64(d[k], d[k + 1]));
  }
}

// 1-byte items, 32 rows x 16 columns: the 16x16 ladder in 256-bit registers,
// whose two 128-bit lanes hold rows r..r+15 and r+16..r+31 (unpacks never cross
// lanes), so each instruction transposes two tiles.
SS_AVX2 inline void tile_32x16_1byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m256i a[16], b[16], c[16], d[16];
  for (int j = 0; j < 16; ++j) a[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + j * ssc));
  for (int i = 0; i < 8; ++i) {
    b[i] = _mm256_unpacklo_epi8(a[2 * i], a[2 * i + 1]);
    b[i + 8] = _mm256_unpackhi_epi8(a[2 * i], a[2 * i + 1]);
  }
  for (int h = 0; h < 16; h += 8)
    for (int j = 0; j < 4; ++j) {
      c[h + j] = _mm256_unpacklo_epi16(b[h + 2 * j], b[h + 2 * j + 1]);
      c[h + j + 4] = _mm256_unpackhi_epi16(b[h + 2 * j], b[h + 2 * j + 1]);
    }
  for (int base = 0; base < 16; base += 4)
    for (int k = 0; k < 2; ++k) {
      d[base + k] = _mm256_unpacklo_epi32(c[base + 2 * k], c[base + 2 * k + 1]);
      d[base + k + 2] = _mm256_unpackhi_epi32(c[base + 2 * k], c[base + 2 * k + 1]);
    }
  for (int k = 0; k < 16; k += 2) {
    const __m256i lo = _mm256_unpacklo_epi64(d[k], d[k + 1]), hi = _mm256_unpackhi_epi64(d[k], d[k + 1]);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k * dsr), _mm256_castsi256_si128(lo));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 1) * dsr), _mm256_castsi256_si128(hi));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 16) * dsr), _mm256_extracti128_si256(lo, 1));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 17) * dsr), _mm256_extracti128_si256(hi, 1));
  }
}

// 2-byte items, 16 rows x 8 columns: the 8x8 ladder on both 128-bit lanes at once.
SS_AVX2 inline void tile_16x8_2byte(const char* src, std::int64_t ssc, char* dst, std::int64_t dsr) {
  __m256i a[8], b[8], c[8];
  for (int j = 0; j < 8; ++j) a[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + j * ssc));
  for (int i = 0; i < 4; ++i) {
    b[i] = _mm256_unpacklo_epi16(a[2 * i], a[2 * i + 1]);
    b[i + 4] = _mm256_unpackhi_epi16(a[2 * i], a[2 * i + 1]);
  }
  for (int h = 0; h < 8; h += 4)
    for (int j = 0; j < 2; ++j) {
      c[h + j] = _mm256_unpacklo_epi32(b[h + 2 * j], b[h + 2 * j + 1]);
      c[h + j + 2] = _mm256_unpackhi_epi32(b[h + 2 * j], b[h + 2 * j + 1]);
    }
  for (int k = 0; k < 8; k += 2) {
    const __m256i lo = _mm256_unpacklo_epi64(c[k], c[k + 1]), hi = _mm256_unpackhi_epi64(c[k], c[k + 1]);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k * dsr), _mm256_castsi256_si128(lo));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 1) * dsr), _mm256_castsi256_si128(hi));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 8) * dsr), _mm256_extracti128_si256(lo, 1));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + (k + 9) * dsr), _mm256_extracti128_si256(hi, 1));
  }
}

using TileFn = void (*)(const char*, std::int64_t, char*, std::int64_t);

template <std::size_t N>
inline void scalar_rect(const Transpose2D& t, std::int64_t r0, std::int64_t r1, std::int64_t c0, std::int64_t c1) {
  for (std::int64_t r = r0; r < r1; ++r) {
    char* d = t.dst + r * t.dst_row_stride + c0 * static_cast<std::int64_t>(N);
    const char* s = t.src + r * static_cast<std::int64_t>(N) + c0 * t.src_col_stride;
    for (std::int64_t c = c0; c < c1; ++c, d += N, s += t.src_col_stride) std::memcpy(d, s, N);
  }
}

// RB x CB cache blocks of T x T register tiles; partial tiles at the edges are scalar.
// INVARIANT (caller): t.src_row_stride == N.
template <std::size_t N, std::int64_t T, std::int64_t RB, std::int64_t CB, TileFn Tile>
SS_AVX2 void blocked_simd(const Transpose2D& t, std::int64_t r_begin, std::int64_t r_end) {
  const std::int64_t ssc = t.src_col_stride, dsr = t.dst_row_stride;
  for (std::int64_t rb = r_begin; rb < r_end; rb += RB) {
    const std::int64_t re = std::min(rb + RB, r_end);
    for (std::int64_t cb = 0; cb < t.cols; cb += CB) {
      const std::int64_t ce = std::min(cb + CB, t.cols);
      std::int64_t r = rb;
      for (; r + T <= re; r += T) {
        std::int64_t c = cb;
        for (; c + T <= ce; c += T)
          Tile(t.src + r * static_cast<std::int64_t>(N) + c * ssc, ssc, t.dst + r * dsr + c * static_cast<std::int64_t>(N), dsr);
        if (c < ce) scalar_rect<N>(t, r, r + T, c, ce);
      }
      if (r < re) scalar_rect<N>(t, r, re, cb, ce);
    }
  }
}

// Power-of-two shapes put every src line of a block (and every dst line) in the
// same L1 set, and 4K-aliasing makes loads wait on unrelated stores. So each
// block goes through two small contiguous buffers: whole src lines are read once
// into `in`, tiles are transposed `in` -> `out` (both L1-resident, no conflicts),
// and whole dst lines are written once from `out`. A block is RBYTES of each
// src line (rows r) by CBYTES of each dst line (columns c).
template <std::size_t N, std::int64_t T, std::int64_t RBYTES, std::int64_t CBYTES, TileFn Tile,
          std::int64_t BTR = T, TileFn BTile = Tile, bool Stream = false>
SS_AVX2 void buffered_simd(const Transpose2D& t, std::int64_t r_begin, std::int64_t r_end) {
  constexpr auto kN = static_cast<std::int64_t>(N);
  constexpr std::int64_t RE = RBYTES / kN, CE = CBYTES / kN;  // block: RE rows x CE cols
  alignas(64) char in[CE * RBYTES];   // CE src lines of RBYTES
  alignas(64) char out[RE * CBYTES];  // RE dst lines of CBYTES
  const std::int64_t ssc = t.src_col_stride, dsr = t.dst_row_stride;
  for (std::int64_t rb = r_begin; rb < r_end; rb += RE) {
    const std::int64_t re = std::min(rb + RE, r_end);
    std::int64_t cb = 0;
    if (re - rb == RE) {
      for (; cb + CE <= t.cols; cb += CE) {
        const char* s = t.src + rb * kN + cb * ssc;
        for (std::int64_t j = 0; j < CE; ++j) std::memcpy(in + j * RBYTES, s + j * ssc, RBYTES);
        // Inside the buffers the tile may be taller (BTR rows x T cols, e.g. two
        // byte tiles per 256-bit register); outside, the square T x T tile.
        for (std::int64_t tr = 0; tr < RE; tr += BTR)
          for (std::int64_t tc = 0; tc < CE; tc += T)
            BTile(in + tr * kN + tc * RBYTES, RBYTES, out + tr * CBYTES + tc * kN, CBYTES);
        char* d = t.dst + rb * dsr + cb * kN;
        if (Stream && ((reinterpret_cast<std::uintptr_t>(d) | static_cast<std::uintptr_t>(dsr)) & 31) == 0) {
          for (std::int64_t i = 0; i < RE; ++i)
            for (std::int64_t k = 0; k < CBYTES; k += 32)
              _mm256_stream_si256(reinterpret_cast<__m256i*>(d + i * dsr + k),
                                  _mm256_load_si256(reinterpret_cast<const __m256i*>(out + i * CBYTES + k)));
        } else {
          for (std::int64_t i = 0; i < RE; ++i) std::memcpy(d + i * dsr, out + i * CBYTES, CBYTES);
        }
      }
    }
    if (cb < t.cols) {  // ragged right edge or bottom rows: register tiles straight from src
      std::int64_t r = rb;
      for (; r + T <= re; r += T) {
        std::int64_t c = cb;
        for (; c + T <= t.cols; c += T) Tile(t.src + r * kN + c * ssc, ssc, t.dst + r * dsr + c * kN, dsr);
        if (c < t.cols) scalar_rect<N>(t, r, r + T, c, t.cols);
      }
      if (r < re) scalar_rect<N>(t, r, re, cb, t.cols);
    }
  }
  if (Stream) _mm_sfence();
}

// Column bands: the whole row range one band of columns at a time. Each src
// column of a large power-of-two shape is its own 4 KiB page, so a block row
// that crossed all columns touched more pages than the TLB holds (a page walk
// for every 128 bytes read); a band of BAND columns keeps them all mapped while
// the rows go by.
template <TransposeFn Inner, std::int64_t BAND, std::size_t N>
void column_bands(const Transpose2D& t, std::int64_t r_begin, std::int64_t r_end) {
  for (std::int64_t c0 = 0; c0 < t.cols; c0 += BAND) {
    Transpose2D band = t;
    band.src += c0 * t.src_col_stride;
    band.dst += c0 * static_cast<std::int64_t>(N);
    band.cols = std::min(BAND, t.cols - c0);
    Inner(band, r_begin, r_end);
  }
}

}  // namespace

bool cpu_has_avx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}

TransposeKernel simd_transpose_kernel(std::size_t itemsize, bool streaming) {
  if (!cpu_has_avx2()) return {};
  // Copies larger than the L2 cache (strided_copy.cc decides): buffered blocks whose
  // dst lines are 128 bytes (two whole cache lines per dst row) and go out with
  // streaming stores, in column bands. Measured single-threaded with CPU time on
  // this project's 2-core Xeon (4 KiB pages, 2 MiB L2): against the cached kernels
  // below, 1.6-2.4x at u8 4096², 1.3x at f32 1024², 1.9x at f32 4096², 2.5x at
  // u16 4096², 1.7x at f64 2048²; skipping the dst's read-for-ownership is most of it.
  if (streaming) {
    switch (itemsize) {
      case 1:
        return {"transpose-avx2-32x16-stream",
                &column_bands<&buffered_simd<1, 16, 128, 128, &tile_16x16_1byte, 32, &tile_32x16_1byte, true>, 1024, 1>, 128};
      case 2:
        return {"transpose-avx2-16x8-stream",
                &column_bands<&buffered_simd<2, 8, 256, 128, &tile_8x8_2byte, 16, &tile_16x8_2byte, true>, 512, 2>, 128};
      case 4:
        return {"transpose-avx2-8x8-stream",
                &column_bands<&buffered_simd<4, 8, 256, 128, &tile_8x8_4byte, 8, &tile_8x8_4byte, true>, 256, 4>, 64};
      case 8:
        return {"transpose-avx2-4x4-stream",
                &column_bands<&buffered_simd<8, 4, 256, 128, &tile_4x4_8byte, 4, &tile_4x4_8byte, true>, 256, 8>, 32};
      default: return {};
    }
  }
  // Cache-resident copies keep ordinary stores, so the result stays cached for its reader.
  // Chosen with bench/copy_bench.cc --cpu-time:
  // 1- and 2-byte items gain ~2x from the buffered blocks (their 64-byte lines
  // hold 64 or 32 elements, so a direct tile re-touches each src line many times,
  // all in one cache set on power-of-two shapes); 4- and 8-byte items do best
  // with direct register tiles in 64x64 / 32x32 blocks.
  switch (itemsize) {
    case 1:
      return {"transpose-avx2-32x16", &buffered_simd<1, 16, 128, 64, &tile_16x16_1byte, 32, &tile_32x16_1byte>, 128};
    case 2:
      return {"transpose-avx2-16x8", &buffered_simd<2, 8, 256, 64, &tile_8x8_2byte, 16, &tile_16x8_2byte>, 128};
    case 4: return {"transpose-avx2-8x8", &blocked_simd<4, 8, 64, 64, &tile_8x8_4byte>, 64};
    case 8: return {"transpose-avx2-4x4", &blocked_simd<8, 4, 32, 32, &tile_4x4_8byte>, 32};
    default: return {};
  }
}

}  // namespace ss::cpu

#else  // not x86

namespace ss::cpu {
bool cpu_has_avx2() { return false; }
TransposeKernel simd_transpose_kernel(std::size_t, bool) { return {}; }
}  // namespace ss::cpu

#endif
