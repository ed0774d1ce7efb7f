// The `qctl unique` verbs and what `sync` shares between its one-shot and --watch modes.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cmd/context.h"
#include "core/unique/sync.h"
#include "core/unique/watch.h"

namespace qctl::cmd {

struct UniqueSyncOptions {
  std::vector<std::string> apps;
  std::string selector;
  bool all_unique = false;
  bool any_constraint = false;
  bool require_fit = false;
  std::string max_change = "20%";
  bool force = false;
  bool fix_upgrade_strategy = false;
  bool dry_run = false;
  std::string mesos_role = "*";
  std::string state_file;  // "" = $XDG_STATE_HOME/qctl/unique-<context>.json
  bool watch = false;
  std::string interval = "5s";
  std::string resync = "60s";
  bool no_events = false;
  bool syslog = false;
};

void register_unique_sync(CLI::App& unique, Context& ctx);

/// The flags, checked: the request of every pass and, for --watch, the loop's options.
struct ValidatedSync {
  unique::SyncRequest request;
  unique::WatchOptions watch;
};

/// Checks the flags (and the context's `unique-apps` default) before any request. Throws
/// UsageError for bad or conflicting flags or when nothing selects apps.
[[nodiscard]] ValidatedSync validate_sync(const UniqueSyncOptions& opts, Context& ctx);
/// Prints the plan (after the pass) in the -o format on stdout.
void print_sync_result(Context& ctx, const unique::SyncResult& result);
/// `--watch`: runs until SIGTERM/SIGINT; 0 on SIGTERM, 130 on SIGINT.
int run_unique_watch(const UniqueSyncOptions& opts, const ValidatedSync& sync, Context& ctx);

}  // namespace qctl::cmd
