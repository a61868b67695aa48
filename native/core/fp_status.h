// Floating-point exceptions an operation's loops raised. NumPy reads the FPU's status after
// every ufunc loop and, per np.errstate, warns ("divide by zero encountered in divide"),
// raises FloatingPointError, or ignores it; the engine records the same facts for the runner
// to apply the program's errstate to. Each chunk of a loop clears its thread's flags first
// and ORs what it raised into the calling thread's record (pool threads included), and the
// elementwise ops name the ufunc in the op report (begin_report clears it).
#pragma once
#include <cfenv>
#include <string>
#include <vector>

namespace ss {

// NumPy checks (and reports) them in this order: divide, over, under, invalid.
enum FpBits : int { kFpDivide = 1, kFpOverflow = 2, kFpUnderflow = 4, kFpInvalid = 8 };

inline constexpr int kFpWatched = FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID;

// Clears this thread's FPU exception flags.
inline void fp_clear_thread() { std::feclearexcept(kFpWatched); }

// This thread's FPU exception flags raised since the last clear, as FpBits.
inline int fp_thread_raised() {
  const int fe = std::fetestexcept(kFpWatched);
  return (fe & FE_DIVBYZERO ? kFpDivide : 0) | (fe & FE_OVERFLOW ? kFpOverflow : 0) |
         (fe & FE_UNDERFLOW ? kFpUnderflow : 0) | (fe & FE_INVALID ? kFpInvalid : 0);
}

// Raises FPU exceptions on this thread, as NumPy's integer kernels do for a divide by zero.
inline void fp_raise(int bits) {
  std::feraiseexcept((bits & kFpDivide ? FE_DIVBYZERO : 0) | (bits & kFpOverflow ? FE_OVERFLOW : 0) |
                     (bits & kFpUnderflow ? FE_UNDERFLOW : 0) | (bits & kFpInvalid ? FE_INVALID : 0));
}

// The calling thread's record for the loops of the operation running now.
inline thread_local int fp_noted_bits = 0;
inline void fp_note(int bits) { fp_noted_bits |= bits; }
inline int fp_take_noted() {
  const int b = fp_noted_bits;
  fp_noted_bits = 0;
  return b;
}

// What the op report says: per NumPy ufunc loop that raised something, in the order they ran
// (np.var's reduce, then its subtract, ...), its name and the bits raised; NumPy checks and
// reports after each loop.
struct FpEntry {
  std::string ufunc;
  int bits = 0;
};
inline thread_local std::vector<FpEntry> fp_report;
inline void report_fp_errors(const char* ufunc, int bits) {
  if (!bits) return;
  if (!fp_report.empty() && fp_report.back().ufunc == ufunc) fp_report.back().bits |= bits;
  else fp_report.push_back({ufunc, bits});
}

}  // namespace ss
