// The history database behind `qctl stats record` and `report`: an interface, and its one
// implementation on a SQLite file (the only place that includes <sqlite3.h>).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/stats/history/history.h"
#include "core/stats/history/snapshot.h"

namespace qctl::stats::history {

/// The schema version this qctl writes (PRAGMA user_version); a file with a newer one is
/// refused and never touched.
inline constexpr int kSchemaVersion = 1;

/// The schema, as documented in the README ("History schema"); applied to a new file.
[[nodiscard]] const char* schema_sql();

class Store {
 public:
  virtual ~Store() = default;
  /// Appends one snapshot in a single transaction; returns its id.
  virtual std::int64_t append(const Snapshot& snapshot) = 0;
  /// Appends many snapshots in one transaction (imports, benchmarks).
  virtual void append_all(const std::vector<Snapshot>& snapshots) = 0;
  /// Deletes the context's snapshots taken before `before`; returns how many.
  virtual std::int64_t prune(const std::string& context, double before) = 0;
  /// Every context with snapshots, by name.
  virtual std::vector<ContextSummary> contexts() = 0;
  /// The groupings recorded for the context in [since, until], by name.
  virtual std::vector<std::string> dimensions(const std::string& context, double since,
                                              double until) = 0;
  /// The window's group names and per-snapshot counters, without points.
  virtual History load_header(const HistoryQuery& query) = 0;
  /// Every point of the window in time order, to `visit` (30 days of one-minute snapshots
  /// of 20 groups are 864,000 points: streamed, not kept). `header` maps group ids.
  virtual void scan_points(const HistoryQuery& query, const History& header,
                           const std::function<void(const GroupPoint&)>& visit) = 0;
  /// load_header plus every point in History::points.
  History load(const HistoryQuery& query) {
    auto h = load_header(query);
    scan_points(query, h, [&h](const GroupPoint& p) { h.points.push_back(p); });
    return h;
  }
  /// The last snapshot's task counts by state (empty when there is none in the window).
  virtual std::map<std::string, std::int64_t> last_task_states(const HistoryQuery& query) = 0;
};

struct StoreOptions {
  bool read_only = false;  // report: never create, migrate or write
  /// How long to wait for another writer (another `record`) before giving up.
  std::chrono::milliseconds lock_timeout{5000};
};

/// Opens (creating with its directory unless read_only) the database at `path`, in WAL mode.
/// Throws NotFoundError (read_only, no file), and qctl::Error with exit code 1 naming the
/// file for: locked longer than lock_timeout, not a database or corrupt, a SQLite file that
/// is not a qctl history, a schema newer than kSchemaVersion. The file is never rewritten.
[[nodiscard]] std::unique_ptr<Store> open_store(const std::string& path,
                                                const StoreOptions& options);

/// $XDG_DATA_HOME/qctl/stats.db, else $HOME/.local/share/qctl/stats.db; nullopt without
/// either variable.
[[nodiscard]] std::optional<std::string> default_db_path(const std::optional<std::string>& xdg,
                                                         const std::optional<std::string>& home);

}  // namespace qctl::stats::history
