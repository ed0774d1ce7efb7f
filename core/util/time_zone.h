// Time zones as java.util.TimeZone reads them (fixed offsets, Java's "GMT+8" ids and tz
// database files): what Chronos applies to a job's scheduleTimeZone, for qctl's next-run
// times and the sandbox's Joda-Time emulation alike.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace qctl::util {

/// A time zone: a fixed offset or a tz database zone (read from /usr/share/zoneinfo).
class Zone {
 public:
  Zone() = default;  // UTC
  [[nodiscard]] static Zone fixed(int offset_seconds);
  /// java.util.TimeZone.getTimeZone semantics: "UTC", "GMT+8", "Asia/Shanghai"; an unknown
  /// name silently gives GMT, as Java does.
  [[nodiscard]] static Zone named(const std::string& name);

  /// Offset from UTC in seconds at an instant.
  [[nodiscard]] int offset_at(std::int64_t utc_ms) const;
  /// The instant whose wall clock in this zone reads `local_ms` (ms since the local epoch).
  [[nodiscard]] std::int64_t to_utc(std::int64_t local_ms) const;

 private:
  struct Table {
    std::vector<std::int64_t> at;  // transition instants, UTC seconds
    std::vector<int> offset;       // offset in force from each transition on
    int initial = 0;
  };
  int fixed_ = 0;
  std::shared_ptr<const Table> table_;  // null = fixed offset
};

}  // namespace qctl::util
