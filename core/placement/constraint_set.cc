// A demand's constraints compiled once, with per-value instance counts kept up to date.
#include <algorithm>
#include <string>
#include <vector>

#include "core/model/resources.h"
#include "core/placement/detail.h"
#include "core/util/strings.h"

namespace qctl::placement::detail {

std::string Rule::label() const {
  std::string out = c.field + ":" + c.op;
  if (!c.value.empty()) {
    out += ":" + c.value;
  }
  return out;
}

bool Rule::regex_full_match(const std::string& value) const {
  if (!regex) {
    return false;
  }
  // Agents share attribute values (racks, zones): match each distinct value once.
  auto it = matches.find(value);
  if (it != matches.end()) {
    return it->second;
  }
  const bool m = std::regex_match(value, *regex);
  matches.emplace(value, m);
  return m;
}

std::optional<Violation> fail(const Rule& r, const std::string& why, bool permanent) {
  return Violation{"constraint " + r.label() + " (" + why + ")", permanent};
}

Kind kind_of(const model::Attribute& a) {
  if (a.is_scalar) {
    return Kind::kScalar;
  }
  if (!a.text.empty() && a.text.front() == '[' && a.text.back() == ']') {
    return Kind::kRanges;
  }
  if (!a.text.empty() && a.text.front() == '{' && a.text.back() == '}') {
    return Kind::kSet;
  }
  return Kind::kText;
}

std::vector<std::string> set_items(const std::string& text) {
  std::vector<std::string> out;
  if (text.size() < 2) {
    return out;
  }
  for (const auto& item : util::split(std::string_view(text).substr(1, text.size() - 2), ',')) {
    const auto trimmed = util::trim(item);
    if (!trimmed.empty()) {
      out.emplace_back(trimmed);
    }
  }
  return out;
}

std::string marathon_value_text(const model::Attribute& a) {
  // getValueString: scalars as "0.###", ranges "[b-e,b-e]" and sets "{a,b}" sorted and
  // without the spaces Mesos' own text has.
  switch (kind_of(a)) {
    case Kind::kScalar:
      return a.str();
    case Kind::kRanges: {
      auto ranges = model::parse_ranges(a.text);
      if (!ranges) {
        return a.text;
      }
      std::sort(ranges->begin(), ranges->end(),
                [](const model::Range& x, const model::Range& y) { return x.begin < y.begin; });
      std::string out = "[";
      for (std::size_t i = 0; i < ranges->size(); ++i) {
        out += (i == 0 ? "" : ",") + std::to_string((*ranges)[i].begin) + "-" +
               std::to_string((*ranges)[i].end);
      }
      return out + "]";
    }
    case Kind::kSet: {
      auto items = set_items(a.text);
      std::sort(items.begin(), items.end());
      std::string out = "{";
      for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ",") + items[i];
      }
      return out + "}";
    }
    case Kind::kText:
      break;
  }
  return a.text;
}

ConstraintSet::ConstraintSet(const Demand& demand, const std::vector<Placed>& existing)
    : dialect_(demand.dialect) {
  for (const auto& c : demand.constraints) {
    if (dialect_ == Dialect::kChronos) {
      if (auto r = compile_chronos(c)) {
        rules_.push_back(std::move(*r));
      }
    } else {
      rules_.push_back(compile_marathon(c));
    }
  }
  for (const auto& p : existing) {
    count(Subject{p.hostname, p.region, p.zone, p.attributes});
  }
}

std::optional<Violation> ConstraintSet::violation(const AgentView& agent) const {
  const Subject s{agent.hostname, agent.region, agent.zone, agent.attributes};
  for (const auto& r : rules_) {
    auto v = dialect_ == Dialect::kChronos ? check_chronos(r, s) : check_marathon(r, s);
    if (v) {
      return v;
    }
  }
  return std::nullopt;
}

void ConstraintSet::add(const AgentView& agent) {
  count(Subject{agent.hostname, agent.region, agent.zone, agent.attributes});
}

void ConstraintSet::count(const Subject& s) {
  // Chronos constraints never look at other runs of the job.
  if (dialect_ == Dialect::kChronos) {
    return;
  }
  for (auto& r : rules_) {
    auto key = marathon_field(r.c.field, s);
    if (!r.first) {
      r.first = key;
    }
    std::size_t& n = r.counts[key];
    if (n > 0) {
      auto it = r.sizes.find(n);
      if (--it->second == 0) {
        r.sizes.erase(it);
      }
    }
    ++n;
    ++r.sizes[n];
  }
}

}  // namespace qctl::placement::detail
