#include "core/status/selector.h"

#include <algorithm>

#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::status {

Selector parse_selector(std::string_view text) {
  Selector out;
  for (const auto& raw : util::split(text, ',', true)) {
    const auto term = std::string(util::trim(raw));
    Requirement r;
    std::size_t op_pos = term.find("!=");
    std::size_t op_len = 2;
    if (op_pos != std::string::npos) {
      r.equals = false;
    } else if ((op_pos = term.find("==")) == std::string::npos) {
      op_pos = term.find('=');
      op_len = 1;
    }
    if (op_pos == std::string::npos || op_pos == 0) {
      throw UsageError("invalid selector term '" + term + "': expected key=value or key!=value");
    }
    r.key = std::string(util::trim(std::string_view(term).substr(0, op_pos)));
    r.value = std::string(util::trim(std::string_view(term).substr(op_pos + op_len)));
    out.push_back(std::move(r));
  }
  if (out.empty()) {
    throw UsageError("empty selector: expected key=value[,key=value…]");
  }
  return out;
}

bool matches(const Selector& selector, const Lookup& lookup) {
  return std::all_of(selector.begin(), selector.end(), [&lookup](const Requirement& r) {
    const auto value = lookup(r.key);
    const bool equal = value && *value == r.value;
    return equal == r.equals;
  });
}

}  // namespace qctl::status
