// The 15 element types the engine knows, with the names each library gives them.
// NumPy has no bfloat16: an ndarray of that dtype cannot be created (the runner
// reports NumPy's own "data type 'bfloat16' not understood").
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ss {

enum class DType : std::uint8_t {
  Bool,
  Int8,
  Int16,
  Int32,
  Int64,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  Float16,
  BFloat16,
  Float32,
  Float64,
  Complex64,
  Complex128,
};
constexpr int kNumDTypes = 15;

// NumPy's dtype.kind letter, which the promotion rules group by.
enum class DKind : char { Bool = 'b', Int = 'i', UInt = 'u', Float = 'f', Complex = 'c' };

struct DTypeInfo {
  DType dtype;
  const char* name;         // NumPy name and the engine's name: "float32"
  const char* torch_name;   // "torch.float32"
  const char* scalar_type;  // c10 ScalarType name, as torch errors print it: "Float", "BFloat16"
  std::size_t itemsize;
  DKind kind;
  const char* np_char;      // NumPy dtype.char: 'f', 'd', '?', ... ("" for bfloat16)
};

const DTypeInfo& dtype_info(DType d);
inline std::size_t itemsize_of(DType d) { return dtype_info(d).itemsize; }
inline const char* dtype_name(DType d) { return dtype_info(d).name; }
inline DKind dtype_kind(DType d) { return dtype_info(d).kind; }
inline bool is_complex(DType d) { return dtype_kind(d) == DKind::Complex; }
inline bool is_floating(DType d) { return dtype_kind(d) == DKind::Float; }
inline bool is_integral(DType d) { return dtype_kind(d) == DKind::Int || dtype_kind(d) == DKind::UInt; }

// Parses the engine's names ("float32", "bfloat16", "bool", ...). Returns false if unknown.
bool parse_dtype(const std::string& name, DType* out);

}  // namespace ss
