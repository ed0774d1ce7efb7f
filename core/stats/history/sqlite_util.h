// Thin RAII wrappers over the SQLite C API for the history store (storage layer only):
// every failure becomes a qctl::Error naming the file, with locked/corrupt told apart.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace qctl::stats::history {

/// The version of the SQLite library qctl runs with ("3.40.1").
[[nodiscard]] std::string sqlite_version();

class Db {
 public:
  /// Opens `path` (creating it unless read_only) with a busy timeout of `lock_timeout`.
  Db(const std::string& path, bool read_only, std::chrono::milliseconds lock_timeout);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql);
  /// exec, but false instead of an error when another connection holds the lock (for
  /// statements SQLite does not retry through the busy timeout, like journal_mode changes).
  bool exec_unless_busy(const std::string& sql);
  [[nodiscard]] int user_version();
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  [[nodiscard]] std::int64_t changes() const;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] sqlite3* handle() const { return db_; }
  /// Throws the qctl::Error for SQLite result `rc` while `doing` something.
  [[noreturn]] void fail(int rc, const std::string& doing) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::chrono::milliseconds lock_timeout_;
};

class Stmt {
 public:
  Stmt(Db& db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, const std::string& v);
  Stmt& bind_optional(int i, const std::optional<double>& v);
  /// True while a row is available; false when done.
  bool step();
  void reset();
  [[nodiscard]] double real(int col) const;
  [[nodiscard]] std::int64_t int64(int col) const;
  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] bool is_null(int col) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE (the write lock up front, waiting up to the busy timeout) or a deferred
/// read transaction; rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(Db& db, bool write = true);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool open_ = true;
};

}  // namespace qctl::stats::history
