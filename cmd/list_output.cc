#include "cmd/list_output.h"

#include <sstream>

#include "core/output/format.h"

namespace qctl::cmd {

void ListOutput::append_item(const nlohmann::json& item) {
  if (format_ == output::Format::kYaml) {
    items_ += output::to_yaml(nlohmann::json::array({item}));
    return;
  }
  // The element as print_json would indent it inside the array.
  const auto text = item.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  items_ += items_.empty() ? "  " : ",\n  ";
  for (const char c : text) {
    items_ += c;
    if (c == '\n') {
      items_ += "  ";
    }
  }
}

void print_list(Context& ctx, const ListOutput& list, const std::string& kind) {
  // Everything was fetched and rendered before this point, so writing straight to stdout
  // cannot leave half a list behind; it also avoids copying a large list again.
  auto& out = ctx.io.out;
  switch (list.format_) {
    case output::Format::kJson:
      if (list.size_ == 0) {
        out << "[]\n";
      } else {
        out << "[\n" << list.items_ << "\n]\n";
      }
      break;
    case output::Format::kYaml:
      out << (list.size_ == 0 ? std::string_view("[]\n") : std::string_view(list.items_));
      break;
    case output::Format::kName:
      for (const auto& name : list.names_) {
        out << name << '\n';
      }
      break;
    case output::Format::kTable:
    case output::Format::kWide:
      if (list.table_.size() == 0) {
        ctx.io.err << "No " << kind << " found.\n";
        return;
      }
      list.table_.print(out, list.format_ == output::Format::kWide, !ctx.globals.no_headers);
      break;
  }
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
