// Human rendering of `qctl status`: one screen, one section per service.
#pragma once

#include <iosfwd>

#include "core/status/cluster_view.h"

namespace qctl::cmd {

struct PrintStyle {
  bool color = false;
  double now = 0;  // for "elected 3d ago"
};

void print_cluster(std::ostream& out, const status::ClusterView& view, const PrintStyle& style);

}  // namespace qctl::cmd
