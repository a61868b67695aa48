#include "registry.h"

#include <chrono>

#include "../core/errors.h"
#include "../core/fp_status.h"
#include "../core/device_moves.h"
#include "../core/mapped_guard.h"
#include "../core/report.h"
#include "handles.h"

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
    const bool reports = entry.reports;
    exports.Set(name, Napi::Function::New(
                          env,
                          [name, fn, reports](const Napi::CallbackInfo& info) -> Napi::Value {
                            begin_call();
                            struct EndCall {
                              ~EndCall() { end_call(); }
                            } end_call_on_exit;
                            if (reports) {
                              ss::begin_report(name);
                              ss::clear_last_transfer();
                            }
                            auto t0 = std::chrono::steady_clock::now();
                            try {
                              Napi::Value v = fn(info);
                              // A mapped file shrank under this call: its missing bytes read as zeros.
                              if (ss::take_mapped_file_fault())
                                throw py_error(info.Env(), "OSError",
                                               "[Errno 7] Bus error: a memory-mapped file shrank on disk; the bytes past its new end are gone");
                              if (reports)
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

namespace {

// lastReport() reads the record and so must not start a new one.
Napi::Value last_report(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const ss::OpReport& r = ss::current_report();
  Napi::Object o = Napi::Object::New(env);
  o.Set("seq", Napi::Number::New(env, static_cast<double>(r.seq)));
  o.Set("op", r.op);
  o.Set("copied", r.copied);
  o.Set("bytes", Napi::Number::New(env, static_cast<double>(r.bytes)));
  o.Set("kernel", r.kernel);
  if (!r.reason.empty()) o.Set("reason", r.reason);
  o.Set("seconds", r.seconds);
  o.Set("threads", r.threads);
  const auto& tr = ss::last_transfer();
  if (tr && tr->op == r.op) {
    Napi::Object t = Napi::Object::New(env);
    t.Set("from", tr->from);
    t.Set("to", tr->to);
    t.Set("pinned", tr->pinned);
    o.Set("transfer", t);
    o.Set("copied", true);
    o.Set("bytes", Napi::Number::New(env, static_cast<double>(tr->bytes)));
    o.Set("kernel", tr->path);
  }
  Napi::Array w = Napi::Array::New(env, r.warnings.size());
  for (std::size_t i = 0; i < r.warnings.size(); ++i) {
    Napi::Object wo = Napi::Object::New(env);
    wo.Set("category", r.warnings[i].category);
    wo.Set("message", r.warnings[i].message);
    w.Set(static_cast<std::uint32_t>(i), wo);
  }
  o.Set("warnings", w);
  // Floating-point errors of a NumPy ufunc's loop, in NumPy's order; the runner applies np.errstate.
  if (!ss::fp_report.empty()) {
    struct Kind {
      int bit;
      const char* name;
      const char* text;
    };
    static const Kind kinds[] = {{ss::kFpDivide, "divide", "divide by zero"},
                                 {ss::kFpOverflow, "over", "overflow"},
                                 {ss::kFpUnderflow, "under", "underflow"},
                                 {ss::kFpInvalid, "invalid", "invalid value"}};
    Napi::Array e = Napi::Array::New(env);
    std::uint32_t n = 0;
    for (const ss::FpEntry& fp : ss::fp_report) {
      for (const auto& k : kinds) {
        if (!(fp.bits & k.bit)) continue;
        Napi::Object eo = Napi::Object::New(env);
        eo.Set("kind", k.name);
        eo.Set("message", std::string(k.text) + " encountered in " + fp.ufunc);
        e.Set(n++, eo);
      }
    }
    o.Set("fpErrors", e);
  }
  return o;
}

}  // namespace

void register_all(Napi::Env env, Napi::Object exports) {
  init_handles(env);
  exports.Set("lastReport", Napi::Function::New(env, last_report, "lastReport"));
  for (auto table : {creation_ops, inspect_ops, view_ops, copy_ops, bridge_ops, math_ops, device_ops, file_ops, run_ops, linalg_ops, join_ops})
    add_ops(env, exports, table());
}

}  // namespace ssb
