// ss::Shape (shape.h): a std::vector-like container with inline room for six dims.
// Every operation is checked against std::vector doing the same thing, on both
// sides of the inline capacity (0-6 values inline, 7+ on the heap), including the
// cases where the argument aliases the container.
#include <numeric>
#include <utility>
#include <vector>

#include "../core/shape.h"
#include "test_harness.h"

using ss::Shape;
using Vec = std::vector<std::int64_t>;

namespace {

Vec iota(std::size_t n, std::int64_t from = 1) {
  Vec v(n);
  std::iota(v.begin(), v.end(), from);
  return v;
}

bool same(const Shape& s, const Vec& v) { return s.size() == v.size() && std::equal(s.begin(), s.end(), v.begin()); }

}  // namespace

TEST(shape_constructors_match_vector) {
  for (std::size_t n : {0, 1, 5, 6, 7, 13, 64}) {
    const Vec v = iota(n);
    CHECK(same(Shape(v.begin(), v.end()), v));
    CHECK(same(Shape(v), v));
    CHECK(same(Shape(n), Vec(n)));
    CHECK(same(Shape(n, -3), Vec(n, -3)));
    const Shape s(v);
    Shape copy(s);
    CHECK(same(copy, v));
    Shape moved(std::move(copy));
    CHECK(same(moved, v));
    CHECK(copy.empty());  // NOLINT: a moved-from Shape is empty and usable
    copy.push_back(9);
    CHECK(same(copy, Vec{9}));
    CHECK(Vec(s) == v);  // converts back to std::vector
  }
  CHECK(same(Shape({2, 0, 3}), Vec({2, 0, 3})));
  CHECK(same(Shape(3, 0), Vec(3, 0)));  // (count, value), not an iterator pair
}

TEST(shape_assignment_inline_and_heap) {
  for (std::size_t a : {0, 3, 6, 7, 20})
    for (std::size_t b : {0, 2, 6, 7, 30}) {
      const Vec va = iota(a, 100), vb = iota(b, 200);
      Shape x(va), y(vb);
      x = y;
      CHECK(same(x, vb));
      CHECK(same(y, vb));
      Shape z(va);
      z = std::move(y);
      CHECK(same(z, vb));
      CHECK(y.empty());
      z = z;  // NOLINT: self-assignment keeps the values
      CHECK(same(z, vb));
      z = va;
      CHECK(same(z, va));
      z.swap(x);
      CHECK(same(z, vb));
      CHECK(same(x, va));
    }
}

TEST(shape_growth_past_inline_capacity) {
  Shape s;
  Vec v;
  for (std::int64_t i = 0; i < 100; ++i) {
    s.push_back(i * 7);
    v.push_back(i * 7);
    CHECK(same(s, v));
  }
  // push_back of one of its own elements while it reallocates
  Shape t(iota(6));
  t.push_back(t[0]);
  CHECK(same(t, Vec{1, 2, 3, 4, 5, 6, 1}));
  t.resize(3);
  CHECK(same(t, Vec{1, 2, 3}));
  t.resize(9, 4);
  CHECK(same(t, Vec{1, 2, 3, 4, 4, 4, 4, 4, 4}));
  t.pop_back();
  CHECK_EQ(t.back(), 4);
  CHECK_EQ(t.front(), 1);
  t.clear();
  CHECK(t.empty());
  t.reserve(50);
  CHECK(t.capacity() >= 50);
  CHECK(t.empty());
}

TEST(shape_insert_erase_match_vector) {
  for (std::size_t n : {0, 3, 5, 6, 7, 12})
    for (std::size_t at = 0; at <= n; ++at) {
      Vec v = iota(n);
      Shape s(v);
      v.insert(v.begin() + at, 42);
      s.insert(s.begin() + at, 42);
      CHECK(same(s, v));
      v.insert(v.begin() + at, 3, -1);
      s.insert(s.begin() + at, 3, -1);
      CHECK(same(s, v));
      const Vec more{7, 8, 9};
      v.insert(v.begin() + at, more.begin(), more.end());
      s.insert(s.begin() + at, more.begin(), more.end());
      CHECK(same(s, v));
      v.erase(v.begin() + at);
      s.erase(s.begin() + at);
      CHECK(same(s, v));
      v.erase(v.begin(), v.begin() + at);
      s.erase(s.begin(), s.begin() + at);
      CHECK(same(s, v));
    }
  // insert a range of itself (the source moves as the gap opens)
  Shape s(iota(5));
  s.insert(s.begin() + 1, s.begin(), s.end());
  CHECK(same(s, Vec{1, 1, 2, 3, 4, 5, 2, 3, 4, 5}));
  // assign from a range of itself
  s.assign(s.begin() + 6, s.end());
  CHECK(same(s, Vec{2, 3, 4, 5}));
  // insert its own element by reference
  s.insert(s.begin(), s[3]);
  CHECK(same(s, Vec{5, 2, 3, 4, 5}));
}

TEST(shape_comparisons_and_access) {
  const Shape a{1, 2}, b{1, 2}, c{1, 2, 3}, d{1, 3};
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a < d);
  CHECK(!(a < b));
  CHECK(a == Vec({1, 2}));
  CHECK(Vec({1, 2}) == a);
  const Shape s(iota(8));
  CHECK_EQ(s.at(7), 8);
  bool threw = false;
  try {
    (void)s.at(8);
  } catch (const std::out_of_range&) {
    threw = true;
  }
  CHECK(threw);
  CHECK(Vec(s.rbegin(), s.rend()) == Vec({8, 7, 6, 5, 4, 3, 2, 1}));
  CHECK_EQ(std::accumulate(s.begin(), s.end(), std::int64_t{0}), 36);
}

TEST_MAIN()
