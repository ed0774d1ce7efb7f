#include "core/model/mesos.h"

#include <algorithm>

#include "core/util/strings.h"

namespace qctl::model {

std::string Attribute::str() const {
  return is_scalar ? util::format_number(scalar, 3) : text;
}

const Attribute* Agent::attribute(std::string_view name) const {
  for (const auto& a : attributes) {
    if (a.name == name) {
      return &a;
    }
  }
  return nullptr;
}

namespace {

/// "10.0.0.5:5051" from "slave(1)@10.0.0.5:5051"; empty when the pid names no address.
std::string_view pid_address(std::string_view pid) {
  const auto at = pid.find('@');
  return at == std::string_view::npos ? std::string_view() : pid.substr(at + 1);
}

}  // namespace

std::string Agent::address() const {
  const auto at = pid_address(pid);
  return at.empty() ? hostname + ":" + std::to_string(port) : std::string(at);
}

std::string Agent::ip() const {
  const auto at = pid_address(pid);
  return std::string(at.substr(0, at.rfind(':')));
}

double Task::started() const { return statuses.empty() ? 0.0 : statuses.front().timestamp; }

std::string Task::container_id() const {
  for (const auto& s : statuses) {
    if (s.container_status && !s.container_status->container_id.empty()) {
      return s.container_status->container_id;
    }
  }
  return {};
}

std::optional<bool> Task::healthy() const {
  const auto it = std::find_if(statuses.rbegin(), statuses.rend(),
                               [](const TaskStatus& s) { return s.healthy.has_value(); });
  return it == statuses.rend() ? std::nullopt : it->healthy;
}

bool is_terminal_state(std::string_view state) {
  return state == "TASK_FINISHED" || state == "TASK_FAILED" || state == "TASK_KILLED" ||
         state == "TASK_ERROR" || state == "TASK_LOST" || state == "TASK_DROPPED" ||
         state == "TASK_GONE" || state == "TASK_GONE_BY_OPERATOR";
}

}  // namespace qctl::model
