// GET /v2/queue: scheduled instances per app, launch delay and offer statistics.
#include <cmath>

#include "sandbox/marathon/parts.h"

namespace qctl::sandbox::marathon {

namespace {

using nlohmann::json;

// NoOfferMatchReason.reasonFunnel order; each reason sees the offers the previous ones let pass.
const char* const kFunnel[] = {"UnfulfilledRole",   "UnfulfilledConstraint",
                               "NoCorrespondingReservationFound", "AgentMaintenance",
                               "InsufficientCpus",  "InsufficientMemory",
                               "InsufficientDisk",  "InsufficientGpus",
                               "InsufficientPorts", "DeclinedScarceResources"};

json reject_summary(const OfferStats& o, std::int64_t processed) {
  std::map<std::string, std::int64_t> declined;
  for (const placement::Rejection& r : o.last_rejections) {
    if (r.verdict.reject) {
      ++declined[placement::reject_name(*r.verdict.reject)];
    }
  }
  json out = json::array();
  for (const char* reason : kFunnel) {
    std::int64_t d = declined.count(reason) > 0 ? declined[reason] : 0;
    out.push_back(json{{"reason", reason}, {"declined", d}, {"processed", processed}});
    processed -= d;
  }
  return out;
}

json offers_summary(const MarathonState& st, const App& app) {
  const OfferStats& o = app.offers;
  json s = {{"processedOffersCount", o.processed}, {"unusedOffersCount", o.unused}};
  if (o.last_unused_at > 0) {
    s["lastUnusedOfferAt"] = iso_time(o.last_unused_at);
  }
  if (o.last_used_at > 0) {
    s["lastUsedOfferAt"] = iso_time(o.last_used_at);
  }
  auto last = static_cast<std::int64_t>(st.world.agent_views().size());
  s["rejectSummaryLastOffers"] = reject_summary(o, last);
  s["rejectSummaryLaunchAttempt"] = reject_summary(o, last);
  return s;
}

json unused_offers(const MarathonState& st, const App& app) {
  json out = json::array();
  for (const placement::Rejection& r : app.offers.last_rejections) {
    json reasons = json::array();
    if (r.verdict.reject) {
      reasons.push_back(placement::reject_name(*r.verdict.reject));
    }
    out.push_back(json{{"offer",
                        {{"id", r.agent_id + "-O" + std::to_string(app.offers.processed)},
                         {"agentId", r.agent_id},
                         {"hostname", r.hostname},
                         {"resources", json::array()},
                         {"attributes", json::array()}}},
                       {"timestamp", iso_time(app.offers.last_rejections_at)},
                       {"reason", reasons}});
  }
  (void)st;
  return out;
}

}  // namespace

json queue_json(const MarathonState& st, bool embed_offers) {
  json queue = json::array();
  for (const auto& [id, app] : st.apps) {
    if (app.pending == 0) {
      continue;
    }
    double left = std::max(0.0, app.backoff_until - st.now());
    json item = {{"app", app.def},
                 {"count", app.pending},
                 {"role", app.def.value("role", st.options.role)},
                 {"delay",
                  {{"timeLeftSeconds", static_cast<std::int64_t>(std::ceil(left))},
                   {"overdue", left <= 0}}},
                 {"since", iso_time(app.queued_since)},
                 {"processedOffersSummary", offers_summary(st, app)}};
    if (embed_offers) {
      item["lastUnusedOffers"] = unused_offers(st, app);
    }
    queue.push_back(std::move(item));
  }
  return json{{"queue", queue}};
}

}  // namespace qctl::sandbox::marathon
