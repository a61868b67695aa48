// JS <-> engine value conversion with argument checks (TypeError naming the
// argument, as better-sqlite3 does). Python ints arrive as bigint, floats as
// number, complex as {re, im}.
#pragma once
#include <napi.h>

#include <optional>
#include <vector>

#include "../core/array.h"
#include "../core/copy_ops.h"
#include "../core/indexing.h"
#include "../core/promotion.h"
#include "../core/scalar.h"

namespace ssb {

ss::Kind get_kind(Napi::Value v);
ss::DType get_dtype(Napi::Value v, const char* name);
std::optional<ss::DType> get_dtype_opt(Napi::Value v, const char* name);
std::int64_t get_int(Napi::Value v, const char* name);
std::optional<std::int64_t> get_int_opt(Napi::Value v, const char* name);
bool get_bool(Napi::Value v, const char* name);
std::optional<bool> get_bool_opt(Napi::Value v, const char* name);
std::string get_string(Napi::Value v, const char* name);
ss::Shape get_ints(Napi::Value v, const char* name);
std::optional<ss::Shape> get_ints_opt(Napi::Value v, const char* name);
ss::Scalar get_scalar(Napi::Value v, const char* name);
std::vector<ss::IndexItem> get_index(Napi::Value v);
ss::Order get_order(Napi::Value v);
ss::MemFormat get_format(Napi::Value v);
// An engine object or a Python scalar.
ss::Operand get_operand(Napi::Value v, const char* name, ss::ArrayPtr* keep);

Napi::Value scalar_to_js(Napi::Env env, const ss::Scalar& s);
Napi::Object info_to_js(Napi::Env env, const ss::Array& a);

}  // namespace ssb
