#include "core/output/units.h"

#include <cmath>

#include "core/util/strings.h"

namespace qctl::output {

std::string format_mb(double mb) {
  if (mb == 0) {
    return "0";
  }
  if (mb < 1024) {
    return util::format_number(mb, 0) + "Mi";
  }
  if (mb < 1024.0 * 1024) {
    return util::format_number(mb / 1024, 1) + "Gi";
  }
  return util::format_number(mb / (1024.0 * 1024), 1) + "Ti";
}

std::string format_percent(double used, double total) {
  if (total <= 0) {
    return "-";
  }
  return util::format_number(std::round(used / total * 1000) / 10, 1) + "%";
}

}  // namespace qctl::output
