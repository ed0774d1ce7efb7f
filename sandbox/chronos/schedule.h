// Chronos' ISO 8601 repeating intervals ("R5/2024-06-01T00:00:00Z/PT1H"): parse, skip forward.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sandbox/chronos/iso_time.h"

namespace qctl::sandbox::chronos {

struct Schedule {
  std::int64_t repeat = -1;  // -1 = forever ("R"), 0 = never runs again
  DateTime start;
  Period period;
};

/// Iso8601Expressions.parse: `(R[0-9]*)/(.*)/(P.*)`; an empty start is `now` minus one second
/// (run at once); a non-empty `time_zone` re-reads the start's wall clock in that zone.
/// nullopt when Chronos would answer "Cannot parse schedule".
[[nodiscard]] std::optional<Schedule> parse_schedule(const std::string& text,
                                                     const std::string& time_zone, double now);

/// JobUtils.calculateSkips at 2.5 divides by the period's whole seconds: true when a period
/// without months or years has none (PT0S, PT0.5S), which 2.5 answers with a 500 once a start
/// needs skipping.
[[nodiscard]] bool period_seconds_zero(const Period& period);

/// Iso8601Expressions.create: "R5/2024-06-01T00:00:00.000Z/PT1H", "R/…" when unbounded.
[[nodiscard]] std::string format_schedule(const Schedule& s);

/// JobUtils.skipForward, applied when a scheduled job's task is launched: the start moves
/// past `now` by whole periods and a bounded repeat count drops by one (R3 → R2).
/// nullopt when the schedule does not parse (it is then left as it is).
[[nodiscard]] std::optional<std::string> skip_forward(const std::string& text,
                                                      const std::string& time_zone, double now);

}  // namespace qctl::sandbox::chronos
