// ss::Shape, and the container behind it.
//
// A vector of trivially copyable values that keeps up to N of them inline and
// goes to the heap only beyond: an array's sizes and strides (ss::Shape) are
// almost always a handful of dims, and a view is made on every `a.T`, `x[1:]`,
// `t.numpy()`, so two heap blocks per view were most of a zero-copy call's time.
// It has std::vector's interface (the subset the engine uses) and converts to and
// from std::vector, so code written against either keeps working.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace ss {

template <class T, std::size_t N>
class SmallVec {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVec holds plain values only");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  SmallVec() noexcept = default;
  explicit SmallVec(size_type n) { resize(n); }
  SmallVec(size_type n, const T& v) { assign(n, v); }
  template <class It, class = typename std::iterator_traits<It>::iterator_category>
  SmallVec(It first, It last) { assign(first, last); }
  SmallVec(std::initializer_list<T> l) { assign(l.begin(), l.end()); }
  SmallVec(const std::vector<T>& v) { assign(v.begin(), v.end()); }  // NOLINT: implicit, as the std::vector it replaces
  SmallVec(const SmallVec& o) { assign(o.begin(), o.end()); }
  SmallVec(SmallVec&& o) noexcept { take(o); }
  ~SmallVec() { release(); }

  SmallVec& operator=(const SmallVec& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  SmallVec& operator=(SmallVec&& o) noexcept {
    if (this != &o) {
      release();
      take(o);
    }
    return *this;
  }
  SmallVec& operator=(std::initializer_list<T> l) {
    assign(l.begin(), l.end());
    return *this;
  }
  SmallVec& operator=(const std::vector<T>& v) {
    assign(v.begin(), v.end());
    return *this;
  }
  operator std::vector<T>() const { return std::vector<T>(begin(), end()); }  // NOLINT: implicit

  size_type size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  size_type capacity() const noexcept { return cap_; }
  T* data() noexcept { return ptr_; }
  const T* data() const noexcept { return ptr_; }

  iterator begin() noexcept { return ptr_; }
  iterator end() noexcept { return ptr_ + size_; }
  const_iterator begin() const noexcept { return ptr_; }
  const_iterator end() const noexcept { return ptr_ + size_; }
  const_iterator cbegin() const noexcept { return ptr_; }
  const_iterator cend() const noexcept { return ptr_ + size_; }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

  T& operator[](size_type i) noexcept { return ptr_[i]; }
  const T& operator[](size_type i) const noexcept { return ptr_[i]; }
  T& at(size_type i) {
    if (i >= size_) throw std::out_of_range("SmallVec::at");
    return ptr_[i];
  }
  const T& at(size_type i) const {
    if (i >= size_) throw std::out_of_range("SmallVec::at");
    return ptr_[i];
  }
  T& front() noexcept { return ptr_[0]; }
  const T& front() const noexcept { return ptr_[0]; }
  T& back() noexcept { return ptr_[size_ - 1]; }
  const T& back() const noexcept { return ptr_[size_ - 1]; }

  void reserve(size_type n) {
    if (n > cap_) grow_to(n);
  }
  void clear() noexcept { size_ = 0; }
  void resize(size_type n) { resize(n, T()); }
  void resize(size_type n, const T& v) {
    if (n > size_) {
      reserve(n);
      std::fill(ptr_ + size_, ptr_ + n, v);
    }
    size_ = n;
  }
  void assign(size_type n, const T& v) {
    size_ = 0;
    resize(n, v);
  }
  template <class It, class = typename std::iterator_traits<It>::iterator_category>
  void assign(It first, It last) {
    // The source may live in this vector (v.assign(v.begin() + 1, v.end())): copy it out first.
    std::vector<T> tmp;
    const T* src = nullptr;
    size_type n = 0;
    if constexpr (std::is_pointer_v<It>) {
      src = first;
      n = static_cast<size_type>(last - first);
      if (n > cap_ || (src >= ptr_ && src < ptr_ + cap_)) {
        tmp.assign(first, last);
        src = tmp.data();
      }
    } else {
      tmp.assign(first, last);
      src = tmp.data();
      n = tmp.size();
    }
    reserve(n);
    if (n) std::memmove(ptr_, src, n * sizeof(T));
    size_ = n;
  }
  void assign(std::initializer_list<T> l) { assign(l.begin(), l.end()); }

  void push_back(const T& v) {
    if (size_ == cap_) {
      const T copy = v;  // v may be an element of this vector
      grow_to(cap_ * 2);
      ptr_[size_++] = copy;
      return;
    }
    ptr_[size_++] = v;
  }
  template <class... A>
  T& emplace_back(A&&... a) {
    push_back(T(std::forward<A>(a)...));
    return back();
  }
  void pop_back() noexcept { --size_; }

  iterator insert(const_iterator pos, const T& v) { return insert(pos, size_type{1}, v); }
  iterator insert(const_iterator pos, size_type n, const T& v) {
    const T copy = v;
    const size_type at = static_cast<size_type>(pos - ptr_);
    make_gap(at, n);
    std::fill(ptr_ + at, ptr_ + at + n, copy);
    return ptr_ + at;
  }
  template <class It, class = typename std::iterator_traits<It>::iterator_category>
  iterator insert(const_iterator pos, It first, It last) {
    const std::vector<T> tmp(first, last);  // may alias this vector
    const size_type at = static_cast<size_type>(pos - ptr_);
    make_gap(at, tmp.size());
    if (!tmp.empty()) std::memcpy(ptr_ + at, tmp.data(), tmp.size() * sizeof(T));
    return ptr_ + at;
  }
  iterator insert(const_iterator pos, std::initializer_list<T> l) { return insert(pos, l.begin(), l.end()); }

  iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    const size_type at = static_cast<size_type>(first - ptr_);
    const size_type n = static_cast<size_type>(last - first);
    if (n) std::memmove(ptr_ + at, ptr_ + at + n, (size_ - at - n) * sizeof(T));
    size_ -= n;
    return ptr_ + at;
  }

  void swap(SmallVec& o) noexcept {
    SmallVec tmp(std::move(o));
    o = std::move(*this);
    *this = std::move(tmp);
  }

  friend bool operator==(const SmallVec& a, const SmallVec& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const SmallVec& a, const SmallVec& b) { return !(a == b); }
  friend bool operator<(const SmallVec& a, const SmallVec& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  bool on_heap() const noexcept { return ptr_ != inline_; }
  void release() noexcept {
    if (on_heap()) std::free(ptr_);
    ptr_ = inline_;
    size_ = 0;
    cap_ = N;
  }
  // Steals o's heap block, or copies its inline values; o is left empty.
  void take(SmallVec& o) noexcept {
    size_ = o.size_;
    if (o.on_heap()) {
      ptr_ = o.ptr_;
      cap_ = o.cap_;
      o.ptr_ = o.inline_;
      o.cap_ = N;
    } else {
      ptr_ = inline_;
      cap_ = N;
      if (size_) std::memcpy(inline_, o.inline_, size_ * sizeof(T));
    }
    o.size_ = 0;
  }
  void grow_to(size_type n) {
    if (n < N * 2) n = N * 2;
    if (n > static_cast<size_type>(PTRDIFF_MAX) / sizeof(T)) throw std::bad_alloc();
    T* p = static_cast<T*>(std::malloc(n * sizeof(T)));
    if (!p) throw std::bad_alloc();
    if (size_) std::memcpy(p, ptr_, size_ * sizeof(T));
    if (on_heap()) std::free(ptr_);
    ptr_ = p;
    cap_ = n;
  }
  // Opens n uninitialised slots at index `at`.
  void make_gap(size_type at, size_type n) {
    if (size_ + n > cap_) grow_to(std::max(size_ + n, cap_ * 2));
    if (n && at < size_) std::memmove(ptr_ + at + n, ptr_ + at, (size_ - at) * sizeof(T));
    size_ += n;
  }

  T* ptr_ = inline_;
  size_type size_ = 0;
  size_type cap_ = N;
  T inline_[N];
};

// Sizes, strides, positions: one value per dim. Six inline covers NCHW with room
// to spare; more dims (up to NumPy's 64) go to the heap.
using Shape = SmallVec<std::int64_t, 6>;

}  // namespace ss
