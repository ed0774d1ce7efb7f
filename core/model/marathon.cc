#include "core/model/marathon.h"

#include <algorithm>
#include <regex>

namespace qctl::model {

bool App::is_hostname_unique() const {
  return std::any_of(constraints.begin(), constraints.end(), [](const Constraint& c) {
    return (c.field == "hostname" || c.field == "@hostname") && c.op == "UNIQUE";
  });
}

std::optional<MarathonTaskId> parse_marathon_task_id(const std::string& id) {
  // Marathon's own patterns (core/task/Task.scala), tried in this order.
  static const std::regex with_incarnation(R"(^(.+)\.(instance-|marathon-)([^_\.]+)[\._]([^\.]+)\.(\d+)$)");
  static const std::regex without_incarnation(R"(^(.+)\.(instance-|marathon-)([^_\.]+)[\._]([^\.]+)$)");
  static const std::regex resident_legacy(R"(^(.+)([\._])([^_\.]+)(\.)(\d+)$)");
  static const std::regex legacy(R"(^(.+)([\._])([^_\.]+)$)");
  std::smatch m;
  MarathonTaskId out;
  if (std::regex_match(id, m, with_incarnation)) {
    out.safe_app_id = m[1];
    out.instance_id = m[1].str() + "." + m[2].str() + m[3].str();
    out.incarnation = std::stoll(m[5]);
    return out;
  }
  if (std::regex_match(id, m, without_incarnation)) {
    out.safe_app_id = m[1];
    out.instance_id = m[1].str() + "." + m[2].str() + m[3].str();
    return out;
  }
  if (std::regex_match(id, m, resident_legacy)) {
    out.safe_app_id = m[1];
    out.instance_id = m[1].str() + m[2].str() + m[3].str();
    out.incarnation = std::stoll(m[5]);
    return out;
  }
  if (std::regex_match(id, m, legacy)) {
    out.safe_app_id = m[1];
    out.instance_id = id;
    return out;
  }
  return std::nullopt;
}

}  // namespace qctl::model
