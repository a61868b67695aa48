// Registers the engine's functions on the addon's exports. Nothing else here:
// each op family registers itself from its own file (ops_*.cc).
#include <napi.h>

#include "registry.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  ssb::register_all(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(stridescope, Init)
