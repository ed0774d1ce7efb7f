// Stable JSON (snake_case) for the stats models: what `qctl stats … -o json|yaml` prints.
#pragma once

#include <nlohmann/json.hpp>

#include "core/stats/allocation.h"
#include "core/stats/fit.h"
#include "core/stats/fragmentation.h"

namespace qctl::stats {

/// {"total","allocated","percent","reserved","reserved_dynamic","offered","free",
///  "unavailable","revocable_allocated"}; percent is allocated/total*100 (0 when no total).
[[nodiscard]] nlohmann::json to_json(const ResourceTotals& t);
/// {"group","agents","available","unavailable","resources":{"cpus":…,"mem":…,"disk":…,
///  "gpus":…,"ports":…},"roles":[{"role","resources":{…}}]}
[[nodiscard]] nlohmann::json to_json(const GroupTotals& g);
/// {"hostname","id","group","status","cpus_percent","mem_percent","disk_percent"}
[[nodiscard]] nlohmann::json to_json(const AgentLoad& l);
/// {"group","shape","fits","ideal","fragmentation_index","limiting","agents_fitting",
///  "stranded":{"cpus",…}}
[[nodiscard]] nlohmann::json to_json(const ShapeFit& f);
/// {"name","wanted","placed","existing","fits","agents","groups":[{"group","placed",
///  "agents","agents_used"}],"reasons":{"InsufficientCpus":n},
///  "rejected":[{"hostname","agent_id","reason","detail"}]} (rejected only when asked)
[[nodiscard]] nlohmann::json to_json(const FitResult& r, bool with_rejected);

}  // namespace qctl::stats
