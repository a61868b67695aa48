#include "allocation.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "device_storage.h"
#include "errors.h"
#include "layout.h"
#include "memory_cap.h"

namespace ss {

namespace {

std::string fmt(const char* spec, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, v);
  return buf;
}

// Python's '{:#.3g}' (keeps the trailing point: "224." / "6.94").
std::string alt_3g(double v) { return fmt("%#.3g", v); }

}  // namespace

std::string numpy_size_string(std::uint64_t nbytes) {
  // numpy/_core/_exceptions.py _size_to_string
  static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int bit_length = 0;
  for (std::uint64_t x = nbytes; x; x >>= 1) ++bit_length;
  int unit_i = std::max(bit_length - 1, 1) / 10;
  double n_units = static_cast<double>(nbytes) / std::ldexp(1.0, unit_i * 10);
  if (std::nearbyint(n_units) == 1024) {
    unit_i += 1;
    n_units /= 1024;
  }
  if (unit_i >= 7) {
    n_units *= std::ldexp(1.0, (unit_i - 6) * 10);
    unit_i = 6;
  }
  if (unit_i == 0) return fmt("%.0f", n_units) + " " + units[0];
  if (std::nearbyint(n_units) < 1000) return alt_3g(n_units) + " " + units[unit_i];
  return fmt("%#.0f", n_units) + " " + units[unit_i];
}

void check_dtype_supported(Kind kind, DType dtype) {
  if (kind == Kind::NDArray && dtype == DType::BFloat16) raise(PyExc::TypeError, "data type 'bfloat16' not understood");
}

// Below this size an allocation is not worth a read of /proc/meminfo (which costs
// ~10 us, more than copying the bytes): a small one that still fails comes back
// as nullptr from the allocator and is reported with the same words.
constexpr std::uint64_t kCheckAvailableFrom = 64ull << 20;

void raise_cpu_out_of_memory(Kind kind, DType dtype, const Shape& sizes, std::uint64_t nbytes) {
  if (kind == Kind::NDArray) {
    std::string shape = "(";
    for (std::size_t i = 0; i < sizes.size(); ++i) shape += (i ? ", " : "") + std::to_string(sizes[i]);
    shape += sizes.size() == 1 ? ",)" : ")";
    raise(PyExc::ArrayMemoryError, "Unable to allocate " + numpy_size_string(nbytes) + " for an array with shape " + shape +
                                  " and data type " + dtype_name(dtype));
  }
  // NOTE: c10/core/impl/alloc_cpu.cpp alloc_cpu on Linux (posix_memalign failing with ENOMEM), PyTorch 2.x.
  raise(PyExc::RuntimeError, "[enforce fail at alloc_cpu.cpp:117] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate " +
                                 std::to_string(nbytes) + " bytes. Error code 12 (Cannot allocate memory)");
}

void check_allocatable(Kind kind, DType dtype, const Shape& sizes, std::uint64_t nbytes) {
  std::uint64_t avail = nbytes < kCheckAvailableFrom ? 0 : available_ram();
  if (avail == 0 || nbytes <= avail) return;
  raise_cpu_out_of_memory(kind, dtype, sizes, nbytes);
}

namespace {

std::uint64_t checked_nbytes(Kind kind, DType dtype, const Shape& sizes) {
  for (auto s : sizes) {
    if (s < 0) {
      if (kind == Kind::NDArray) raise(PyExc::ValueError, "negative dimensions are not allowed");
      raise(PyExc::RuntimeError, "Trying to create tensor with negative dimension " + std::to_string(s) + ": " +
                                     layout::torch_list(sizes));
    }
  }
  auto numel = layout::checked_numel(sizes);
  std::int64_t nbytes = 0;
  const auto item = static_cast<std::int64_t>(itemsize_of(dtype));
  if (!numel || __builtin_mul_overflow(*numel, item, &nbytes) || (kind == Kind::NDArray && !layout::numpy_size_fits(sizes, item))) {
    if (kind == Kind::NDArray)
      raise(PyExc::ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    raise(PyExc::RuntimeError, "Storage size calculation overflowed with sizes=" + layout::torch_list(sizes));
  }
  return static_cast<std::uint64_t>(nbytes);
}

ArrayPtr allocate(Kind kind, DType dtype, const Shape& sizes, Shape byte_strides, std::uint64_t nbytes, bool zeroed = false) {
  check_allocatable(kind, dtype, sizes, nbytes);
  StoragePtr st;
  try {
    st = zeroed ? allocate_cpu_storage_zeroed(nbytes) : allocate_cpu_storage(nbytes);
  } catch (const PyError&) {
    raise_cpu_out_of_memory(kind, dtype, sizes, nbytes);  // word the failure as the library would
  }
  return make_view(kind, dtype, std::move(st), sizes, std::move(byte_strides), 0);
}

}  // namespace

namespace {
ArrayPtr new_array_impl(Kind kind, DType dtype, const Shape& sizes, NewLayout lay, bool zeroed) {
  check_dtype_supported(kind, dtype);
  std::uint64_t nbytes = checked_nbytes(kind, dtype, sizes);
  const auto item = static_cast<std::int64_t>(itemsize_of(dtype));
  Shape st = kind == Kind::NDArray ? layout::numpy_new_strides(sizes, item, lay == NewLayout::F)
             : lay == NewLayout::F ? layout::fortran_strides(sizes, item)
                                   : layout::contiguous_strides(sizes, item);
  return allocate(kind, dtype, sizes, std::move(st), nbytes, zeroed);
}
}  // namespace

ArrayPtr new_array(Kind kind, DType dtype, const Shape& sizes, NewLayout lay) {
  return new_array_impl(kind, dtype, sizes, lay, false);
}

ArrayPtr new_zeroed_array(Kind kind, DType dtype, const Shape& sizes, NewLayout lay) {
  return new_array_impl(kind, dtype, sizes, lay, true);
}

ArrayPtr new_array_strided(Kind kind, DType dtype, const Shape& sizes, const Shape& byte_strides) {
  check_dtype_supported(kind, dtype);
  std::uint64_t nbytes = checked_nbytes(kind, dtype, sizes);
  // Dense strides of a permuted layout address exactly numel*itemsize bytes.
  return allocate(kind, dtype, sizes, byte_strides, nbytes);
}

ArrayPtr new_array_on(const Storage& like, Kind kind, DType dtype, const Shape& sizes, const Shape& byte_strides) {
  if (like.device.is_cpu()) return new_array_strided(kind, dtype, sizes, byte_strides);
  std::uint64_t nbytes = checked_nbytes(kind, dtype, sizes);
  return make_view(kind, dtype, allocate_cuda_storage(like.device.index, nbytes), sizes, byte_strides, 0);
}

}  // namespace ss
