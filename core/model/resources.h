// Resource quantities as Mesos reports them: scalars in MB/cores, ports as ranges.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qctl::model {

struct Range {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;  // inclusive
  bool operator==(const Range&) const = default;
};

/// Parses "[31000-32000, 33000-33005]" (Mesos' text for RANGES); nullopt when malformed.
[[nodiscard]] std::optional<std::vector<Range>> parse_ranges(std::string_view text);
/// The Mesos text form of ranges, "[31000-32000]"; "" for none.
[[nodiscard]] std::string format_ranges(const std::vector<Range>& ranges);
/// How many values the ranges hold (e.g. free ports).
[[nodiscard]] std::uint64_t range_count(const std::vector<Range>& ranges);
/// Values in `ranges` that are not in `used` (e.g. free ports), as sorted ranges.
[[nodiscard]] std::vector<Range> subtract_ranges(std::vector<Range> ranges,
                                                 std::vector<Range> used);

/// One "resources object" (§2.1 of the Mesos reference): cpus, gpus, mem, disk always,
/// ports as ranges, every other scalar (including `*_revocable`) by name.
struct Resources {
  double cpus = 0;
  double mem = 0;   // MB
  double disk = 0;  // MB
  double gpus = 0;
  std::vector<Range> ports;
  std::map<std::string, double> scalars;      // other scalars, e.g. "cpus_revocable"
  std::map<std::string, std::string> others;  // other RANGES/SET values as Mesos text

  /// Looks up any scalar by name ("cpus", "mem", "cpus_revocable", …); 0 when absent.
  [[nodiscard]] double scalar(std::string_view name) const;
  Resources& operator+=(const Resources& o);  // scalars add; ports are not merged
  bool operator==(const Resources&) const = default;
};

/// Mesos keeps scalars in fixed point with three decimals; compare after rounding.
[[nodiscard]] double round3(double v);

}  // namespace qctl::model
