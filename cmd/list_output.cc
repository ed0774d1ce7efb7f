#include "cmd/list_output.h"

#include <sstream>

#include "core/output/format.h"

namespace qctl::cmd {

void print_list(Context& ctx, const ListOutput& list, const std::string& kind) {
  std::ostringstream out;
  switch (ctx.format()) {
    case output::Format::kJson:
      output::print_json(out, list.items);
      break;
    case output::Format::kYaml:
      output::print_yaml(out, list.items);
      break;
    case output::Format::kName:
      for (const auto& name : list.names) {
        out << name << '\n';
      }
      break;
    case output::Format::kTable:
    case output::Format::kWide:
      if (list.table.size() == 0) {
        ctx.io.err << "No " << kind << " found.\n";
        return;
      }
      list.table.print(out, ctx.format() == output::Format::kWide, !ctx.globals.no_headers);
      break;
  }
  ctx.io.out << out.str();
}

void print_document(Context& ctx, const nlohmann::json& doc) {
  std::ostringstream out;
  if (ctx.format() == output::Format::kJson) {
    output::print_json(out, doc);
  } else {
    output::print_yaml(out, doc);
  }
  ctx.io.out << out.str();
}

}  // namespace qctl::cmd
