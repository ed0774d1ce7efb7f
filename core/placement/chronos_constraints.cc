// Chronos's constraints (scheduler/jobs/constraints/*.scala, mesos/ConstraintChecker.scala).
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/placement/detail.h"

namespace qctl::placement::detail {
namespace {

// ConstraintChecker adds a TEXT attribute "hostname" when the agent has none of that name.
std::vector<model::Attribute> chronos_attributes(const Subject& s, const std::string& field) {
  std::vector<model::Attribute> out;
  bool has_hostname = false;
  for (const auto& a : s.attributes) {
    has_hostname = has_hostname || a.name == "hostname";
    if (a.name == field) {
      out.push_back(a);
    }
  }
  if (field == "hostname" && !has_hostname) {
    out.push_back(model::Attribute{"hostname", false, 0, s.hostname});
  }
  return out;
}

// LikeConstraint/UnlikeConstraint on the first attribute of the name: TEXT and SCALAR
// (as Java prints the double) match in full, a SET when any item does, RANGES never.
std::optional<bool> chronos_like(const Rule& r, const model::Attribute& a) {
  switch (kind_of(a)) {
    case Kind::kScalar:
      return r.regex_full_match(java_double_string(a.scalar));
    case Kind::kText:
      return r.regex_full_match(a.text);
    case Kind::kSet:
      for (const auto& item : set_items(a.text)) {
        if (r.regex_full_match(item)) {
          return true;
        }
      }
      return false;
    case Kind::kRanges:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Rule> compile_chronos(const model::Constraint& c) {
  // JobDeserializer keeps EQUALS, LIKE and UNLIKE and silently drops any other operator
  // (`case _ =>`), so e.g. a Marathon-style UNIQUE on a Chronos job constrains nothing.
  Rule r;
  r.c = c;
  if (c.op == "EQUALS") {
    r.op = Op::kEquals;
    return r;
  }
  if (c.op != "LIKE" && c.op != "UNLIKE") {
    return std::nullopt;
  }
  r.op = c.op == "LIKE" ? Op::kLike : Op::kUnlike;
  try {
    r.regex.emplace(c.value, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error&) {
    // Chronos rejects such a job when it parses it; here it simply never matches.
    r.regex.reset();
  }
  return r;
}

std::optional<Violation> check_chronos(const Rule& r, const Subject& agent) {
  const auto attrs = chronos_attributes(agent, r.c.field);
  if (attrs.empty()) {
    // Both LIKE and UNLIKE use `find(...).exists`, so a missing attribute fails either.
    return fail(r, "agent has no " + r.c.field);
  }
  if (r.op == Op::kEquals) {
    // EqualsConstraint compares getText.getValue, which is "" for non-TEXT attributes.
    for (const auto& a : attrs) {
      if ((kind_of(a) == Kind::kText ? a.text : std::string()) == r.c.value) {
        return std::nullopt;
      }
    }
    return fail(r, r.c.field + "=" + attrs.front().str());
  }
  const model::Attribute& a = attrs.front();
  if (!r.regex) {
    return fail(r, "invalid regular expression");
  }
  const auto matched = chronos_like(r, a);
  if (!matched) {
    return fail(r, r.c.field + " is a range attribute, which Chronos never matches");
  }
  const std::string shown =
      r.c.field + "=" + (kind_of(a) == Kind::kScalar ? java_double_string(a.scalar) : a.text);
  if (r.op == Op::kLike && !*matched) {
    return fail(r, shown + " does not match");
  }
  if (r.op == Op::kUnlike && *matched) {
    return fail(r, shown + " matches");
  }
  return std::nullopt;
}

std::string java_double_string(double v) {
  if (std::isnan(v)) {
    return "NaN";
  }
  if (std::isinf(v)) {
    return v > 0 ? "Infinity" : "-Infinity";
  }
  if (v == 0) {
    return std::signbit(v) ? "-0.0" : "0.0";
  }
  // Shortest round-trip digits, then Java's layout: plain between 1e-3 and 1e7 with at
  // least one decimal ("3.0"), otherwise "d.dddE<exp>" ("1.0E7").
  std::array<char, 64> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v),
                                 std::chars_format::scientific);
  const std::string sci(buf.data(), res.ptr);
  const auto e_pos = sci.find('e');
  std::string digits = sci.substr(0, e_pos);
  if (digits.size() > 1) {
    digits.erase(1, 1);  // drop the '.'
  }
  const int exp = std::stoi(sci.substr(e_pos + 1));
  std::string out = v < 0 ? "-" : "";
  const double mag = std::fabs(v);
  if (mag >= 1e-3 && mag < 1e7) {
    const int point = exp + 1;  // digits before the decimal point
    const auto n = static_cast<int>(digits.size());
    if (point <= 0) {
      return out + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    }
    if (point >= n) {
      return out + digits + std::string(static_cast<std::size_t>(point - n), '0') + ".0";
    }
    const auto p = static_cast<std::size_t>(point);
    return out + digits.substr(0, p) + "." + digits.substr(p);
  }
  const std::string rest = digits.size() > 1 ? digits.substr(1) : "0";
  return out + digits.substr(0, 1) + "." + rest + "E" + std::to_string(exp);
}

}  // namespace qctl::placement::detail
