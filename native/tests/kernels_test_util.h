// Minimal check macros shared by the kernel tests (no framework: each test is
// its own executable, built by native/tests/run.mjs, exit status 1 on failure).
#pragma once
#include <cstdio>

namespace kt {
inline int& failures() {
  static int n = 0;
  return n;
}
inline int finish(const char* name) {
  if (failures()) {
    std::printf("%s: %d check(s) FAILED\n", name, failures());
    return 1;
  }
  std::printf("%s: all checks passed\n", name);
  return 0;
}
}  // namespace kt

#define KT_CHECK(cond, ...)                                      \
  do {                                                           \
    if (!(cond)) {                                               \
      ++kt::failures();                                          \
      std::printf("%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
      std::printf(__VA_ARGS__);                                  \
      std::printf("\n");                                         \
    }                                                            \
  } while (0)
