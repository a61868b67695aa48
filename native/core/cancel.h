// Stopping a long kernel from outside. The JS thread that runs a program
// registers its interrupt flag (an Int32Array over a SharedArrayBuffer the
// app's Stop button, Ctrl-C or --timeout writes to); kernels whose running
// time is not bounded by memory (reductions over broadcast views, elementwise
// loops) poll it between chunks and raise KeyboardInterrupt.
#pragma once
#include <cstdint>

namespace ss {

// The flag's values (src/runner/interp/interrupt.ts holds the same ones).
constexpr std::int32_t kInterruptNone = 0;
constexpr std::int32_t kInterruptStop = 1;     // Stop button / Ctrl-C: KeyboardInterrupt
constexpr std::int32_t kInterruptTimeout = 2;  // --timeout: the run ends

// Per calling thread: each worker thread runs its own program. nullptr: no flag.
void set_cancel_flag(std::int32_t* flag);
std::int32_t* cancel_flag();

// Elements a kernel processes between two polls (a few hundred microseconds of work).
constexpr std::int64_t kCancelChunk = std::int64_t{1} << 16;

// Throws PyError(KeyboardInterrupt) when the flag is set; a Stop request is
// consumed (the program may catch it and go on), a timeout stays set.
void check_cancel();

}  // namespace ss
