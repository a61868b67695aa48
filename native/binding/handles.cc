#include "handles.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

namespace ssb {

namespace {

enum class SlotKind : std::uint32_t { Free = 0, Array, Capsule };

// What one handle holds. A slot is taken when the handle is made and given back
// by the external's finalizer (after GC), so a slot in use always has a live JS value.
struct Slot {
  SlotKind kind = SlotKind::Free;
  Slot* next_free = nullptr;
  ss::ArrayPtr array;      // null after release()
  ss::CapsulePtr capsule;
};

// One environment's slots (each worker thread has its own environment; a pool is
// only touched from its environment's thread, so it takes no lock). Slots live in
// chunks aligned to their size: whether an external's pointer is one of ours is
// answered from the pointer's value alone, so an external made by another addon
// is never read. Chunks are kept for reuse until the environment goes away.
class HandlePool {
 public:
  static constexpr std::uintptr_t kChunkBytes = std::uintptr_t{64} << 10;
  static constexpr std::size_t kSlotsPerChunk = kChunkBytes / sizeof(Slot);

  Slot* take(SlotKind kind) {
    if (!free_) grow();
    Slot* s = free_;
    free_ = s->next_free;
    s->next_free = nullptr;
    s->kind = kind;
    ++live_;
    return s;
  }

  // Returns a slot; deletes the pool when it was orphaned and this was its last slot.
  void give(Slot* s) {
    s->kind = SlotKind::Free;
    s->array.reset();
    s->capsule.reset();
    s->next_free = free_;
    free_ = s;
    if (--live_ == 0 && orphaned_) delete this;
  }

  // The slot of `kind` at p, or nullptr when p is not a slot of this pool in use.
  Slot* find(void* p, SlotKind kind) const {
    const auto u = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t base = u & ~(kChunkBytes - 1);
    if (!std::binary_search(chunks_.begin(), chunks_.end(), base)) return nullptr;
    const std::uintptr_t off = u - base;
    if (off % sizeof(Slot) != 0 || off / sizeof(Slot) >= kSlotsPerChunk) return nullptr;
    Slot* s = static_cast<Slot*>(p);
    return s->kind == kind ? s : nullptr;
  }

  // The environment is being torn down. Its externals' finalizers may run before
  // or after this (Node does not promise an order), so the last of the two deletes.
  void orphan() {
    orphaned_ = true;
    if (live_ == 0) delete this;
  }

 private:
  ~HandlePool() {
    for (std::uintptr_t c : chunks_) {
      Slot* slots = reinterpret_cast<Slot*>(c);
      for (std::size_t i = 0; i < kSlotsPerChunk; ++i) slots[i].~Slot();
      std::free(slots);
    }
  }

  void grow() {
    void* mem = std::aligned_alloc(kChunkBytes, kChunkBytes);
    if (!mem) throw std::bad_alloc();
    Slot* slots = static_cast<Slot*>(mem);
    for (std::size_t i = kSlotsPerChunk; i-- > 0;) {
      new (&slots[i]) Slot();
      slots[i].next_free = free_;
      free_ = &slots[i];
    }
    const auto base = reinterpret_cast<std::uintptr_t>(mem);
    chunks_.insert(std::upper_bound(chunks_.begin(), chunks_.end(), base), base);
  }

  std::vector<std::uintptr_t> chunks_;  // chunk addresses, sorted
  Slot* free_ = nullptr;
  std::size_t live_ = 0;
  bool orphaned_ = false;
};

void orphan_pool(Napi::Env, HandlePool* pool) { pool->orphan(); }

HandlePool& pool_of(Napi::Env env) { return *env.GetInstanceData<HandlePool>(); }

void finalize_slot(napi_env, void* data, void* hint) { static_cast<HandlePool*>(hint)->give(static_cast<Slot*>(data)); }

Napi::Value make_handle(Napi::Env env, Slot* s, HandlePool& pool) {
  napi_value out;
  const napi_status status = napi_create_external(env, s, &finalize_slot, &pool, &out);
  if (status != napi_ok) {
    pool.give(s);
    NAPI_THROW_IF_FAILED(env, status, Napi::Value());
  }
  return Napi::Value(env, out);
}

// The array handles the current call has unwrapped, so that wrap_result can tell whether
// the op returned one of its arguments without resolving each argument through Node a
// second time (napi_typeof + napi_get_value_external per argument: a measurable part of
// a zero-copy view). Emptied by begin_call() at the start of every exported call. An op
// can only return an argument it unwrapped, so when the list holds every unwrap of this
// call, the other arguments need no look; it may not (more than kRecorded unwraps, or a
// nested call that emptied the list), and then every argument is looked at.
struct Unwrapped {
  napi_value value;
  Slot* slot;
};
constexpr int kRecorded = 4;
// Plain data, zero-initialised: a thread-local with no constructor needs no init check on access.
struct CallArgs {
  Unwrapped unwrapped[kRecorded];
  int n;
  bool all;  // `unwrapped` holds every unwrap of the call at `depth`
  int depth;
  int call_depth;  // exported calls in progress on this thread
};
thread_local CallArgs t_args;  // one thread-local (each costs a TLS look-up in an addon)

Slot* slot_of(Napi::Value v, SlotKind kind) {
  napi_env env = v.Env();
  napi_valuetype type;
  if (napi_typeof(env, v, &type) != napi_ok || type != napi_external) return nullptr;
  void* p = nullptr;
  if (napi_get_value_external(env, v, &p) != napi_ok) return nullptr;
  return pool_of(v.Env()).find(p, kind);
}

}  // namespace

void begin_call() {
  CallArgs& c = t_args;
  c.n = 0;
  c.all = true;
  c.depth = ++c.call_depth;
}

void end_call() { --t_args.call_depth; }

void init_handles(Napi::Env env) { env.SetInstanceData<HandlePool, &orphan_pool>(new HandlePool()); }

Napi::Value NativeArray::New(Napi::Env env, ss::ArrayPtr a) {
  HandlePool& pool = pool_of(env);
  Slot* s = pool.take(SlotKind::Array);
  s->array = std::move(a);
  return make_handle(env, s, pool);
}

bool NativeArray::Is(Napi::Value v) { return slot_of(v, SlotKind::Array) != nullptr; }

Napi::Value NativeCapsule::New(Napi::Env env, ss::CapsulePtr c) {
  HandlePool& pool = pool_of(env);
  Slot* s = pool.take(SlotKind::Capsule);
  s->capsule = std::move(c);
  return make_handle(env, s, pool);
}

bool NativeCapsule::Is(Napi::Value v) { return slot_of(v, SlotKind::Capsule) != nullptr; }

bool is_array_handle(Napi::Value v) { return NativeArray::Is(v); }

ss::ArrayPtr unwrap_array(Napi::Value v, const char* name) {
  Slot* s = slot_of(v, SlotKind::Array);
  if (!s) throw Napi::TypeError::New(v.Env(), std::string(name) + " must be an engine object handle");
  if (!s->array) throw Napi::TypeError::New(v.Env(), std::string(name) + " was released (dispose() was called)");
  CallArgs& c = t_args;
  if (c.n < kRecorded) c.unwrapped[c.n++] = {v, s};
  else c.all = false;
  return s->array;
}

ss::CapsulePtr unwrap_capsule(Napi::Value v, const char* name) {
  Slot* s = slot_of(v, SlotKind::Capsule);
  if (!s) throw Napi::TypeError::New(v.Env(), std::string(name) + " must be a DLPack capsule");
  return s->capsule;
}

void release_handle(Napi::Value v) {
  if (Slot* s = slot_of(v, SlotKind::Array)) s->array.reset();
}

Napi::Value wrap_result(const Napi::CallbackInfo& info, const ss::ArrayPtr& result) {
  const CallArgs& c = t_args;
  if (c.all && c.depth == c.call_depth) {
    // Only an argument itself is given back (not a handle found inside a list argument).
    for (int k = 0; k < c.n; ++k)
      if (c.unwrapped[k].slot->array == result)
        for (std::size_t i = 0; i < info.Length(); ++i)
          if (static_cast<napi_value>(info[i]) == c.unwrapped[k].value) return info[i];
    return NativeArray::New(info.Env(), result);
  }
  for (std::size_t i = 0; i < info.Length(); ++i) {
    const napi_value raw = info[i];
    const Unwrapped* known = nullptr;
    for (int k = 0; k < c.n && !known; ++k)
      if (c.unwrapped[k].value == raw) known = &c.unwrapped[k];
    Slot* s = known ? known->slot : slot_of(info[i], SlotKind::Array);
    if (s && s->array == result) return info[i];
  }
  return NativeArray::New(info.Env(), result);
}

}  // namespace ssb
