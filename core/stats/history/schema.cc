// The history schema (version 1) and the column lists the store reads and writes.
#include "core/stats/history/schema.h"

#include "core/stats/history/store.h"

namespace qctl::stats::history {

std::string value_columns() {
  std::string cols = "agents, unavailable";
  for (const char* r : kResources) {
    for (const char* f : {"total", "allocated", "reserved", "free"}) {
      cols += std::string(", ") + r + "_" + f;
    }
  }
  return cols;
}

std::string allocation_columns() {
  std::string cols = "agents, unavailable";
  for (const char* r : kResources) {
    cols += std::string(", ") + r + "_total, " + r + "_allocated";
  }
  return cols;
}

std::string counter_columns() {
  std::string cols;
  for (const char* name : kCounterNames) {
    cols += std::string(cols.empty() ? "" : ", ") + name;
  }
  return cols;
}

namespace {

std::string build_schema() {
  std::string sql =
      "CREATE TABLE snapshots (\n"
      "  id INTEGER PRIMARY KEY,\n"
      "  taken_at REAL NOT NULL,           -- seconds since the epoch (UTC)\n"
      "  context TEXT NOT NULL,            -- qctl context recorded\n"
      "  default_dimension TEXT NOT NULL,  -- grouping `report` uses unless --by\n";
  for (const char* name : kCounterNames) {
    sql += std::string("  ") + name + " REAL,\n";
  }
  sql.erase(sql.size() - 2);
  sql +=
      "\n);\n"
      "CREATE INDEX snapshots_by_time ON snapshots (context, taken_at);\n"
      "CREATE TABLE groups (\n"
      "  id INTEGER PRIMARY KEY,\n"
      "  dimension TEXT NOT NULL,  -- 'cluster' or an agent attribute ('dc', '@region')\n"
      "  name TEXT NOT NULL,       -- attribute value, '<none>', or the cluster's name\n"
      "  UNIQUE (dimension, name)\n"
      ");\n"
      "CREATE TABLE group_samples (\n"
      "  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n"
      "  group_id INTEGER NOT NULL REFERENCES groups (id),\n"
      "  agents INTEGER NOT NULL,\n"
      "  unavailable INTEGER NOT NULL,\n";
  for (const char* r : kResources) {
    for (const char* f : {"total", "allocated", "reserved", "free"}) {
      sql += std::string("  ") + r + "_" + f + " REAL NOT NULL,\n";
    }
  }
  sql +=
      "  PRIMARY KEY (snapshot_id, group_id)\n"
      ") WITHOUT ROWID;\n"
      "CREATE TABLE task_states (\n"
      "  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,\n"
      "  state TEXT NOT NULL,  -- TASK_RUNNING, ...\n"
      "  count INTEGER NOT NULL,\n"
      "  PRIMARY KEY (snapshot_id, state)\n"
      ") WITHOUT ROWID;\n";
  return sql;
}

}  // namespace

const char* schema_sql() {
  static const std::string sql = build_schema();
  return sql.c_str();
}

}  // namespace qctl::stats::history
