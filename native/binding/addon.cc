// Registers the engine's functions on the addon's exports. Nothing else here:
// each op family registers itself from its own file (ops_*.cc).
#include <napi.h>

#include "registry.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  ssb::register_all(env, exports);
  return exports;
}

napi_value register_module(napi_env env, napi_value exports) { return Napi::RegisterModule(env, exports, Init); }

}  // namespace

// NODE_API_MODULE(stridescope, Init), except for the Node-API version the module declares.
// Declaring the experimental version makes Node run this module's finalizers synchronously
// inside the garbage collector, instead of queueing each in a hash set to be run from a
// later setImmediate: that queue was about half of the cost of making a handle (every
// zero-copy view makes one), and it grows without bound while a long synchronous run
// (a user's loop) keeps the event loop from draining it. The only finalizers here
// (handles.cc's slot finalizer, the pool's instance-data finalizer) run plain C++ and
// call no Node-API function, which is what GC-time finalizers require.
extern "C" {
NAPI_MODULE_EXPORT int32_t node_api_module_get_api_version_v1(void) { return NAPI_VERSION_EXPERIMENTAL; }
NAPI_MODULE_EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports) { return register_module(env, exports); }
}
