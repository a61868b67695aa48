// The binding's op table. Every exported function runs inside `guarded`, which
// starts the OpReport, times the call and turns ss::PyError into a JS Error
// carrying `pyType` and the library's exact message.
#pragma once
#include <napi.h>

#include <functional>
#include <string>
#include <vector>

namespace ssb {

using Handler = std::function<Napi::Value(const Napi::CallbackInfo&)>;

struct OpEntry {
  const char* name;
  Handler fn;
  // Inspection calls (info, window, ...) leave the previous op's report in place.
  bool reports = true;
};

// Each ops_*.cc defines one table; registry.cc registers them all.
std::vector<OpEntry> creation_ops();
std::vector<OpEntry> inspect_ops();
std::vector<OpEntry> view_ops();
std::vector<OpEntry> copy_ops();
std::vector<OpEntry> bridge_ops();
std::vector<OpEntry> math_ops();
std::vector<OpEntry> device_ops();
// Weak: a build whose Makefile predates ops_files.cc (node-gyp build without configure) still loads.
std::vector<OpEntry> file_ops() __attribute__((weak));

void register_all(Napi::Env env, Napi::Object exports);
void add_ops(Napi::Env env, Napi::Object exports, const std::vector<OpEntry>& ops);

}  // namespace ssb
