// The history Store on a SQLite file: WAL, a busy timeout, one transaction per snapshot.
#include <filesystem>
#include <limits>
#include <system_error>
#include <thread>

#include "core/error.h"
#include "core/stats/history/schema.h"
#include "core/stats/history/sqlite_util.h"
#include "core/stats/history/store.h"

namespace qctl::stats::history {

namespace {

constexpr std::uint32_t kNoGroup = 0xffffffff;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}

  std::int64_t append(const Snapshot& s) override {
    std::int64_t id = 0;
    write([&] { id = insert(s); });
    return id;
  }

  void append_all(const std::vector<Snapshot>& snapshots) override {
    write([&] {
      for (const auto& s : snapshots) {
        insert(s);
      }
    });
  }

  std::int64_t prune(const std::string& context, double before) override {
    Transaction tx(*db_);
    const std::string old = "SELECT id FROM snapshots WHERE context = ?1 AND taken_at < ?2";
    for (const char* table : {"group_samples", "task_states"}) {
      Stmt del(*db_, std::string("DELETE FROM ") + table + " WHERE snapshot_id IN (" + old + ")");
      del.bind(1, context).bind(2, before);
      del.step();
    }
    Stmt del(*db_, "DELETE FROM snapshots WHERE context = ?1 AND taken_at < ?2");
    del.bind(1, context).bind(2, before);
    del.step();
    const std::int64_t n = db_->changes();
    tx.commit();
    return n;
  }

  std::vector<ContextSummary> contexts() override {
    std::vector<ContextSummary> out;
    Stmt q(*db_,
           "SELECT context, COUNT(*), MIN(taken_at), MAX(taken_at), (SELECT default_dimension "
           "FROM snapshots l WHERE l.context = s.context ORDER BY taken_at DESC LIMIT 1) "
           "FROM snapshots s GROUP BY context ORDER BY context");
    while (q.step()) {
      out.push_back({q.text(0), q.int64(1), q.real(2), q.real(3), q.text(4)});
    }
    return out;
  }

  std::vector<std::string> dimensions(const std::string& context, double since,
                                      double until) override {
    // The groupings of the window's first and last snapshots: cheap, and what a report sees.
    std::vector<std::string> out;
    Stmt q(*db_,
           "SELECT DISTINCT g.dimension FROM groups g JOIN group_samples x ON x.group_id = g.id "
           "WHERE x.snapshot_id IN (SELECT id FROM (SELECT id FROM snapshots WHERE context = ?1 "
           "AND taken_at BETWEEN ?2 AND ?3 ORDER BY taken_at LIMIT 1) UNION SELECT id FROM "
           "(SELECT id FROM snapshots WHERE context = ?1 AND taken_at BETWEEN ?2 AND ?3 "
           "ORDER BY taken_at DESC LIMIT 1)) ORDER BY g.dimension");
    q.bind(1, context).bind(2, since).bind(3, until);
    while (q.step()) {
      out.push_back(q.text(0));
    }
    return out;
  }

  History load_header(const HistoryQuery& query) override {
    History h;
    h.context = query.context;
    h.dimension = query.dimension;
    Transaction read(*db_, false);  // groups and counters from the same moment
    Stmt groups(*db_, "SELECT id, name FROM groups WHERE dimension = ? ORDER BY name");
    groups.bind(1, query.dimension);
    while (groups.step()) {
      h.group_ids.push_back(groups.int64(0));
      h.groups.push_back(groups.text(1));
    }
    load_counters(query, h);
    return h;
  }

  void scan_points(const HistoryQuery& query, const History& header,
                   const std::function<void(const GroupPoint&)>& visit) override {
    // Group id -> index in header.groups; ids are small and dense (one per group ever seen).
    std::vector<std::uint32_t> index;
    for (std::size_t i = 0; i < header.group_ids.size(); ++i) {
      const auto id = static_cast<std::size_t>(header.group_ids[i]);
      index.resize(std::max(index.size(), id + 1), kNoGroup);
      index[id] = static_cast<std::uint32_t>(i);
    }
    // `+x.group_id`: walk each snapshot's few samples in order rather than seek every group.
    const bool all = !query.allocation_only;
    Stmt q(*db_, "SELECT s.taken_at, x.group_id, " +
                     (all ? value_columns() : allocation_columns()) +
                     " FROM snapshots s JOIN group_samples x ON x.snapshot_id = s.id "
                     "WHERE s.context = ?1 AND s.taken_at BETWEEN ?2 AND ?3 AND +x.group_id IN "
                     "(SELECT id FROM groups WHERE dimension = ?4) ORDER BY s.taken_at, s.id");
    q.bind(1, query.context).bind(2, query.since).bind(3, query.until).bind(4, query.dimension);
    GroupPoint p;
    while (q.step()) {
      const auto id = static_cast<std::size_t>(q.int64(1));
      if (id >= index.size() || index[id] == kNoGroup) {
        continue;  // a group another `record` added after the header was read
      }
      p.taken_at = q.real(0);
      p.group = index[id];
      p.values.agents = q.int64(2);
      p.values.unavailable = q.int64(3);
      int col = 4;
      for (auto& r : p.values.resources) {
        if (all) {
          r = {q.real(col), q.real(col + 1), q.real(col + 2), q.real(col + 3)};
          col += 4;
        } else {
          r.total = q.real(col);
          r.allocated = q.real(col + 1);
          col += 2;
        }
      }
      visit(p);
    }
  }

  std::map<std::string, std::int64_t> last_task_states(const HistoryQuery& query) override {
    std::map<std::string, std::int64_t> out;
    Stmt q(*db_,
           "SELECT state, count FROM task_states WHERE snapshot_id = (SELECT id FROM snapshots "
           "WHERE context = ?1 AND taken_at BETWEEN ?2 AND ?3 ORDER BY taken_at DESC LIMIT 1)");
    q.bind(1, query.context).bind(2, query.since).bind(3, query.until);
    while (q.step()) {
      out[q.text(0)] = q.int64(1);
    }
    return out;
  }

 private:
  // One write transaction; a rolled-back one may have added groups, so forget cached ids.
  template <class F>
  void write(F&& body) {
    try {
      Transaction tx(*db_);
      body();
      tx.commit();
    } catch (...) {
      group_ids_.clear();
      throw;
    }
  }

  std::int64_t insert(const Snapshot& s) {
    Stmt row(*db_, "INSERT INTO snapshots (taken_at, context, default_dimension, " +
                       counter_columns() + ") VALUES (?, ?, ?" + repeat(", ?", kCounterCount) +
                       ")");
    row.bind(1, s.taken_at).bind(2, s.context).bind(3, s.default_dimension);
    for (std::size_t i = 0; i < kCounterCount; ++i) {
      row.bind_optional(static_cast<int>(4 + i), s.counters[i]);
    }
    row.step();
    const std::int64_t id = db_->last_insert_rowid();
    Stmt sample(*db_, "INSERT INTO group_samples (snapshot_id, group_id, " + value_columns() +
                          ") VALUES (?, ?" + repeat(", ?", kValueColumns) + ")");
    for (const auto& g : s.groups) {
      sample.bind(1, id).bind(2, group_id(g.dimension, g.name));
      sample.bind(3, g.values.agents).bind(4, g.values.unavailable);
      int col = 5;
      for (const auto& r : g.values.resources) {
        sample.bind(col, r.total).bind(col + 1, r.allocated).bind(col + 2, r.reserved);
        sample.bind(col + 3, r.free);
        col += 4;
      }
      sample.step();
      sample.reset();
    }
    Stmt state(*db_, "INSERT INTO task_states (snapshot_id, state, count) VALUES (?, ?, ?)");
    for (const auto& [name, count] : s.task_states) {
      state.bind(1, id).bind(2, name).bind(3, count);
      state.step();
      state.reset();
    }
    return id;
  }

  static std::string repeat(const char* s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      out += s;
    }
    return out;
  }

  // Groups are never deleted, so an id once seen stays valid across transactions.
  std::int64_t group_id(const std::string& dimension, const std::string& name) {
    const auto key = std::make_pair(dimension, name);
    if (const auto it = group_ids_.find(key); it != group_ids_.end()) {
      return it->second;
    }
    const auto id = find_or_add_group(dimension, name);
    group_ids_[key] = id;
    return id;
  }

  std::int64_t find_or_add_group(const std::string& dimension, const std::string& name) {
    Stmt find(*db_, "SELECT id FROM groups WHERE dimension = ? AND name = ?");
    find.bind(1, dimension).bind(2, name);
    if (find.step()) {
      return find.int64(0);
    }
    Stmt add(*db_, "INSERT INTO groups (dimension, name) VALUES (?, ?)");
    add.bind(1, dimension).bind(2, name);
    add.step();
    return db_->last_insert_rowid();
  }

  void load_counters(const HistoryQuery& query, History& h) {
    Stmt q(*db_, "SELECT taken_at, " + counter_columns() +
                     " FROM snapshots WHERE context = ?1 AND taken_at BETWEEN ?2 AND ?3 "
                     "ORDER BY taken_at, id");
    q.bind(1, query.context).bind(2, query.since).bind(3, query.until);
    while (q.step()) {
      CounterPoint p;
      p.taken_at = q.real(0);
      for (std::size_t i = 0; i < kCounterCount; ++i) {
        const int col = static_cast<int>(i + 1);
        p.values[i] = q.is_null(col) ? std::numeric_limits<double>::quiet_NaN() : q.real(col);
      }
      h.counters.push_back(p);
    }
  }

  std::unique_ptr<Db> db_;
  std::map<std::pair<std::string, std::string>, std::int64_t> group_ids_;
};

// A version-0 file that already has tables belongs to something else: leave it alone.
void create_schema(Db& db) {
  Transaction tx(db);
  if (db.user_version() != 0) {
    return;  // another `record` created it while this one waited for the lock
  }
  Stmt tables(db, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1");
  if (tables.step()) {
    throw Error(
        ExitCode::kApi, db.path(),
        "a SQLite database but not a qctl stats history (it has a table '" + tables.text(0) + "')",
        "give another path with --db; qctl leaves this file as it is");
  }
  db.exec(schema_sql());
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  tx.commit();
}

void refuse_newer(const Db& db, int version) {
  if (version > kSchemaVersion) {
    throw Error(ExitCode::kApi, db.path(),
                "history schema version " + std::to_string(version) +
                    " is newer than this qctl understands (" + std::to_string(kSchemaVersion) + ")",
                "upgrade qctl; the file was not changed");
  }
}

// Switching to WAL takes an exclusive lock that SQLite does not wait for through the busy
// timeout: two `record`s creating the file at once would see "database is locked".
void enable_wal(Db& db, std::chrono::milliseconds timeout) {
  {
    Stmt mode(db, "PRAGMA journal_mode");
    if (mode.step() && mode.text(0) == "wal") {
      return;
    }
  }
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!db.exec_unless_busy("PRAGMA journal_mode = WAL")) {
    if (std::chrono::steady_clock::now() >= until) {
      db.exec("PRAGMA journal_mode = WAL");  // fails with the locked error
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

std::unique_ptr<Store> open_store(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(path, ec)) {
    throw NotFoundError(path, "no stats history database",
                        "record snapshots first, e.g. every minute from cron: qctl stats record");
  }
  if (!options.read_only) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::create_directories(dir, ec) && ec) {
      throw Error(ExitCode::kApi, dir.string(), "cannot create directory: " + ec.message());
    }
  }
  auto db = std::make_unique<Db>(path, options.read_only, options.lock_timeout);
  const int version = db->user_version();
  refuse_newer(*db, version);
  if (options.read_only) {
    if (version == 0) {
      throw NotFoundError(path, "not a qctl stats history (no schema)",
                          "record snapshots first: qctl stats record");
    }
  } else {
    enable_wal(*db, options.lock_timeout);
    db->exec("PRAGMA synchronous = NORMAL");
    if (version == 0) {  // an existing history is not write-locked just to look
      create_schema(*db);
    }
  }
  return std::make_unique<SqliteStore>(std::move(db));
}

std::optional<std::string> default_db_path(const std::optional<std::string>& xdg,
                                           const std::optional<std::string>& home) {
  if (xdg && !xdg->empty() && (*xdg)[0] == '/') {
    return *xdg + "/qctl/stats.db";
  }
  if (home && !home->empty()) {
    return *home + "/.local/share/qctl/stats.db";
  }
  return std::nullopt;
}

}  // namespace qctl::stats::history
