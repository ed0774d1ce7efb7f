// Reading Marathon's launch queue (GET /v2/queue): what blocks an app and how long it waits.
#pragma once

#include <string>
#include <vector>

#include "core/model/marathon.h"

namespace qctl::marathon {

/// The reject reasons of the last offers that declined at least one offer, most declined
/// first (Marathon's funnel order breaks ties). Empty when no offer was declined or the
/// server sends no summary (Marathon before 1.5).
[[nodiscard]] std::vector<model::RejectReason> blocking_reasons(const model::QueueItem& item);

/// The `top` most common reasons as "InsufficientCpus 3/3, UnfulfilledConstraint 1/1"
/// (declined/processed offers); "" when nothing declined an offer.
[[nodiscard]] std::string blocked_by_text(const model::QueueItem& item, std::size_t top = 2);

/// The launch delay: "overdue" once the back-off has passed (Marathon may launch at the next
/// offer that fits), else the time left ("12s", "3m").
[[nodiscard]] std::string delay_text(const model::QueueItem& item);

}  // namespace qctl::marathon
