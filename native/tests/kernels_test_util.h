// The kernel tests use the core tests' harness (test_harness.h: TEST, CHECK,
// TEST_MAIN) plus KT_CHECK, a CHECK that also prints which case failed: the
// kernel tests run thousands of generated layouts through one check.
#pragma once
#include <cstdio>

#include "test_harness.h"

#define KT_CHECK(cond, ...)                                                 \
  do {                                                                      \
    const bool kt_ok_ = static_cast<bool>(cond);                            \
    if (!kt_ok_) {                                                          \
      std::fprintf(stderr, "  case: ");                                     \
      std::fprintf(stderr, __VA_ARGS__);                                    \
      std::fprintf(stderr, "\n");                                           \
    }                                                                       \
    ::sst::check(kt_ok_, #cond, __FILE__, __LINE__);                        \
  } while (0)
