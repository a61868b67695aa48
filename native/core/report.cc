#include "report.h"

#include "fp_status.h"

namespace ss {

OpReport& current_report() {
  thread_local OpReport report;
  return report;
}

void begin_report(const std::string& op) {
  thread_local std::uint64_t begun = 0;
  OpReport& r = current_report();
  r = OpReport{};
  fp_report.clear();
  fp_take_noted();
  r.seq = ++begun;
  r.op = op;
}

void report_copy(const char* kernel, std::size_t bytes, const std::string& reason, int threads) {
  OpReport& r = current_report();
  r.copied = true;
  r.bytes += bytes;
  r.kernel = kernel;
  if (r.reason.empty()) r.reason = reason;
  if (threads > r.threads) r.threads = threads;
}

void report_alloc(std::size_t bytes, const std::string& reason) {
  OpReport& r = current_report();
  r.kernel = "alloc";
  r.bytes = bytes;
  r.reason = reason;
}

void report_warning(const std::string& category, const std::string& message) {
  current_report().warnings.push_back({category, message});
}

}  // namespace ss
