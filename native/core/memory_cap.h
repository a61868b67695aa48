// The user's memory cap per device. Every storage the engine allocates (not views,
// aliases or file mappings) is charged to the calling thread's account, per device,
// before its bytes are allocated; a charge that would take the device past its cap
// is refused, and the caller raises its library's own out-of-memory error. Each
// program thread (an app session's worker, the CLI's run thread) has its own
// account, so one program's cap never refuses another's allocations. A storage
// freed on another thread gives its bytes back to the account that paid for them.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "device.h"

namespace ss {

// The default cap of every device: half of the machine's RAM (MemTotal).
std::uint64_t default_memory_cap();
// The machine's RAM and what it can still give (/proc/meminfo; 0 when unknown).
std::uint64_t total_ram();
std::uint64_t available_ram();

// Sets the calling thread's cap for every device of `type` (bytes; 0 restores the default).
void set_memory_cap(DeviceType type, std::uint64_t bytes);
std::uint64_t memory_cap(DeviceType type);

struct DeviceMemory {
  Device device;
  std::uint64_t live = 0;  // bytes of the storages charged to this thread's account
  std::uint64_t cap = 0;
};
// The calling thread's account: the cpu, every cuda device the backend in use has,
// and any other device that still holds charged bytes.
std::vector<DeviceMemory> memory_usage();
// Live bytes charged on `device` by the calling thread.
std::uint64_t live_memory(const Device& device);

// A reservation of bytes on one device, returned to its account when the last
// owner (the Storage) lets it go.
struct MemoryCharge;
using MemoryChargePtr = std::shared_ptr<MemoryCharge>;
// Charges `nbytes` on `device` to the calling thread's account; nullptr (nothing
// charged) when live + nbytes would pass the device's cap.
MemoryChargePtr charge_memory(const Device& device, std::uint64_t nbytes);

}  // namespace ss
