// Internals of the placement engine shared by its .cc files: compiled constraints, role
// order and the resource fit. Not part of the public contract (placement.h is).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/mesos.h"
#include "core/placement/placement.h"

namespace qctl::placement::detail {

/// What a constraint reads from an agent or a placed instance.
struct Subject {
  const std::string& hostname;
  const std::string& region;
  const std::string& zone;
  const std::vector<model::Attribute>& attributes;
};

/// A failed constraint: the text for `--explain`, and whether more placements in the
/// same run could ever lift it (only GROUP_BY can: another group may catch up).
struct Violation {
  std::string detail;
  bool permanent = true;
};

enum class Op { kUnique, kCluster, kGroupBy, kLike, kUnlike, kMaxPer, kIs, kEquals, kUnknown };

/// One constraint, compiled once per call, with the counts of instances per field value.
struct Rule {
  model::Constraint c;
  Op op = Op::kUnknown;
  std::optional<std::regex> regex;  // LIKE/UNLIKE when the value compiles
  long long number = 0;             // GROUP_BY minimum groups, MAX_PER limit
  bool number_ok = true;
  std::string is_value;  // IS: the value as Marathon compares it
  // Instances per field value (nullopt = the instance lacks the field), and how many
  // groups have each size, so GROUP_BY finds the smallest group without a scan.
  std::map<std::optional<std::string>, std::size_t> counts;
  std::map<std::size_t, std::size_t> sizes;
  std::optional<std::optional<std::string>> first;        // CLUSTER: the first instance's value
  mutable std::unordered_map<std::string, bool> matches;  // regex results per value

  [[nodiscard]] std::string label() const;  // "rack:LIKE:r[12]"
  [[nodiscard]] bool regex_full_match(const std::string& value) const;
};

/// The violation "constraint <label> (<why>)" of a rule.
[[nodiscard]] std::optional<Violation> fail(const Rule& r, const std::string& why,
                                            bool permanent = true);

/// Mesos attribute types. Mesos decides them by the value's shape when it parses
/// `--attributes` ("[..]" ranges, "{..}" set, a number scalar, else text), so the text
/// form is enough to tell them apart again.
enum class Kind { kScalar, kText, kRanges, kSet };
[[nodiscard]] Kind kind_of(const model::Attribute& a);
/// The items of a SET attribute's text "{a, b}", trimmed.
[[nodiscard]] std::vector<std::string> set_items(const std::string& text);

/// Marathon's text of an attribute value (Constraints.getValueString).
[[nodiscard]] std::string marathon_value_text(const model::Attribute& a);
/// The value of a Marathon constraint field; nullopt when the subject lacks it.
[[nodiscard]] std::optional<std::string> marathon_field(const std::string& field, const Subject& s);
/// Compiles one Marathon constraint.
[[nodiscard]] Rule compile_marathon(const model::Constraint& c);
/// Checks one compiled Marathon rule against an agent; nullopt = satisfied.
[[nodiscard]] std::optional<Violation> check_marathon(const Rule& r, const Subject& agent);
/// Compiles one Chronos constraint; nullopt for operators Chronos drops.
[[nodiscard]] std::optional<Rule> compile_chronos(const model::Constraint& c);
/// Checks one compiled Chronos rule against an agent; nullopt = satisfied.
[[nodiscard]] std::optional<Violation> check_chronos(const Rule& r, const Subject& agent);
/// Java's Double.toString (Chronos matches scalar attributes against it).
[[nodiscard]] std::string java_double_string(double v);

/// All constraints of a demand, compiled once, tracking the instances placed so far.
class ConstraintSet {
 public:
  ConstraintSet(const Demand& demand, const std::vector<Placed>& existing);
  /// The first constraint the agent breaks; nullopt when it satisfies all.
  [[nodiscard]] std::optional<Violation> violation(const AgentView& agent) const;
  /// Counts an instance placed on `agent` against later checks.
  void add(const AgentView& agent);

 private:
  void count(const Subject& s);
  Dialect dialect_;
  std::vector<Rule> rules_;
};

/// Accepted roles in consumption order: reserved roles first, "*" last, no duplicates.
[[nodiscard]] std::vector<std::string> role_order(const Demand& demand);
/// Roles and resources only (constraints are checked elsewhere).
[[nodiscard]] Verdict fit_resources(const AgentView& agent, const Demand& demand,
                                    const std::vector<std::string>& roles);
/// Takes a demand that fits (per fit_resources) from the agent.
[[nodiscard]] Allocation take(AgentView& agent, const Demand& demand,
                              const std::vector<std::string>& roles);
/// "2", "1.5", "0.0999": up to six decimals, so a real shortfall stays visible.
[[nodiscard]] std::string num(double v);

}  // namespace qctl::placement::detail
