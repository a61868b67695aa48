// PyTorch's conjugate bit: torch.conj is a lazy view (UnaryOps.cpp conj/_conj), reads and
// copies resolve it (ConjugateFallback.cpp; copy_ conjugates when the bits differ), writes
// through it store the conjugate, and numpy()/__dlpack__ refuse it (semantics.md §16, §19, §34).
#include <complex>
#include <cstring>

#include "../core/allocation.h"
#include "../core/bridge.h"
#include "../core/copy_ops.h"
#include "../core/dlpack.h"
#include "../core/elementwise.h"
#include "../core/reduce.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using C = std::complex<double>;

namespace {

// [1+2j, 3-4j, 5+6j] as a tensor of dtype dt.
ArrayPtr sample(DType dt = DType::Complex64) {
  auto t = new_array(Kind::Tensor, dt, {3});
  const C vals[] = {{1, 2}, {3, -4}, {5, 6}};
  for (int i = 0; i < 3; ++i) {
    Scalar s;
    s.type = Scalar::Type::Complex;
    s.re = vals[i].real();
    s.im = vals[i].imag();
    store_scalar(Kind::Tensor, dt, s, t->data_ptr() + i * static_cast<std::int64_t>(t->itemsize()));
  }
  return t;
}

std::vector<C> cvalues(const ArrayPtr& a) {
  std::vector<C> out;
  for (std::int64_t i = 0; i < a->numel(); ++i) out.push_back(item(*basic_index(a, {sst::ix(i)})).to_complex());
  return out;
}

// The bytes as stored, ignoring the bit.
std::vector<C> stored(const ArrayPtr& a) {
  Array plain = *a;
  plain.conj = false;
  return cvalues(std::make_shared<Array>(plain));
}

Scalar cscalar(double re, double im) {
  Scalar s;
  s.type = Scalar::Type::Complex;
  s.re = re;
  s.im = im;
  return s;
}

}  // namespace

TEST(conj_is_a_view_with_the_bit) {
  auto t = sample();
  auto c = conj_view(t);
  CHECK(c != t && c->conj && !t->conj);
  CHECK(c->storage == t->storage && c->byte_strides == t->byte_strides && c->byte_offset == t->byte_offset);
  CHECK_EQ(cvalues(c), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
  CHECK_EQ(stored(c), cvalues(t));  // lazy: memory untouched
  auto cc = conj_view(c);           // _conj flips the bit back
  CHECK(!cc->conj && cc->storage == t->storage);
  auto f = sst::t_arange(3);  // non-complex: self
  CHECK(conj_view(f) == f && conj_physical(f) == f && resolve_conj(f) == f);
  CHECK(resolve_conj(t) == t);
  // Views of a conj view keep the bit.
  auto s = basic_index(c, {sst::sl(1, std::nullopt)});
  CHECK(s->conj);
  CHECK_EQ(cvalues(s), (std::vector<C>{{3, 4}, {5, -6}}));
}

TEST(resolve_clone_and_conj_physical) {
  auto t = sample(DType::Complex128);
  auto c = conj_view(t);
  auto r = resolve_conj(c);
  CHECK(!r->conj && r->storage != t->storage);
  CHECK_EQ(stored(r), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
  // clone is not a fallthrough of the Conjugate key and empty_like clears the bit.
  auto k = clone(c, MemFormat::Preserve);
  CHECK(!k->conj);
  CHECK_EQ(stored(k), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
  CHECK(contiguous(c, MemFormat::Contiguous) == c);  // already contiguous: self, bit kept
  auto p = conj_physical(t);
  CHECK(!p->conj && p->storage != t->storage);
  CHECK_EQ(stored(p), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
  auto pc = conj_physical(c);  // _conj_physical of a conj view: self.conj().clone()
  CHECK(!pc->conj);
  CHECK_EQ(stored(pc), cvalues(t));
  auto d = to_dtype(c, DType::Complex64, false);
  CHECK(!d->conj);
  CHECK_EQ(stored(d), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
}

TEST(reads_resolve_the_bit) {
  auto t = sample();
  auto c = conj_view(t);
  Operand oc{c.get(), {}}, ot{t.get(), {}};
  auto prod = binary(BinOp::Mul, oc, ot);  // |z|^2
  CHECK(!prod->conj);
  CHECK_EQ(cvalues(prod), (std::vector<C>{{5, 0}, {25, 0}, {61, 0}}));
  auto sum = reduce(c, ReduceOp::Sum, std::nullopt, false, std::nullopt);
  CHECK_EQ(cvalues(reshape(sum, {1}, Order::C)), (std::vector<C>{{9, -4}}));
  auto w = read_values(*c, {0}, {3});
  float f[6];
  std::memcpy(f, w.bytes.data(), sizeof f);
  CHECK(f[0] == 1 && f[1] == -2 && f[2] == 3 && f[3] == 4 && f[4] == 5 && f[5] == -6);
}

TEST(writes_store_the_conjugate) {
  auto t = sample();
  auto c = conj_view(t);
  assign(basic_index(c, {sst::ix(0)}), Operand{nullptr, cscalar(7, 8)});
  CHECK_EQ(cvalues(t)[0], (C{7, -8}));
  fill(basic_index(c, {sst::ix(1)}), cscalar(1, 1));
  CHECK_EQ(cvalues(t)[1], (C{1, -1}));
  inplace(BinOp::Add, c, Operand{nullptr, cscalar(0, 1)});  // c += 1j
  CHECK_EQ(cvalues(c), (std::vector<C>{{7, 9}, {1, 2}, {5, -5}}));
  CHECK_EQ(cvalues(t), (std::vector<C>{{7, -9}, {1, -2}, {5, 5}}));
  auto src = sample();
  Operand os{src.get(), {}};
  assign(c, os);  // c[:] = src
  CHECK_EQ(cvalues(c), cvalues(src));
  CHECK_EQ(cvalues(t), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
}

TEST(numpy_and_dlpack_refuse_the_bit) {
  auto c = conj_view(sample());
  CHECK_RAISES(tensor_numpy(c, false), RuntimeError,
               "Can't call numpy() on Tensor that has conjugate bit set. Use tensor.resolve_conj().numpy() instead.");
  auto a = tensor_numpy(c, true);  // §19: resolve_conj() copies
  CHECK(!a->is_tensor() && a->storage != c->storage);
  CHECK_EQ(cvalues(a), (std::vector<C>{{1, -2}, {3, 4}, {5, -6}}));
  DlpackExportOptions o;
  o.max_version = std::make_pair(1, 0);
  CHECK_RAISES(to_dlpack(c, o), BufferError, "Can't export tensors with the conjugate bit set");
  CHECK(to_dlpack(resolve_conj(c), o) != nullptr);
}

TEST_MAIN()
