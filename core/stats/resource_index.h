// The stats resources by index (cpus, mem, disk, gpus, ports) over model::Resources, for the
// totals and fragmentation loops; internal to core/stats.
#pragma once

#include <array>
#include <cstddef>

#include "core/model/resources.h"

namespace qctl::stats {

/// Display and JSON order of the resources everywhere in `qctl stats`.
inline constexpr std::array<const char*, 5> kResourceNames = {"cpus", "mem", "disk", "gpus",
                                                              "ports"};

/// Resource `i` (kResourceNames order) of `r`; ports as a count of port numbers.
inline double amount(const model::Resources& r, std::size_t i) {
  switch (i) {
    case 0:
      return r.cpus;
    case 1:
      return r.mem;
    case 2:
      return r.disk;
    case 3:
      return r.gpus;
    default:
      return static_cast<double>(model::range_count(r.ports));
  }
}

}  // namespace qctl::stats
