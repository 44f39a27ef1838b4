// Seeds from the operating system, for libraries whose own generator is default-seeded.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

namespace fhebench {

// N words from std::random_device (the OS's entropy source on Linux).
template <size_t N>
std::array<uint32_t, N> os_random_words() {
  std::random_device rd;
  std::array<uint32_t, N> words;
  for (auto& w : words) w = rd();
  return words;
}

}  // namespace fhebench
