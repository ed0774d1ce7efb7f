// The mesos and agents checks.
#include <map>
#include <set>

#include "core/health/checks.h"
#include "core/util/strings.h"

namespace qctl::health {

Status apply_metric(CheckResult& r, const Thresholds& t, const std::string& metric, double value,
                    std::optional<double> min, std::optional<double> max) {
  r.perf.push_back(perf_for(t, metric, value, min, max));
  const Status s = t.evaluate(metric, value);
  r.raise(s);
  return s;
}

namespace {

std::string plural(std::int64_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The leader most answering masters point to ("" when none does).
std::string agreed_leader(const std::vector<MasterAnswer>& masters) {
  std::map<std::string, int> votes;
  for (const auto& m : masters) {
    if (!m.leader.empty()) {
      ++votes[m.leader];
    }
  }
  std::string best;
  int most = 0;
  for (const auto& [leader, n] : votes) {
    if (n > most) {
      best = leader;
      most = n;
    }
  }
  return best;
}

}  // namespace

CheckResult evaluate_mesos(const MesosFacts& facts, const Thresholds& t) {
  CheckResult r;
  r.check = "mesos";
  std::int64_t down = 0;
  std::set<std::string> versions;
  for (const auto& m : facts.masters) {
    if (!m.reachable) {
      ++down;
      r.details.push_back("master " + m.url + ": DOWN (" + m.error + ")");
      continue;
    }
    versions.insert(m.version);
    r.details.push_back("master " + m.url + ": " + m.version +
                        (m.no_leader ? ", knows no leader" : ""));
  }
  const auto total = static_cast<std::int64_t>(facts.masters.size());
  const std::string leader = agreed_leader(facts.masters);
  r.perf.push_back(Perf{"mesos_leader", leader.empty() ? 0.0 : 1.0, "", "", "", 0.0, 1.0});
  const Status down_status = apply_metric(r, t, "mesos_masters_down", static_cast<double>(down),
                                          0.0, static_cast<double>(total));
  const Status version_status =
      apply_metric(r, t, "mesos_versions", static_cast<double>(versions.size()));
  const std::string answering =
      std::to_string(total - down) + "/" + std::to_string(total) + " masters answering";
  if (down == total) {
    r.raise(Status::kCritical);
    r.summary = total == 0 ? "no master configured"
                           : "no master answers (" + facts.masters.front().error + ")";
    return r;
  }
  if (leader.empty()) {
    r.raise(Status::kCritical);
    r.summary = "no leader elected, " + answering;
    return r;
  }
  r.summary = "leader " + leader + ", " + answering;
  if (down_status == Status::kOk && version_status == Status::kOk && versions.size() == 1) {
    r.summary += ", version " + *versions.begin();
  }
  if (version_status != Status::kOk || versions.size() > 1) {
    std::vector<std::string> list(versions.begin(), versions.end());
    r.summary += ", versions differ (" + util::join(list, ", ") + ")";
  }
  if (facts.elected && *facts.elected < 1.0) {
    r.raise(Status::kWarning);
    r.summary += ", the leader's master/elected is 0 (election in progress?)";
  }
  if (!facts.metrics_error.empty()) {
    r.details.push_back("metrics: " + facts.metrics_error);
  }
  return r;
}

CheckResult evaluate_agents(const AgentFacts& facts, const Thresholds& t) {
  CheckResult r;
  r.check = "agents";
  const auto& c = facts.counts;
  const std::int64_t known = c.total + c.unreachable + facts.recovering;
  const double pct =
      known == 0 ? 0.0 : 100.0 * static_cast<double>(c.ready) / static_cast<double>(known);
  apply_metric(r, t, "agents_active_pct", pct, 0.0, 100.0);
  apply_metric(r, t, "agents_unreachable", static_cast<double>(c.unreachable));
  apply_metric(r, t, "agents_deactivated", static_cast<double>(c.deactivated));
  apply_metric(r, t, "agents_draining", static_cast<double>(c.draining + c.drained));
  if (known == 0) {
    r.summary = "no agents registered";
    return r;
  }
  r.summary = std::to_string(c.ready) + "/" + std::to_string(known) + " agents active (" +
              util::format_number(pct, 1) + "%)";
  std::vector<std::string> extra;
  if (facts.recovering > 0) {
    extra.push_back(std::to_string(facts.recovering) +
                    " re-registering after a master failover");
  }
  if (c.unreachable > 0) {
    extra.push_back(std::to_string(c.unreachable) + " unreachable");
  }
  if (c.disconnected > 0) {
    extra.push_back(std::to_string(c.disconnected) + " disconnected");
  }
  if (c.deactivated > 0) {
    extra.push_back(std::to_string(c.deactivated) + " deactivated");
  }
  if (c.draining + c.drained > 0) {
    extra.push_back(std::to_string(c.draining + c.drained) + " draining");
  }
  if (!extra.empty()) {
    r.summary += ", " + util::join(extra, ", ");
  }
  r.details.push_back(plural(c.total, "registered agent") + ", " +
                      plural(c.unreachable, "unreachable agent") +
                      (facts.unreachable_known ? "" : " (metrics unavailable)"));
  return r;
}

}  // namespace qctl::health
