// Reads every configured service concurrently into a status::ClusterView.
#pragma once

#include "cmd/context.h"
#include "core/status/cluster_view.h"

namespace qctl::cmd {

/// Never throws for a service that fails: its part carries the error instead. Throws only
/// when no context can be resolved.
status::ClusterView gather_cluster(Context& ctx);

}  // namespace qctl::cmd
