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
};

// Each ops_*.cc defines one of these and lists it in registry.cc.
void register_all(Napi::Env env, Napi::Object exports);
void add_ops(Napi::Env env, Napi::Object exports, const std::vector<OpEntry>& ops);

}  // namespace ssb
