// Registration helpers shared by the command groups.
#include "cmd/commands.h"

#include <ostream>

namespace qctl::cmd {

void help_when_alone(CLI::App& noun, Context& ctx) {
  // A verb's callback runs first and takes precedence.
  noun.callback([&noun, &ctx] {
    if (!ctx.selected) {
      ctx.selected = [&noun, &ctx] {
        ctx.io.out << noun.help();
        return 0;
      };
    }
  });
}

}  // namespace qctl::cmd
