#include "elem_types.h"

#include <cmath>

namespace ss {

float half_to_float(std::uint16_t h) {
  std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000) << 16;
  std::uint32_t exp = (h >> 10) & 0x1f;
  std::uint32_t man = h & 0x3ff;
  float f;
  if (exp == 0) {
    f = std::ldexp(static_cast<float>(man), -24);  // zero or subnormal
    return sign ? -f : f;
  }
  std::uint32_t u;
  if (exp == 31) u = sign | 0x7f800000 | (man << 13);  // inf / nan
  else u = sign | ((exp + 112) << 23) | (man << 13);
  std::memcpy(&f, &u, 4);
  return f;
}

std::uint16_t float_to_half(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  std::uint16_t sign = static_cast<std::uint16_t>((u >> 16) & 0x8000);
  std::uint32_t absu = u & 0x7fffffff;
  if (absu >= 0x7f800000) return sign | 0x7c00 | (absu > 0x7f800000 ? 0x200 : 0);  // inf / nan
  if (absu >= 0x477ff000) return sign | 0x7c00;  // rounds to >= 65520: inf
  if (absu < 0x38800000) {  // below the smallest normal half: subnormal, round to nearest even
    float a;
    std::memcpy(&a, &absu, 4);
    float scaled = a * 16777216.0f;  // 2^24: units of the smallest subnormal
    return sign | static_cast<std::uint16_t>(std::nearbyint(scaled));
  }
  std::uint32_t mant_odd = (absu >> 13) & 1;
  absu += 0xfff + mant_odd;  // round to nearest even on the 13 dropped bits
  return sign | static_cast<std::uint16_t>(((absu - (112u << 23)) >> 13) & 0x7fff);
}

std::uint16_t float_to_bf16(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  if ((u & 0x7fffffff) > 0x7f800000) return static_cast<std::uint16_t>((u >> 16) | 0x40);  // quiet NaN
  u += 0x7fff + ((u >> 16) & 1);
  return static_cast<std::uint16_t>(u >> 16);
}

}  // namespace ss
