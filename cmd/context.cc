#include "cmd/context.h"

#include "core/error.h"

namespace qctl::cmd {

output::Format Context::format() const {
  if (!globals.output.empty()) {
    if (auto f = output::parse_format(globals.output)) {
      return *f;
    }
  }
  try {
    const auto& ctx = clients.context();
    if (!ctx.output.empty()) {
      if (auto f = output::parse_format(ctx.output)) {
        return *f;
      }
    }
  } catch (const ConfigError&) {
    // No usable context: the default format still applies (the command reports the rest).
  }
  return output::Format::kTable;
}

bool Context::color() const {
  if (globals.color == "always") {
    return true;
  }
  if (globals.color == "never") {
    return false;
  }
  const auto no_color = clients.env()("NO_COLOR");
  return io.out_is_tty && !(no_color && !no_color->empty());
}

}  // namespace qctl::cmd
