// Which live names the arguments and flags of each command complete to.
//
// `qctl __complete` walks the real CLI11 tree, so commands, flags and fixed flag values
// complete with no entry here: a flag whose type name lists its values ("auto|v3|v2") or
// that has a CLI::IsMember check is enumerated as it is, and a "FILE" type completes file
// names. Only *live* names need declaring. For a new command, say `qctl job run NAME`:
//
//   1. add {"job run", NameKind::kJobs} to positional_kinds() (the canonical command names
//      after "qctl", not aliases); the names fill the command's first positional argument
//      (every word of it when it takes many, as `job delete NAME...`);
//   2. for a new kind, add it to NameKind and kind_name() (complete.h), write its fetcher
//      next to app_names() (names.h) and call it from fetch() in
//      cmd/completion/live_names.cc (caching and the 1 s budget come for free);
//   3. a flag naming such things gets a flag_values() entry: "--flag" for every command, or
//      "job run --flag" for one command (the more specific key wins).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/completion/complete.h"

namespace qctl::completion {

/// Values of a flag: a fixed set, or live names of a kind.
struct ValueSource {
  NameKind kind = NameKind::kNone;
  std::vector<std::string> values;
};

/// The kind of live names a command's positional arguments take, by command path.
[[nodiscard]] const std::map<std::string, NameKind>& positional_kinds();

/// Where a flag's values come from, by "--flag" or "command path --flag".
[[nodiscard]] const std::map<std::string, ValueSource>& flag_values();

/// The entry for `flag` on the command at `path` ("" for the root); nullptr when none.
[[nodiscard]] const ValueSource* find_flag_values(const std::string& path, const std::string& flag);

}  // namespace qctl::completion
