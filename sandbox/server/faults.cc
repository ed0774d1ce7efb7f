// Fault specs: parsing, JSON and the live per-service state.
#include "sandbox/server/faults.h"

#include <stdexcept>

#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::sandbox::server {

namespace {

bool parse_rate(const std::string& value, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(value, &used);
    return used == value.size() && out >= 0 && out <= 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

std::optional<FaultSpec> parse_fault_spec(const std::string& text, std::string& error) {
  FaultSpec spec;
  for (const std::string& item : util::split(text, ',')) {
    auto eq = item.find('=');
    std::string key = item.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (key == "hang" && value.empty()) {
      spec.hang = true;
    } else if (key == "latency") {
      auto d = util::parse_duration(value);
      if (!d) {
        error = "latency wants a duration such as 200ms, got '" + value + "'";
        return std::nullopt;
      }
      spec.latency_ms = static_cast<double>(d->count());
    } else if (key == "errors" || key == "drop") {
      double rate = 0;
      if (!parse_rate(value, rate)) {
        error = key + " wants a rate between 0 and 1, got '" + value + "'";
        return std::nullopt;
      }
      (key == "errors" ? spec.error_rate : spec.drop_rate) = rate;
    } else {
      error = "unknown fault '" + item + "' (latency=D, errors=RATE, drop=RATE, hang)";
      return std::nullopt;
    }
  }
  return spec;
}

nlohmann::json to_json(const FaultSpec& spec) {
  return {{"latency_ms", spec.latency_ms},
          {"error_rate", spec.error_rate},
          {"drop_rate", spec.drop_rate},
          {"hang", spec.hang}};
}

FaultSpec fault_spec_from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    throw std::invalid_argument("faults must be a JSON object");
  }
  FaultSpec spec;
  try {
    spec.latency_ms = j.value("latency_ms", 0.0);
    spec.error_rate = j.value("error_rate", 0.0);
    spec.drop_rate = j.value("drop_rate", 0.0);
    spec.hang = j.value("hang", false);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("bad fault field: ") + e.what());
  }
  if (spec.latency_ms < 0 || spec.error_rate < 0 || spec.error_rate > 1 || spec.drop_rate < 0 ||
      spec.drop_rate > 1) {
    throw std::invalid_argument("latency_ms must be >= 0 and rates between 0 and 1");
  }
  return spec;
}

void Faults::set(const FaultSpec& spec) {
  {
    std::lock_guard guard(mu_);
    spec_ = spec;
  }
  cv_.notify_all();
}

FaultSpec Faults::get() const {
  std::lock_guard guard(mu_);
  return spec_;
}

void Faults::wait_while_hanging() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !spec_.hang || released_; });
}

void Faults::release_all() {
  {
    std::lock_guard guard(mu_);
    released_ = true;
  }
  cv_.notify_all();
}

}  // namespace qctl::sandbox::server
