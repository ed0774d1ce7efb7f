// The completion name cache: one small JSON file per context with a timestamp per kind.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/completion/complete.h"
#include "core/config/config.h"

namespace qctl::completion {

struct CacheEntry {
  std::vector<Candidate> names;
  double fetched_at = 0;  // last successful refresh (Unix seconds), 0 = never
  double tried_at = 0;    // last refresh attempt, successful or not
};

/// The names cached for one context in `dir`/<context>.json ({"agents": {"fetched_at": …,
/// "tried_at": …, "names": [[value, description], …]}, …}). Never throws: an unreadable or
/// malformed file reads as empty, a failed write is reported by put's result.
class NameCache {
 public:
  NameCache(std::string dir, const std::string& context);

  /// The entry of `kind`; an empty one when nothing is cached.
  [[nodiscard]] CacheEntry get(NameKind kind);
  /// Replaces the entry of `kind` and rewrites the file atomically (temp file + rename,
  /// mode 0600, directories created 0700). Returns false when it could not be written.
  bool put(NameKind kind, const CacheEntry& entry);

  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  void load();

  std::string dir_;
  std::string path_;
  bool loaded_ = false;
  std::map<std::string, CacheEntry> entries_;
};

/// $XDG_CACHE_HOME/qctl/completion, else $HOME/.cache/qctl/completion; "" when neither
/// variable is set (then nothing is cached).
[[nodiscard]] std::string cache_dir(const config::Getenv& env);

/// A file name for a context name: [A-Za-z0-9._-] kept, every other byte as %XX.
[[nodiscard]] std::string cache_file_name(const std::string& context);

/// What a context's names are cached under: its name and a hash of its Mesos, Marathon and
/// Chronos URLs ("prod.3f2a9c1e"), so another cluster behind the same name (QCTL_MESOS, a
/// second config file, a sandbox on new ports) never gets the first one's names.
[[nodiscard]] std::string cache_key(const config::ContextConfig& context);

}  // namespace qctl::completion
