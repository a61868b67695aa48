// What the current engine operation did (copied or not, which kernel, bytes,
// warnings). Each binding call begins a report; core ops add to it. One engine
// call runs at a time per thread, so a thread-local record suffices.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ss {

struct Warning {
  std::string category;  // "UserWarning", "DeprecationWarning"
  std::string message;
};

struct OpReport {
  // Counts begun reports, so a reader can tell a fresh report from the previous op's
  // (inspection calls such as item() or window() leave the previous report in place).
  std::uint64_t seq = 0;
  std::string op;
  bool copied = false;
  std::size_t bytes = 0;
  std::string kernel = "view";
  std::string reason;
  double seconds = 0;
  int threads = 1;
  std::vector<Warning> warnings;
};

OpReport& current_report();
void begin_report(const std::string& op);
// Records one copy into new memory (or into an existing destination).
void report_copy(const char* kernel, std::size_t bytes, const std::string& reason, int threads = 1);
// Records a new buffer the op allocated: `bytes` written into it (0 when left
// uninitialised) and why, e.g. "new buffer, filled with zeros".
void report_alloc(std::size_t bytes, const std::string& reason);
void report_warning(const std::string& category, const std::string& message);

}  // namespace ss
