#include "memory_cap.h"

#include <fstream>
#include <map>
#include <mutex>
#include <string>

#include "device_backend.h"

namespace ss {

namespace {

// A /proc/meminfo field in bytes, or 0 when unknown.
std::uint64_t meminfo(const std::string& field) {
  std::ifstream f("/proc/meminfo");
  std::string key, unit;
  std::uint64_t kb = 0;
  while (f >> key >> kb >> unit) {
    if (key == field) return kb * 1024;
  }
  return 0;
}

// Device as a map key: cpu is (0, 0), cuda:N is (1, N).
using DeviceKey = std::pair<int, int>;
DeviceKey key_of(const Device& d) { return {d.is_cpu() ? 0 : 1, d.is_cpu() ? 0 : d.index}; }
Device device_of(const DeviceKey& k) { return k.first == 0 ? Device{} : Device{DeviceType::CUDA, k.second}; }

struct Account {
  std::mutex mu;  // storages may be freed on another thread
  std::map<DeviceKey, std::uint64_t> live;
  std::uint64_t cap[2] = {0, 0};  // per DeviceType; 0: the default
};

std::shared_ptr<Account>& thread_account() {
  thread_local std::shared_ptr<Account> account = std::make_shared<Account>();
  return account;
}

std::uint64_t cap_of(const Account& a, DeviceType type) {
  const std::uint64_t c = a.cap[type == DeviceType::CPU ? 0 : 1];
  return c ? c : default_memory_cap();
}

}  // namespace

struct MemoryCharge {
  std::shared_ptr<Account> account;
  DeviceKey device;
  std::uint64_t nbytes;
  ~MemoryCharge() {
    std::lock_guard<std::mutex> lock(account->mu);
    account->live[device] -= nbytes;
  }
};

std::uint64_t total_ram() { return meminfo("MemTotal:"); }
std::uint64_t available_ram() { return meminfo("MemAvailable:"); }

std::uint64_t default_memory_cap() {
  static const std::uint64_t half = [] {
    const std::uint64_t total = total_ram();
    return total ? total / 2 : std::uint64_t{8} << 30;  // unknown RAM: 8 GiB
  }();
  return half;
}

void set_memory_cap(DeviceType type, std::uint64_t bytes) {
  Account& a = *thread_account();
  std::lock_guard<std::mutex> lock(a.mu);
  a.cap[type == DeviceType::CPU ? 0 : 1] = bytes;
}

std::uint64_t memory_cap(DeviceType type) {
  Account& a = *thread_account();
  std::lock_guard<std::mutex> lock(a.mu);
  return cap_of(a, type);
}

std::uint64_t live_memory(const Device& device) {
  Account& a = *thread_account();
  std::lock_guard<std::mutex> lock(a.mu);
  auto it = a.live.find(key_of(device));
  return it == a.live.end() ? 0 : it->second;
}

std::vector<DeviceMemory> memory_usage() {
  Account& a = *thread_account();
  std::map<DeviceKey, std::uint64_t> live;
  {
    std::lock_guard<std::mutex> lock(a.mu);
    live = a.live;
  }
  live.emplace(DeviceKey{0, 0}, 0);
  for (int i = 0, n = cuda_device_count(); i < n; ++i) live.emplace(DeviceKey{1, i}, 0);
  std::vector<DeviceMemory> out;
  for (const auto& [k, bytes] : live) {
    const Device d = device_of(k);
    if (!bytes && !d.is_cpu() && d.index >= cuda_device_count()) continue;  // a device no longer there, empty
    std::lock_guard<std::mutex> lock(a.mu);
    out.push_back({d, bytes, cap_of(a, d.type)});
  }
  return out;
}

MemoryChargePtr charge_memory(const Device& device, std::uint64_t nbytes) {
  const std::shared_ptr<Account>& account = thread_account();
  const DeviceKey k = key_of(device);
  std::lock_guard<std::mutex> lock(account->mu);
  std::uint64_t& live = account->live[k];
  const std::uint64_t cap = cap_of(*account, device.type);
  if (nbytes > cap || live > cap - nbytes) return nullptr;
  live += nbytes;
  auto charge = std::make_shared<MemoryCharge>();
  charge->account = account;
  charge->device = k;
  charge->nbytes = nbytes;
  return charge;
}

}  // namespace ss
