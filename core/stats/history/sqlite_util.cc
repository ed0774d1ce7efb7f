#include "core/stats/history/sqlite_util.h"

#include <sqlite3.h>

#include "core/error.h"
#include "core/util/duration.h"

namespace qctl::stats::history {

std::string sqlite_version() { return ::sqlite3_libversion(); }


Db::Db(const std::string& path, bool read_only, std::chrono::milliseconds lock_timeout)
    : path_(path), lock_timeout_(lock_timeout) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    fail(rc, "open");
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(lock_timeout.count()));
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(int rc, const std::string& doing) const {
  const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ExitCode::kApi, path_,
                  "database is locked by another writer (waited " +
                      util::format_millis(lock_timeout_) + ")",
                  "another 'qctl stats record' may be running; retry, or wait longer with "
                  "--lock-timeout");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      throw Error(ExitCode::kApi, path_, "not a usable stats history: " + detail,
                  "qctl leaves the file as it is; move it aside to start a new history");
    default:
      throw Error(ExitCode::kApi, path_, "cannot " + doing + " the stats history: " + detail);
  }
}

void Db::exec(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    fail(rc, "update");
  }
}

bool Db::exec_unless_busy(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) {
    return true;
  }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    return false;
  }
  fail(rc, "update");
}

int Db::user_version() {
  Stmt q(*this, "PRAGMA user_version");
  return q.step() ? static_cast<int>(q.int64(0)) : 0;
}

std::int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
std::int64_t Db::changes() const { return sqlite3_changes64(db_); }

Stmt::Stmt(Db& db, const std::string& sql) : db_(db) {
  const int rc =
      sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    db.fail(rc, "read");
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind_optional(int i, const std::optional<double>& v) {
  if (v) {
    sqlite3_bind_double(stmt_, i, *v);
  } else {
    sqlite3_bind_null(stmt_, i);
  }
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  db_.fail(rc, "access");
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p != nullptr ? std::string(reinterpret_cast<const char*>(p),
                                    static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                      : std::string();
}

Transaction::Transaction(Db& db, bool write) : db_(db) {
  db.exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (open_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace qctl::stats::history
