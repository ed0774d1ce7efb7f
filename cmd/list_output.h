// One place that renders a list in the -o format: table/wide rows, JSON/YAML items, names.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/output/table.h"

namespace qctl::cmd {

/// Collects a list for one -o format, building only what that format prints: with 200,000
/// tasks, JSON objects for a table (or cells for JSON) would cost more than the tasks.
class ListOutput {
 public:
  ListOutput(const Context& ctx, std::vector<output::Column> columns)
      : format_(ctx.format()), table_(std::move(columns)) {}

  /// `cells()` -> table cells, `item()` -> JSON object, `name` -> "agent/host1" for -o name.
  template <class Cells, class Item>
  void add(Cells&& cells, Item&& item, std::string name) {
    ++size_;
    switch (format_) {
      case output::Format::kTable:
      case output::Format::kWide:
        table_.add(cells());
        break;
      case output::Format::kJson:
      case output::Format::kYaml:
        append_item(item());
        break;
      case output::Format::kName:
        names_.push_back(std::move(name));
        break;
    }
  }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  friend void print_list(Context& ctx, const ListOutput& list, const std::string& kind);

  /// Renders one item at once: a list of 200,000 JSON objects would not fit comfortably.
  void append_item(nlohmann::json item);

  output::Format format_;
  std::size_t size_ = 0;
  output::Table table_;
  std::string items_;  // rendered JSON array elements or YAML sequence entries
  std::vector<std::string> names_;
};

/// Writes the list in ctx.format() in one piece (nothing half-printed on failure). An empty
/// table prints "No <kind> found." to stderr, as kubectl does; JSON prints [].
void print_list(Context& ctx, const ListOutput& list, const std::string& kind);

/// Writes one JSON document in ctx.format() (json or yaml; tables fall back to yaml).
void print_document(Context& ctx, const nlohmann::json& doc);

/// -o json or -o yaml: the command prints one document instead of lines.
[[nodiscard]] bool structured(Context& ctx);
/// No -o, or -o wide: the command prints its text lines.
[[nodiscard]] bool plain_text(Context& ctx);

/// A command's result per job or app: with -o json|yaml one document (an array of `items`)
/// on stdout, with -o name each item's "kind/name", otherwise nothing (the text was printed).
void print_results(Context& ctx, const nlohmann::json& items, const std::string& kind);

}  // namespace qctl::cmd
