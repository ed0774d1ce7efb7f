// One place that renders a list in the -o format: table/wide rows, JSON/YAML items, names.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/output/table.h"

namespace qctl::cmd {

struct ListOutput {
  explicit ListOutput(std::vector<output::Column> columns) : table(std::move(columns)) {}
  output::Table table;
  nlohmann::json items = nlohmann::json::array();
  std::vector<std::string> names;  // "agent/host1", for -o name

  void add(std::vector<std::string> cells, nlohmann::json item, std::string name) {
    table.add(std::move(cells));
    items.push_back(std::move(item));
    names.push_back(std::move(name));
  }
};

/// Writes the list in ctx.format() in one piece (nothing half-printed on failure). An empty
/// table prints "No <kind> found." to stderr, as kubectl does; JSON prints [].
void print_list(Context& ctx, const ListOutput& list, const std::string& kind);

/// Writes one JSON document in ctx.format() (json or yaml; tables fall back to yaml).
void print_document(Context& ctx, const nlohmann::json& doc);

}  // namespace qctl::cmd
