// Marathon's constraint operators, as mesosphere/mesos/Constraints.scala (v1.9) checks them.
#include <algorithm>
#include <charconv>
#include <climits>
#include <optional>
#include <string>
#include <vector>

#include "core/model/resources.h"
#include "core/placement/detail.h"
#include "core/util/strings.h"

namespace qctl::placement::detail {
namespace {

// Java's Integer.parseInt: optional sign, decimal digits, 32-bit range.
std::optional<long long> java_int(const std::string& s) {
  std::size_t start = (!s.empty() && s[0] == '+') ? 1 : 0;
  if (start == 1 && s.size() > 1 && s[1] == '-') {
    return std::nullopt;
  }
  long long v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data() + start, end, v);
  if (ec != std::errc{} || ptr != end || start == s.size() || v < INT_MIN || v > INT_MAX) {
    return std::nullopt;
  }
  return v;
}

// Constraints.MesosScalarValue: "([0-9]+(?:\\.[0-9]+)?)", matched in full.
bool is_scalar_text(const std::string& s) {
  const auto dot = s.find('.');
  const auto digits = [](std::string_view d) {
    return !d.empty() &&
           std::all_of(d.begin(), d.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (dot == std::string::npos) {
    return digits(s);
  }
  return digits(std::string_view(s).substr(0, dot)) && digits(std::string_view(s).substr(dot + 1));
}

Op marathon_op(const std::string& op) {
  static const std::vector<std::pair<std::string, Op>> kOps = {
      {"UNIQUE", Op::kUnique}, {"CLUSTER", Op::kCluster}, {"GROUP_BY", Op::kGroupBy},
      {"LIKE", Op::kLike},     {"UNLIKE", Op::kUnlike},   {"MAX_PER", Op::kMaxPer},
      {"IS", Op::kIs}};
  for (const auto& [name, value] : kOps) {
    if (name == op) {
      return value;
    }
  }
  return Op::kUnknown;
}

std::size_t count_of(const Rule& r, const std::string& value) {
  auto it = r.counts.find(value);
  return it == r.counts.end() ? 0 : it->second;
}

std::optional<Violation> check_regex(const Rule& r, const std::string& shown,
                                     const std::string& value) {
  // Marathon's checkLike/checkUnlike refuse an empty pattern for both operators.
  if (r.c.value.empty()) {
    return fail(r, "needs a regular expression");
  }
  if (!r.regex) {
    return fail(r, "invalid regular expression");
  }
  const bool matched = r.regex_full_match(value);
  if (r.op == Op::kLike && !matched) {
    return fail(r, shown + " does not match");
  }
  if (r.op == Op::kUnlike && matched) {
    return fail(r, shown + " matches");
  }
  return std::nullopt;
}

std::optional<Violation> check_group_by(const Rule& r, const std::string& shown,
                                        const std::string& value) {
  // checkGroupBy (v1.9): a value with no instance yet is always welcome; a used one only
  // when at least `minimum` groups exist and it is (one of) the smallest.
  auto it = r.counts.find(value);
  if (it == r.counts.end()) {
    return std::nullopt;
  }
  const std::size_t smallest = r.sizes.empty() ? 0 : r.sizes.begin()->first;
  const auto groups = static_cast<long long>(r.counts.size());
  if (groups >= r.number && it->second == smallest) {
    return std::nullopt;
  }
  if (groups < r.number) {
    return fail(r,
                shown + " already used, " + std::to_string(groups) + " of " +
                    std::to_string(r.number) + " groups in use",
                false);
  }
  return fail(r,
              shown + " has " + std::to_string(it->second) + ", smallest group has " +
                  std::to_string(smallest),
              false);
}

std::optional<Violation> check_cluster(const Rule& r, const std::string& shown,
                                       const std::string& value) {
  if (!r.c.value.empty()) {
    return value == r.c.value ? std::nullopt : fail(r, shown);
  }
  // Without a value the first instance pins the value for all others.
  if (!r.first || *r.first == value) {
    return std::nullopt;
  }
  if (!r.first->has_value()) {
    return fail(r, "the first instance has no " + r.c.field);
  }
  return fail(r, "pinned to " + r.c.field + "=" + **r.first + " by the first instance");
}

}  // namespace

std::optional<std::string> marathon_field(const std::string& field, const Subject& s) {
  const auto optional_text = [](const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  if (field == "hostname" || field == "@hostname") {
    return optional_text(s.hostname);
  }
  if (field == "@region") {
    return optional_text(s.region);
  }
  if (field == "@zone") {
    return optional_text(s.zone);
  }
  for (const auto& a : s.attributes) {
    if (a.name == field) {
      return marathon_value_text(a);
    }
  }
  return std::nullopt;
}

Rule compile_marathon(const model::Constraint& c) {
  Rule r;
  r.c = c;
  r.op = marathon_op(c.op);
  if ((r.op == Op::kLike || r.op == Op::kUnlike) && !c.value.empty()) {
    try {
      r.regex.emplace(c.value, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error&) {
      r.regex.reset();
    }
  }
  if (r.op == Op::kGroupBy) {
    // getIntValue: "inf" = unbounded, anything unparsable = the default 0.
    const auto n = c.value == "inf" ? std::optional<long long>(INT_MAX) : java_int(c.value);
    r.number = std::max(0LL, n.value_or(0));
  }
  if (r.op == Op::kMaxPer) {
    const auto n = java_int(c.value);
    r.number_ok = n.has_value();
    r.number = n.value_or(0);
  }
  if (r.op == Op::kIs) {
    // A numeric value compares in Marathon's scalar text ("3.0" -> "3"), else verbatim.
    r.is_value = c.value;
    double d = 0;
    const char* end = c.value.data() + c.value.size();
    if (is_scalar_text(c.value) && std::from_chars(c.value.data(), end, d).ec == std::errc{}) {
      r.is_value = util::format_number(d, 3);
    }
  }
  return r;
}

std::optional<Violation> check_marathon(const Rule& r, const Subject& agent) {
  const auto value = marathon_field(r.c.field, agent);
  if (!value) {
    // checkConstraint: only UNLIKE accepts an agent that lacks the field.
    if (r.op == Op::kUnlike) {
      return std::nullopt;
    }
    return fail(r, "agent has no " + r.c.field);
  }
  const bool on_host = r.c.field == "hostname" || r.c.field == "@hostname";
  const std::string shown = r.c.field + "=" + *value;
  switch (r.op) {
    case Op::kLike:
    case Op::kUnlike:
      return check_regex(r, shown, *value);
    case Op::kUnique:
      if (count_of(r, *value) == 0) {
        return std::nullopt;
      }
      return fail(r, on_host ? "already on this host" : "an instance already has " + shown);
    case Op::kGroupBy:
      return check_group_by(r, shown, *value);
    case Op::kMaxPer: {
      if (!r.number_ok) {
        return fail(r, "MAX_PER needs an integer value");
      }
      // checkMaxPer: a value without instances passes whatever the limit.
      const std::size_t n = count_of(r, *value);
      if (n == 0 || static_cast<long long>(n) < r.number) {
        return std::nullopt;
      }
      return fail(r, shown + " already has " + std::to_string(n));
    }
    case Op::kCluster:
      return check_cluster(r, shown, *value);
    case Op::kIs:
      return *value == r.is_value ? std::nullopt : fail(r, shown);
    case Op::kEquals:
    case Op::kUnknown:
      break;
  }
  return fail(r, "unknown operator");
}

}  // namespace qctl::placement::detail
