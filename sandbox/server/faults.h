// Fault injection per service: latency, 5xx rates, hangs and dropped connections.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace qctl::sandbox::server {

/// What one service does wrong on purpose. Rates are probabilities per request (0..1).
struct FaultSpec {
  double latency_ms = 0;
  double error_rate = 0;  // answer 503 with the service's usual error shape
  double drop_rate = 0;   // send headers, then close the connection mid-body
  bool hang = false;      // hold every request until the fault is cleared or the server stops
  bool operator==(const FaultSpec&) const = default;
};

/// Parses "latency=200ms,errors=0.1,drop=0.05,hang" (flag syntax); nullopt with `error` set
/// when malformed.
[[nodiscard]] std::optional<FaultSpec> parse_fault_spec(const std::string& text, std::string& error);
[[nodiscard]] nlohmann::json to_json(const FaultSpec& spec);
/// Reads {"latency_ms":…, "error_rate":…, "drop_rate":…, "hang":…}; throws std::invalid_argument.
[[nodiscard]] FaultSpec fault_spec_from_json(const nlohmann::json& j);

/// The live faults of one service, shared by its servers and changed by the admin API.
class Faults {
 public:
  void set(const FaultSpec& spec);
  [[nodiscard]] FaultSpec get() const;
  /// Blocks while `hang` is set, until it is cleared or release_all() is called.
  void wait_while_hanging();
  /// Wakes every hanging request for good (shutdown).
  void release_all();

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  FaultSpec spec_;
  bool released_ = false;
};

}  // namespace qctl::sandbox::server
