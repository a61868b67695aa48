// Copies (semantics.md §F), the NumPy <-> torch bridge (§A-C) and DLPack (§D).
#include "../core/bridge.h"
#include "../core/copy_ops.h"
#include "../core/dlpack.h"
#include "../core/elementwise.h"
#include "../core/flags.h"
#include "../core/report.h"
#include "../core/sharing.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using sst::ix;
using sst::sl;
using S = Shape;

TEST(clone_and_contiguous) {
  auto t = view_shape(sst::t_arange(6), {2, 3});
  auto tt = ss::t(t);
  CHECK_EQ(clone(tt, MemFormat::Preserve)->elem_strides(), (S{1, 3}));  // §62: dense keeps strides
  CHECK(contiguous(t, MemFormat::Contiguous) == t);                   // §63: self
  begin_report("contiguous");
  auto c = contiguous(tt, MemFormat::Contiguous);
  CHECK(current_report().copied && current_report().bytes == 24);
  CHECK_EQ(c->elem_strides(), (S{2, 1}));
  CHECK_EQ(sst::values(c), (std::vector<double>{0, 3, 1, 4, 2, 5}));
  CHECK(contiguous(t, MemFormat::Preserve) == t);  // ATen: a contiguous self is returned before the check
  CHECK_RAISES(contiguous(tt, MemFormat::Preserve), RuntimeError, "preserve memory format is unsupported by the contiguous operator");
  auto s = basic_index(view_shape(sst::t_arange(12), {3, 4}), {sl(std::nullopt, std::nullopt), sl(std::nullopt, std::nullopt, 2)});
  CHECK_EQ(clone(s, MemFormat::Preserve)->elem_strides(), (S{2, 1}));  // non-dense: infer_dense_strides
  CHECK_RAISES(clone(t, MemFormat::ChannelsLast), RuntimeError, "required rank 4 tensor to use channels_last format");
}

TEST(numpy_copy_orders) {
  auto a = reshape(sst::np_arange(6), {2, 3}, Order::C);
  auto at = transpose(a, {});
  CHECK_EQ(copy_order(at, Order::C)->byte_strides, (S{16, 8}));
  CHECK_EQ(copy_order(at, Order::K)->byte_strides, (S{8, 24}));  // keeps layout
  CHECK_EQ(copy_order(at, Order::A)->byte_strides, (S{8, 24}));
  auto r = basic_index(a, {sl(std::nullopt, std::nullopt, -1)});
  CHECK_EQ(copy_order(r, Order::K)->byte_strides, (S{24, 8}));
  CHECK(ascontiguousarray(a, std::nullopt) == a);  // §65
  auto z = ss::full(Kind::NDArray, {}, Scalar::of_float(1.5), std::nullopt);
  CHECK_EQ(ascontiguousarray(z, std::nullopt)->sizes, (S{1}));
  CHECK_EQ(asfortranarray(a, std::nullopt)->byte_strides, (S{8, 16}));
  CHECK_EQ(ravel(at, Order::K)->byte_strides, (S{8}));  // a view: dense in memory order
  CHECK(ravel(at, Order::K)->storage == a->storage);
  CHECK(ravel(at, Order::C)->storage != a->storage);
  CHECK(flatten(a, Order::C, 0, -1)->storage != a->storage);  // always copies
}

TEST(astype_and_to) {
  auto a = sst::np_arange(3);
  auto b = astype(a, DType::Int32, Order::K, true);
  CHECK_EQ(b->dtype, DType::Int32);
  CHECK_EQ(sst::values(b), (std::vector<double>{0, 1, 2}));
  CHECK(astype(a, DType::Float64, Order::K, false) == a);
  auto t = sst::t_arange(3);
  CHECK(to_dtype(t, DType::Float32, false) == t);  // §66
  auto h = to_dtype(t, DType::Float16, false);
  CHECK_EQ(sst::values(h), (std::vector<double>{0, 1, 2}));
  auto bf = to_dtype(ss::full(Kind::Tensor, {1}, Scalar::of_float(1.0 / 3), std::nullopt), DType::BFloat16, false);
  CHECK_EQ(item(*bf).to_double(), 0.333984375);  // round to nearest even in bfloat16
}

TEST(from_numpy_shares_and_checks) {
  auto a = sst::np_arange(5);
  auto a2 = basic_index(a, {sl(2, std::nullopt)});
  auto t = from_numpy(a2);
  CHECK_EQ(t->elem_offset(), 0);  // §1
  CHECK(t->data_ptr() == a2->data_ptr());
  CHECK(shares_memory(*t, *a));
  CHECK(!t->storage->resizable);
  auto at = transpose(reshape(sst::np_arange(6), {2, 3}, Order::C), {});
  CHECK_EQ(from_numpy(at)->elem_strides(), (S{1, 3}));  // §2
  CHECK_RAISES(from_numpy(basic_index(a, {sl(std::nullopt, std::nullopt, -1)})), ValueError,
               "At least one stride in the given numpy array is negative, and tensors with negative strides are not "
               "currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ");
  CHECK_RAISES(from_numpy(as_strided(a, {2}, {3}, std::nullopt)), ValueError,
               "given numpy array strides not a multiple of the element byte size. Copy the numpy array to reallocate the memory.");
  CHECK_RAISES(from_numpy(sst::t_arange(2)), TypeError, "expected np.ndarray (got Tensor)");
  begin_report("from_numpy");
  auto b = from_numpy(broadcast_to(sst::np_arange(3), {2, 3}));  // §7
  CHECK_EQ(b->elem_strides(), (S{0, 1}));
  begin_report("from_numpy");
  from_numpy(broadcast_to(sst::np_arange(3), {2, 3}));
  CHECK(current_report().warnings.empty());  // warned once per process (§6)
}

TEST(numpy_from_tensor) {
  auto t = ss::t(view_shape(sst::t_arange(6, DType::Float32), {2, 3}));
  auto a = tensor_numpy(t, false);
  CHECK_EQ(a->byte_strides, (S{4, 12}));  // §13
  CHECK(!c_contiguous(*a));
  CHECK(a->writeable && !a->owns_data);
  CHECK(a->base && a->base.get() != t.get());
  fill(a, Scalar::of_float(7));
  CHECK_EQ(sst::values(t)[0], 7.0);  // writes propagate
  auto g = sst::t_arange(2);
  g->requires_grad = true;
  CHECK_RAISES(tensor_numpy(g, false), RuntimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  CHECK(tensor_numpy(g, true)->storage->data == g->storage->data);  // force shares on the cpu (§19)
  auto bf = to_dtype(sst::t_arange(2), DType::BFloat16, false);
  CHECK_RAISES(tensor_numpy(bf, false), TypeError, "Got unsupported ScalarType BFloat16");
}

// a = t.numpy(): a.base is a hidden alias of t (same bytes and layout, not t), and a views
// those bytes through a storage record of its own that keeps t's storage alive; each of a,
// a.base and views of a keeps the bytes alive without the others.
TEST(numpy_alias_shares_and_lives) {
  auto t = basic_index(view_shape(sst::t_arange(12, DType::Float32), {3, 4}), {sl(1, std::nullopt)});
  auto a = tensor_numpy(t, false);
  auto h = a->base;
  CHECK(h && h.get() != t.get() && h->is_tensor() && !h->base);
  CHECK(h->id != t->id && h->id != a->id);
  CHECK(h->storage == t->storage);
  CHECK_EQ(h->sizes, t->sizes);
  CHECK_EQ(h->byte_strides, t->byte_strides);
  CHECK_EQ(h->byte_offset, t->byte_offset);
  CHECK(!h->owns_data && !h->requires_grad && !h->conj && !h->neg);
  CHECK(a->storage != t->storage && a->storage->id != t->storage->id);
  CHECK(a->storage->data == t->data_ptr() && a->byte_offset == 0);  // a's record starts at element 0
  CHECK_EQ(a->storage->nbytes, std::size_t{32});
  CHECK(a->storage->keepalive == t->storage);
  CHECK(!t->storage->resizable);  // §12
  CHECK(a->is_tensor() == false && a->writeable && !a->owns_data && a->byte_order == '=');
  // Two calls: two arrays, two hidden aliases, two records over the same bytes.
  auto a2 = tensor_numpy(t, false);
  CHECK(a2->base != h && a2->storage != a->storage && a2->storage->data == a->storage->data);
  // A view of a keeps the bytes once a, a.base and t are gone; so does a.base alone.
  auto v = basic_index(a, {ix(1)});
  CHECK(v->base == a);
  std::weak_ptr<Array> weak_a = a;
  std::weak_ptr<Storage> tst = t->storage;
  a.reset();
  h.reset();
  t.reset();
  a2.reset();
  CHECK(!weak_a.expired() && !tst.expired());  // v holds a, a holds the record and the alias
  CHECK_EQ(sst::values(v), (std::vector<double>{8, 9, 10, 11}));
  v.reset();
  CHECK(weak_a.expired() && tst.expired());  // everything went with the last view
  auto t2 = sst::t_arange(3);
  auto h2 = tensor_numpy(t2, false)->base;  // the array is gone; its alias is held
  std::weak_ptr<Storage> t2st = t2->storage;
  t2.reset();
  CHECK(!t2st.expired());
  CHECK_EQ(sst::values(h2), (std::vector<double>{0, 1, 2}));
  h2.reset();
  CHECK(t2st.expired());
}

TEST(as_tensor_tensor_asarray) {
  auto a = sst::np_arange(3);
  auto t = as_tensor(a, std::nullopt);
  CHECK(shares_memory(*t, *a));  // §21
  CHECK(!shares_memory(*as_tensor(a, DType::Float32), *a));
  CHECK(as_tensor(t, std::nullopt) == t);  // §22
  auto c = torch_tensor(a, std::nullopt);
  CHECK(!shares_memory(*c, *a));  // §23
  begin_report("tensor");
  torch_tensor(t, std::nullopt);
  CHECK(current_report().warnings.size() == 1);  // §24
  auto tf = sst::t_arange(2);
  CHECK_RAISES(torch_asarray(tf, DType::Float64, false), ValueError, "can't alias tensor with dtype 'Float' into dtype 'Double'.");
  CHECK(np_asarray(a, std::nullopt, std::nullopt) == a);  // §65
  auto na = np_asarray(tf, std::nullopt, std::nullopt);  // §28: shares
  CHECK(shares_memory(*na, *tf));
  begin_report("array");
  auto copied = np_array(tf, std::nullopt, true, static_cast<int>(Order::K));  // §29: copies, warns
  CHECK(!shares_memory(*copied, *tf));
  CHECK(current_report().warnings.size() == 1 && current_report().warnings[0].category == "DeprecationWarning");
  CHECK_RAISES(np_asarray(tf, std::nullopt, false), ValueError, "");  // §30
}

TEST(dlpack_rules) {
  auto t = sst::t_arange(3);
  DlpackExportOptions v1;
  v1.max_version = std::make_pair(1, 0);
  auto c = to_dlpack(t, v1);
  auto u = from_dlpack_capsule(Kind::Tensor, c);
  CHECK(shares_memory(*u, *t));
  CHECK_RAISES(from_dlpack_capsule(Kind::Tensor, c), RuntimeError,
               "from_dlpack received an invalid capsule. Note that DLTensor capsules can be consumed only once, so you might "
               "have already constructed a tensor from it once.");  // §33
  auto g = sst::t_arange(2);
  g->requires_grad = true;
  CHECK_RAISES(to_dlpack(g, v1), BufferError, "Can't export tensors that require gradient, use tensor.detach()");
  DlpackExportOptions s;
  s.stream = 1;
  CHECK_RAISES(to_dlpack(t, s), AssertionError, "stream should be None on cpu.");
  auto ro = broadcast_to(sst::np_arange(3), {2, 3});
  CHECK_RAISES(to_dlpack(ro, DlpackExportOptions{}), BufferError,
               "Cannot export readonly array since signalling readonly is unsupported by DLPack (supported by newer DLPack version).");
  CHECK(to_dlpack(ro, v1)->read_only);
  auto np = from_dlpack(Kind::NDArray, t, std::nullopt);
  CHECK(np->writeable && shares_memory(*np, *t));  // §32
  CHECK(dlpack_device(*t) == std::make_pair(1, 0));
  auto bf = to_dtype(t, DType::BFloat16, false);
  CHECK_RAISES(from_dlpack(Kind::NDArray, bf, std::nullopt), RuntimeError, "Unsupported dtype in DLTensor.");
  // size-1 dims export stride 1 (§35)
  auto e = to_dlpack(view_shape(sst::t_arange(3), {3, 1}), v1);
  CHECK_EQ(e->view->elem_strides(), (S{1, 1}));
}

TEST(shares_memory_is_exact) {
  auto a = sst::np_arange(10);
  auto even = basic_index(a, {sl(0, std::nullopt, 2)});
  auto odd = basic_index(a, {sl(1, std::nullopt, 2)});
  CHECK(may_share_memory(*even, *odd));
  CHECK(!shares_memory(*even, *odd));
  CHECK(shares_memory(*even, *basic_index(a, {sl(4, 5)})));
  CHECK(!shares_memory(*a, *sst::np_arange(10)));
  auto bytes = view_dtype(a, DType::UInt8);
  CHECK(shares_memory(*basic_index(bytes, {sl(9, 10)}), *basic_index(a, {sl(1, 2)})));
  // a dense block inside the gaps of a strided view does not share
  CHECK(!shares_memory(*basic_index(a, {sl(5, 6)}), *even));
  CHECK(shares_memory(*basic_index(a, {sl(4, 5)}), *even));
  CHECK(!shares_memory(*basic_index(bytes, {sl(40, 48)}), *even));  // bytes of element 5
  CHECK(shares_memory(*basic_index(bytes, {sl(39, 41)}), *even));    // last byte of element 4
  // overlapping windows (not nested) against a strided view
  auto win = sliding_window_view(basic_index(a, {sl(0, 4)}), {2}, std::nullopt);
  CHECK(shares_memory(*win, *even));
  CHECK(!shares_memory(*win, *basic_index(a, {sl(6, std::nullopt)})));
}

TEST_MAIN()
