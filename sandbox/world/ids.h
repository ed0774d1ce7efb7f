// Identifiers the way Mesos, Marathon and Chronos make them (UUIDs), seedable for tests.
#pragma once

#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace qctl::sandbox {

/// Random RFC 4122 version-4 UUIDs; a fixed seed gives the same sequence (tests).
class IdSource {
 public:
  explicit IdSource(std::uint64_t seed);
  /// "3f1c2a9e-8b7d-4e21-9c3a-0d5e6f7a8b9c"
  [[nodiscard]] std::string uuid();

 private:
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace qctl::sandbox
