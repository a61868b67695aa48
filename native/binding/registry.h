// The binding's op table. add_ops wraps every exported function: the wrapper
// starts the OpReport (unless the entry is an inspection), times the call and turns ss::PyError into a JS Error
// carrying `pyType` and the library's exact message.
#pragma once
#include <napi.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ssb {

using Handler = std::function<Napi::Value(const Napi::CallbackInfo&)>;

struct OpEntry {
  const char* name;
  Handler fn;
  // False for inspection calls: they leave the previous op's report in place.
  bool reports = true;
};

// An inspection call (info, window, sharesMemory, cudaStatus, ...): reading an object
// must not replace the report of the op that made it.
inline OpEntry inspection(const char* name, Handler fn) { return OpEntry{name, std::move(fn), false}; }

// Each ops_*.cc defines one table; registry.cc registers them all.
std::vector<OpEntry> creation_ops();
std::vector<OpEntry> inspect_ops();
std::vector<OpEntry> view_ops();
std::vector<OpEntry> copy_ops();
std::vector<OpEntry> bridge_ops();
std::vector<OpEntry> math_ops();
std::vector<OpEntry> device_ops();
std::vector<OpEntry> file_ops();
std::vector<OpEntry> run_ops();
std::vector<OpEntry> linalg_ops();
std::vector<OpEntry> join_ops();

void register_all(Napi::Env env, Napi::Object exports);
void add_ops(Napi::Env env, Napi::Object exports, const std::vector<OpEntry>& ops);

}  // namespace ssb
