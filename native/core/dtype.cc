#include "dtype.h"

namespace ss {

namespace {
// Order matches enum DType.
const DTypeInfo kTable[kNumDTypes] = {
    {DType::Bool, "bool", "torch.bool", "Bool", 1, DKind::Bool, "?"},
    {DType::Int8, "int8", "torch.int8", "Char", 1, DKind::Int, "b"},
    {DType::Int16, "int16", "torch.int16", "Short", 2, DKind::Int, "h"},
    {DType::Int32, "int32", "torch.int32", "Int", 4, DKind::Int, "i"},
    {DType::Int64, "int64", "torch.int64", "Long", 8, DKind::Int, "l"},
    {DType::UInt8, "uint8", "torch.uint8", "Byte", 1, DKind::UInt, "B"},
    {DType::UInt16, "uint16", "torch.uint16", "UInt16", 2, DKind::UInt, "H"},
    {DType::UInt32, "uint32", "torch.uint32", "UInt32", 4, DKind::UInt, "I"},
    {DType::UInt64, "uint64", "torch.uint64", "UInt64", 8, DKind::UInt, "L"},
    {DType::Float16, "float16", "torch.float16", "Half", 2, DKind::Float, "e"},
    {DType::BFloat16, "bfloat16", "torch.bfloat16", "BFloat16", 2, DKind::Float, ""},
    {DType::Float32, "float32", "torch.float32", "Float", 4, DKind::Float, "f"},
    {DType::Float64, "float64", "torch.float64", "Double", 8, DKind::Float, "d"},
    {DType::Complex64, "complex64", "torch.complex64", "ComplexFloat", 8, DKind::Complex, "F"},
    {DType::Complex128, "complex128", "torch.complex128", "ComplexDouble", 16, DKind::Complex, "D"},
};
}  // namespace

const DTypeInfo& dtype_info(DType d) { return kTable[static_cast<int>(d)]; }

bool parse_dtype(const std::string& name, DType* out) {
  for (const auto& info : kTable) {
    if (name == info.name) {
      *out = info.dtype;
      return true;
    }
  }
  return false;
}

}  // namespace ss
