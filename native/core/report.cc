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
  // Every field back to OpReport's defaults, in place: the strings keep their buffers
  // (assigning a fresh OpReport built and destroyed one per call, on every op).
  // (A change of OpReport's size most likely means a new field: reset it below too.)
  static_assert(sizeof(OpReport) == 8 + 3 * sizeof(std::string) + 8 + 8 + 8 + 8 + sizeof(std::vector<Warning>),
                "OpReport changed: reset its new fields here too");
  r.seq = ++begun;
  r.op.assign(op);
  r.copied = false;
  r.bytes = 0;
  r.kernel.assign("view");
  r.reason.clear();
  r.seconds = 0;
  r.threads = 1;
  r.warnings.clear();
  fp_report.clear();
  fp_take_noted();
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
