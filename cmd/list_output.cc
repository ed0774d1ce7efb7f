#include "cmd/list_output.h"

#include <sstream>

#include "core/output/format.h"
#include "core/output/printable.h"

namespace qctl::cmd {

void ListOutput::append_item(nlohmann::json item) {
  // A one-element array renders the item exactly as it appears inside the whole list, so
  // nlohmann indents it once instead of a copy being re-indented byte by byte.
  nlohmann::json one = nlohmann::json::array();
  one.push_back(std::move(item));
  if (format_ == output::Format::kYaml) {
    items_ += output::to_yaml(one);
    return;
  }
  const auto text = output::json_text(one, 2);
  // "[\n  {…}\n]": the element with its indentation, without the brackets.
  items_ += items_.empty() ? "" : ",\n";
  items_.append(text, 2, text.size() - 4);
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
        out << output::printable(name) << '\n';
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

bool structured(Context& ctx) {
  const auto f = ctx.format();
  return f == output::Format::kJson || f == output::Format::kYaml;
}

bool plain_text(Context& ctx) {
  const auto f = ctx.format();
  return f == output::Format::kTable || f == output::Format::kWide;
}

void print_results(Context& ctx, const nlohmann::json& items, const std::string& kind) {
  if (structured(ctx)) {
    print_document(ctx, items);
  } else if (ctx.format() == output::Format::kName) {
    for (const auto& item : items) {
      ctx.io.out << kind << "/" << output::printable(item.value("name", "")) << '\n';
    }
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
