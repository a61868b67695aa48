// Stand-in for the cpu backend's host allocator until it lands (see
// native/binding/sources.mjs, which builds this only when no backend file defines host_alloc).
#include <cstdlib>

#include "../../backends/cpu/strided_copy.h"

namespace ss::cpu {

void* host_alloc(std::size_t nbytes) { return std::malloc(nbytes); }
void host_free(void* ptr, std::size_t) { std::free(ptr); }

}  // namespace ss::cpu
