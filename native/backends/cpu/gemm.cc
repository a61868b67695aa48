#include "gemm.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "thread_pool.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SS_GEMM_X86 1
#define SS_AVX2_FMA __attribute__((target("avx2,fma")))
#endif

namespace ss::cpu {
namespace {

// Register tile MR x NR (rows of A x columns of B), k block KC, row block MC
// (one task), column block NC (B panel kept in L2/L3).
template <class T> struct Tile;
template <> struct Tile<float> { static constexpr int MR = 6, NR = 16; };
template <> struct Tile<double> { static constexpr int MR = 6, NR = 8; };
constexpr std::int64_t KC = 256;
constexpr std::int64_t MC = 72;
constexpr std::int64_t NC = 1024;

// Writes (first k block) or adds the mr x nr corner of a full tile into C.
template <class T, int NR>
inline void store_tile(const T* acc, T* c, std::int64_t ldc, int mr, int nr, bool first) {
  for (int i = 0; i < mr; ++i)
    for (int j = 0; j < nr; ++j) c[i * ldc + j] = first ? acc[i * NR + j] : c[i * ldc + j] + acc[i * NR + j];
}

// Portable micro-kernel: the compiler vectorizes the j loop for the baseline ISA.
template <class T>
void micro_generic(std::int64_t kc, const T* a, const T* b, T* c, std::int64_t ldc, int mr, int nr, bool first) {
  constexpr int MR = Tile<T>::MR, NR = Tile<T>::NR;
  T acc[MR * NR] = {};
  for (std::int64_t p = 0; p < kc; ++p, a += MR, b += NR)
    for (int i = 0; i < MR; ++i)
      for (int j = 0; j < NR; ++j) acc[i * NR + j] += a[i] * b[j];
  store_tile<T, NR>(acc, c, ldc, mr, nr, first);
}

#ifdef SS_GEMM_X86
SS_AVX2_FMA void micro_f32_avx2(std::int64_t kc, const float* a, const float* b, float* c, std::int64_t ldc, int mr, int nr,
                                bool first) {
  __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
  __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
  for (std::int64_t p = 0; p < kc; ++p, a += 6, b += 16) {
    const __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
    __m256 x = _mm256_broadcast_ss(a);
    c00 = _mm256_fmadd_ps(x, b0, c00), c01 = _mm256_fmadd_ps(x, b1, c01);
    x = _mm256_broadcast_ss(a + 1);
    c10 = _mm256_fmadd_ps(x, b0, c10), c11 = _mm256_fmadd_ps(x, b1, c11);
    x = _mm256_broadcast_ss(a + 2);
    c20 = _mm256_fmadd_ps(x, b0, c20), c21 = _mm256_fmadd_ps(x, b1, c21);
    x = _mm256_broadcast_ss(a + 3);
    c30 = _mm256_fmadd_ps(x, b0, c30), c31 = _mm256_fmadd_ps(x, b1, c31);
    x = _mm256_broadcast_ss(a + 4);
    c40 = _mm256_fmadd_ps(x, b0, c40), c41 = _mm256_fmadd_ps(x, b1, c41);
    x = _mm256_broadcast_ss(a + 5);
    c50 = _mm256_fmadd_ps(x, b0, c50), c51 = _mm256_fmadd_ps(x, b1, c51);
  }
  const __m256 rows[6][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
  if (mr == 6 && nr == 16) {
    for (int i = 0; i < 6; ++i) {
      float* ci = c + i * ldc;
      __m256 r0 = rows[i][0], r1 = rows[i][1];
      if (!first) r0 = _mm256_add_ps(r0, _mm256_loadu_ps(ci)), r1 = _mm256_add_ps(r1, _mm256_loadu_ps(ci + 8));
      _mm256_storeu_ps(ci, r0);
      _mm256_storeu_ps(ci + 8, r1);
    }
    return;
  }
  alignas(32) float acc[6 * 16];
  for (int i = 0; i < 6; ++i) _mm256_store_ps(acc + i * 16, rows[i][0]), _mm256_store_ps(acc + i * 16 + 8, rows[i][1]);
  store_tile<float, 16>(acc, c, ldc, mr, nr, first);
}

SS_AVX2_FMA void micro_f64_avx2(std::int64_t kc, const double* a, const double* b, double* c, std::int64_t ldc, int mr,
                                int nr, bool first) {
  __m256d c00 = _mm256_setzero_pd(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
  __m256d c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
  for (std::int64_t p = 0; p < kc; ++p, a += 6, b += 8) {
    const __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4);
    __m256d x = _mm256_broadcast_sd(a);
    c00 = _mm256_fmadd_pd(x, b0, c00), c01 = _mm256_fmadd_pd(x, b1, c01);
    x = _mm256_broadcast_sd(a + 1);
    c10 = _mm256_fmadd_pd(x, b0, c10), c11 = _mm256_fmadd_pd(x, b1, c11);
    x = _mm256_broadcast_sd(a + 2);
    c20 = _mm256_fmadd_pd(x, b0, c20), c21 = _mm256_fmadd_pd(x, b1, c21);
    x = _mm256_broadcast_sd(a + 3);
    c30 = _mm256_fmadd_pd(x, b0, c30), c31 = _mm256_fmadd_pd(x, b1, c31);
    x = _mm256_broadcast_sd(a + 4);
    c40 = _mm256_fmadd_pd(x, b0, c40), c41 = _mm256_fmadd_pd(x, b1, c41);
    x = _mm256_broadcast_sd(a + 5);
    c50 = _mm256_fmadd_pd(x, b0, c50), c51 = _mm256_fmadd_pd(x, b1, c51);
  }
  const __m256d rows[6][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
  if (mr == 6 && nr == 8) {
    for (int i = 0; i < 6; ++i) {
      double* ci = c + i * ldc;
      __m256d r0 = rows[i][0], r1 = rows[i][1];
      if (!first) r0 = _mm256_add_pd(r0, _mm256_loadu_pd(ci)), r1 = _mm256_add_pd(r1, _mm256_loadu_pd(ci + 4));
      _mm256_storeu_pd(ci, r0);
      _mm256_storeu_pd(ci + 4, r1);
    }
    return;
  }
  alignas(32) double acc[6 * 8];
  for (int i = 0; i < 6; ++i) _mm256_store_pd(acc + i * 8, rows[i][0]), _mm256_store_pd(acc + i * 8 + 4, rows[i][1]);
  store_tile<double, 8>(acc, c, ldc, mr, nr, first);
}

bool has_avx2_fma() {
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return yes;
}
#endif

template <class T>
using Micro = void (*)(std::int64_t, const T*, const T*, T*, std::int64_t, int, int, bool);

template <class T>
Micro<T> pick_micro(const char** name) {
#ifdef SS_GEMM_X86
  if (has_avx2_fma()) {
    if constexpr (std::is_same_v<T, float>) {
      *name = "gemm-f32-avx2-fma";
      return micro_f32_avx2;
    } else {
      *name = "gemm-f64-avx2-fma";
      return micro_f64_avx2;
    }
  }
#endif
  *name = std::is_same_v<T, float> ? "gemm-f32" : "gemm-f64";
  return micro_generic<T>;
}

// Packs rows [i0, i0+mc) x k [p0, p0+kc) of A into MR-row strips, zero-padded.
template <class T>
void pack_a(const GemmProblem<T>& pr, const T* a, std::int64_t i0, std::int64_t mc, std::int64_t p0, std::int64_t kc, T* out) {
  constexpr int MR = Tile<T>::MR;
  for (std::int64_t s = 0; s < mc; s += MR) {
    const int rows = static_cast<int>(std::min<std::int64_t>(MR, mc - s));
    for (std::int64_t p = 0; p < kc; ++p) {
      const T* src = a + (i0 + s) * pr.rsa + (p0 + p) * pr.csa;
      for (int i = 0; i < MR; ++i) out[i] = i < rows ? src[i * pr.rsa] : T(0);
      out += MR;
    }
  }
}

// Packs k [p0, p0+kc) x columns [j0, j0+nc) of B into NR-column strips, zero-padded.
template <class T>
void pack_b(const GemmProblem<T>& pr, const T* b, std::int64_t p0, std::int64_t kc, std::int64_t j0, std::int64_t nc, T* out) {
  constexpr int NR = Tile<T>::NR;
  for (std::int64_t s = 0; s < nc; s += NR) {
    const int cols = static_cast<int>(std::min<std::int64_t>(NR, nc - s));
    for (std::int64_t p = 0; p < kc; ++p) {
      const T* src = b + (p0 + p) * pr.rsb + (j0 + s) * pr.csb;
      if (pr.csb == 1 && cols == NR) {
        std::memcpy(out, src, sizeof(T) * NR);
      } else {
        for (int j = 0; j < NR; ++j) out[j] = j < cols ? src[j * pr.csb] : T(0);
      }
      out += NR;
    }
  }
}

template <class T>
GemmRun gemm_impl(const GemmProblem<T>& pr) {
  constexpr int MR = Tile<T>::MR, NR = Tile<T>::NR;
  const char* name = nullptr;
  const Micro<T> micro = pick_micro<T>(&name);
  const std::int64_t batch = static_cast<std::int64_t>(pr.c.size());
  if (batch == 0 || pr.m == 0 || pr.n == 0) return {name, 1};
  if (pr.k == 0) {
    // An empty sum: every element of C is 0.
    for (std::int64_t bi = 0; bi < batch; ++bi)
      for (std::int64_t i = 0; i < pr.m; ++i) std::fill(pr.c[bi] + i * pr.ldc, pr.c[bi] + i * pr.ldc + pr.n, T(0));
    return {name, 1};
  }
  const std::int64_t mblocks = (pr.m + MC - 1) / MC;
  const std::int64_t tasks = batch * mblocks;
  const double flops = 2.0 * static_cast<double>(pr.m) * static_cast<double>(pr.n) * static_cast<double>(pr.k) * batch;
  // Below ~1 MFLOP waking the second core costs more than it saves.
  const int parts = flops < 1e6 ? 1 : copy_threads();
  auto body = [&](std::int64_t t0, std::int64_t t1) {
    std::vector<T> apack(static_cast<std::size_t>(((MC + MR - 1) / MR) * MR * KC));
    std::vector<T> bpack(static_cast<std::size_t>(((std::min(NC, pr.n) + NR - 1) / NR) * NR * KC));
    for (std::int64_t t = t0; t < t1; ++t) {
      const std::int64_t bi = t / mblocks, i0 = (t % mblocks) * MC;
      const std::int64_t mc = std::min(MC, pr.m - i0);
      const T* a = pr.a[bi];
      const T* b = pr.b[bi];
      T* c = pr.c[bi];
      for (std::int64_t j0 = 0; j0 < pr.n; j0 += NC) {
        const std::int64_t nc = std::min(NC, pr.n - j0);
        for (std::int64_t p0 = 0; p0 < pr.k; p0 += KC) {
          const std::int64_t kc = std::min(KC, pr.k - p0);
          pack_b(pr, b, p0, kc, j0, nc, bpack.data());
          pack_a(pr, a, i0, mc, p0, kc, apack.data());
          for (std::int64_t js = 0; js < nc; js += NR) {
            const int nr = static_cast<int>(std::min<std::int64_t>(NR, nc - js));
            for (std::int64_t is = 0; is < mc; is += MR) {
              const int mr = static_cast<int>(std::min<std::int64_t>(MR, mc - is));
              micro(kc, apack.data() + is * kc, bpack.data() + js * kc, c + (i0 + is) * pr.ldc + j0 + js, pr.ldc, mr, nr,
                    p0 == 0);
            }
          }
        }
      }
    }
  };
  const int ran = parts > 1 && tasks > 1 ? parallel_for(tasks, parts, body) : (body(0, tasks), 1);
  return {name, ran};
}

}  // namespace

GemmRun gemm(const GemmProblem<float>& p) { return gemm_impl(p); }
GemmRun gemm(const GemmProblem<double>& p) { return gemm_impl(p); }

}  // namespace ss::cpu
