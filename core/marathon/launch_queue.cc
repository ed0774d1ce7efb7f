#include "core/marathon/launch_queue.h"

#include <algorithm>
#include <cmath>

#include "core/util/duration.h"

namespace qctl::marathon {

std::vector<model::RejectReason> blocking_reasons(const model::QueueItem& item) {
  std::vector<model::RejectReason> out;
  for (const auto& reason : item.reject_summary) {
    if (reason.declined > 0) {
      out.push_back(reason);
    }
  }
  // Stable: equal counts keep the funnel order in which Marathon checks the reasons.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.declined > b.declined; });
  return out;
}

std::string blocked_by_text(const model::QueueItem& item, std::size_t top) {
  std::string out;
  const auto reasons = blocking_reasons(item);
  for (std::size_t i = 0; i < reasons.size() && i < top; ++i) {
    out += (out.empty() ? "" : ", ") + reasons[i].reason + " " +
           std::to_string(reasons[i].declined) + "/" + std::to_string(reasons[i].processed);
  }
  return out;
}

std::string delay_text(const model::QueueItem& item) {
  if (item.overdue || item.delay_time_left_seconds <= 0) {
    return "overdue";
  }
  // format_age rounds down; a delay of 0.4 s left still reads as 1s.
  return util::format_age(std::max(1.0, std::ceil(item.delay_time_left_seconds)));
}

}  // namespace qctl::marathon
