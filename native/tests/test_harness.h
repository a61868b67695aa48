// A tiny assert harness for the core tests: CHECK records failures and keeps
// going; CHECK_RAISES asserts the Python exception type and exact message;
// TEST_MAIN prints a summary and returns non-zero on any failure.
#pragma once
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "../core/errors.h"

namespace sst {

inline int& failures() {
  static int n = 0;
  return n;
}
inline int& checks() {
  static int n = 0;
  return n;
}

inline void check(bool ok, const char* expr, const char* file, int line) {
  ++checks();
  if (!ok) {
    ++failures();
    std::fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
  }
}

template <class A, class B>
void check_eq(const A& a, const B& b, const char* ea, const char* eb, const char* file, int line) {
  ++checks();
  if (!(a == b)) {
    ++failures();
    std::fprintf(stderr, "FAIL %s:%d: %s == %s\n", file, line, ea, eb);
  }
}

inline std::string str(const std::vector<std::int64_t>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

inline void check_raises(const std::function<void()>& f, ss::PyExc type, const std::string& msg, const char* file, int line) {
  ++checks();
  try {
    f();
  } catch (const ss::PyError& e) {
    if (e.type() == type && (msg.empty() || msg == e.what())) return;
    ++failures();
    std::fprintf(stderr, "FAIL %s:%d: raised %s \"%s\"\n   expected %s \"%s\"\n", file, line, ss::py_exc_name(e.type()), e.what(),
                 ss::py_exc_name(type), msg.c_str());
    return;
  }
  ++failures();
  std::fprintf(stderr, "FAIL %s:%d: did not raise %s \"%s\"\n", file, line, ss::py_exc_name(type), msg.c_str());
}

struct Registry {
  std::vector<std::pair<const char*, void (*)()>> tests;
  static Registry& get() {
    static Registry r;
    return r;
  }
};
struct Register {
  Register(const char* name, void (*fn)()) { Registry::get().tests.push_back({name, fn}); }
};

inline int run_all() {
  for (auto& [name, fn] : Registry::get().tests) {
    int before = failures();
    try {
      fn();
    } catch (const std::exception& e) {
      ++failures();
      std::fprintf(stderr, "FAIL %s: unexpected exception: %s\n", name, e.what());
    }
    std::printf("%s %s\n", failures() == before ? "ok  " : "FAIL", name);
  }
  std::printf("%d checks, %d failures\n", checks(), failures());
  return failures() ? 1 : 0;
}

}  // namespace sst

#define CHECK(e) ::sst::check((e), #e, __FILE__, __LINE__)
#define CHECK_EQ(a, b) ::sst::check_eq((a), (b), #a, #b, __FILE__, __LINE__)
#define CHECK_RAISES(expr, type, msg) ::sst::check_raises([&] { (void)(expr); }, ::ss::PyExc::type, (msg), __FILE__, __LINE__)
#define TEST(name)                                              \
  static void name();                                           \
  static ::sst::Register name##_reg(#name, &name);              \
  static void name()
#define TEST_MAIN() \
  int main() { return ::sst::run_all(); }
