// Nagios plugin states and the exit codes monitoring systems read from them.
#pragma once

namespace qctl::health {

/// Nagios plugin return codes: the process exit code of `qctl health` is the value.
enum class Status : int { kOk = 0, kWarning = 1, kCritical = 2, kUnknown = 3 };

/// "OK", "WARNING", "CRITICAL", "UNKNOWN".
[[nodiscard]] const char* status_name(Status s);

/// Nagios severity order: OK < WARNING < UNKNOWN < CRITICAL (a known failure outranks an
/// unknown state, as check_multi and Icinga's worst-state rule do).
[[nodiscard]] int severity(Status s);

/// The more severe of the two.
[[nodiscard]] Status worst(Status a, Status b);

}  // namespace qctl::health
