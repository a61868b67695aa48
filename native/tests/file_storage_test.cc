// File-backed storages and views (native/core/file_storage.h): bytes in, mapped files,
// bounds checks a lying file cannot get past, and np.save's C/F byte order.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "../core/elementwise.h"
#include "../core/file_storage.h"
#include "../core/values.h"
#include "test_harness.h"

using namespace ss;
using S = Shape;

namespace {

std::string temp_file(const std::vector<std::uint8_t>& bytes) {
  char path[] = "/tmp/ss_file_storage_XXXXXX";
  int fd = ::mkstemp(path);
  if (fd >= 0) {
    if (!bytes.empty() && ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) std::perror("write");
    ::close(fd);
  }
  return path;
}

FileViewSpec spec(Kind kind, DType dt, S sizes, S strides, std::int64_t off) {
  FileViewSpec s;
  s.kind = kind;
  s.dtype = dt;
  s.sizes = sizes;
  s.byte_strides = strides;
  s.byte_offset = off;
  return s;
}

std::vector<std::uint8_t> iota(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i);
  return v;
}

}  // namespace

TEST(views_share_one_storage_and_stay_in_bounds) {
  auto bytes = iota(24);
  auto st = storage_from_bytes(bytes.data(), bytes.size());
  auto a = view_of_storage(st, spec(Kind::Tensor, DType::UInt8, {2, 3}, {3, 1}, 0));
  auto b = view_of_storage(st, spec(Kind::Tensor, DType::UInt8, {3, 2}, {1, 3}, 0));
  CHECK(a->storage == b->storage);
  CHECK_EQ(static_cast<int>(static_cast<std::uint8_t>(b->data_ptr()[3])), 3);
  // One byte past the end: NumPy's and torch's own errors, never a view.
  CHECK_RAISES(view_of_storage(st, spec(Kind::NDArray, DType::Float64, {3}, {8}, 1)), TypeError, "buffer is too small for requested array");
  CHECK_RAISES(view_of_storage(st, spec(Kind::Tensor, DType::Float32, {2, 3}, {12, 4}, 4)), RuntimeError,
               "setStorage: sizes [2, 3], strides [3, 1], storage offset 1, and itemsize 4 requiring a storage size of 28 are out of "
               "bounds for storage of size 24");
  // Lying strides that overflow int64 are refused too.
  CHECK_RAISES(view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {3}, {INT64_MAX}, 0)), TypeError, "buffer is too small for requested array");
  CHECK_RAISES(view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {-1}, {1}, 0)), ValueError, "negative dimensions are not allowed");
  CHECK_RAISES(view_of_storage(st, spec(Kind::Tensor, DType::Float32, {2}, {6}, 0)), RuntimeError,
               "tensor byte strides must be non-negative multiples of the itemsize 4, got [6]");
  // NumPy allows negative and odd byte strides inside the buffer.
  auto r = view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {3}, {-2}, 4));
  CHECK_EQ(static_cast<int>(static_cast<std::uint8_t>(r->data_ptr()[-2])), 2);
}

TEST(big_endian_ndarrays_read_their_values) {
  std::uint8_t be[8] = {0x3f, 0xf0, 0, 0, 0, 0, 0, 0};  // 1.0 as a big-endian float64
  auto st = storage_from_bytes(be, 8);
  auto s = spec(Kind::NDArray, DType::Float64, {}, {}, 0);
  s.byte_order = '>';
  auto a = view_of_storage(st, s);
  CHECK(a->byte_order == '>');
  CHECK(item(*a).to_double() == 1.0);
  s.kind = Kind::Tensor;
  CHECK_RAISES(view_of_storage(st, s), ValueError, "tensors hold native byte order: byte-swap the big-endian storage first (torch.load does)");
}

TEST(mapped_file_is_read_only_for_numpy_and_never_written) {
  auto bytes = iota(5000);
  auto path = temp_file(bytes);
  {
    auto st = map_file_storage(path, 4099, 800);  // an offset that is not page aligned
    auto s = spec(Kind::NDArray, DType::UInt8, {800}, {1}, 0);
    s.writeable = false;
    auto a = view_of_storage(st, s);
    CHECK_EQ(static_cast<int>(static_cast<std::uint8_t>(a->data_ptr()[0])), 4099 % 256);
    CHECK_RAISES(fill(a, Scalar::of_int(1)), ValueError, "assignment destination is read-only");
    // A tensor over the same mapping writes to private pages only.
    auto t = view_of_storage(st, spec(Kind::Tensor, DType::UInt8, {800}, {1}, 0));
    fill(t, Scalar::of_int(7));
    CHECK_EQ(static_cast<int>(static_cast<std::uint8_t>(a->data_ptr()[0])), 7);
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  std::vector<std::uint8_t> back(5000);
  CHECK(f && std::fread(back.data(), 1, back.size(), f) == back.size());
  if (f) std::fclose(f);
  CHECK(back == bytes);
  CHECK_RAISES(map_file_storage(path, 4500, 501), ValueError, "mmap length is greater than file size");
  ::unlink(path.c_str());
}

TEST(array_bytes_in_c_and_f_order) {
  auto bytes = iota(6);
  auto st = storage_from_bytes(bytes.data(), bytes.size());
  auto a = view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {2, 3}, {3, 1}, 0));
  CHECK(array_bytes(*a, false) == (std::vector<std::uint8_t>{0, 1, 2, 3, 4, 5}));
  CHECK(array_bytes(*a, true) == (std::vector<std::uint8_t>{0, 3, 1, 4, 2, 5}));
  auto every_other = view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {2, 2}, {3, 2}, 0));
  CHECK(array_bytes(*every_other, false) == (std::vector<std::uint8_t>{0, 2, 3, 5}));
  auto empty = view_of_storage(st, spec(Kind::NDArray, DType::UInt8, {0, 3}, {0, 0}, 0));
  CHECK(array_bytes(*empty, false).empty());
}

TEST_MAIN()
