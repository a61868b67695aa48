#include "registry.h"

#include <chrono>

#include "../core/errors.h"
#include "../core/report.h"

namespace ssb {

namespace {

Napi::Error py_error(Napi::Env env, const char* type, const std::string& message) {
  Napi::Error err = Napi::Error::New(env, message);
  err.Set("pyType", Napi::String::New(env, type));
  return err;
}

}  // namespace

void add_ops(Napi::Env env, Napi::Object exports, const std::vector<OpEntry>& ops) {
  for (const auto& entry : ops) {
    std::string name = entry.name;
    Handler fn = entry.fn;
    exports.Set(name, Napi::Function::New(
                          env,
                          [name, fn](const Napi::CallbackInfo& info) -> Napi::Value {
                            ss::begin_report(name);
                            auto t0 = std::chrono::steady_clock::now();
                            try {
                              Napi::Value v = fn(info);
                              ss::current_report().seconds =
                                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                              return v;
                            } catch (const ss::PyError& e) {
                              throw py_error(info.Env(), ss::py_exc_name(e.type()), e.what());
                            } catch (const std::bad_alloc&) {
                              throw py_error(info.Env(), "MemoryError", "");
                            } catch (const Napi::Error&) {
                              throw;
                            } catch (const std::exception& e) {
                              throw py_error(info.Env(), "RuntimeError", e.what());
                            }
                          },
                          name));
  }
}

void register_all(Napi::Env env, Napi::Object exports) {
  (void)env;
  (void)exports;
}

}  // namespace ssb
