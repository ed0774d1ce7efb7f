// Private files written atomically: the config, the completion cache, the unique sync state.
// A temp file from mkstemp in the target's directory (0600, a name nobody can plant a symlink
// at), fsync, rename over the target; missing directories are created 0700.
#pragma once

#include <string>

namespace qctl::util {

/// The directory part of `path` ("." for a bare name, "/" for a file in the root).
[[nodiscard]] std::string parent_dir(const std::string& path);

/// Creates the missing directories of `dir` with mode 0700, outermost first; existing ones
/// keep their mode. "" on success, else what failed ("cannot create directory X: reason").
[[nodiscard]] std::string make_private_dirs(const std::string& dir);

/// Replaces `path` with `text` as described above. "" on success, else what failed.
[[nodiscard]] std::string write_private_file(const std::string& path, const std::string& text);

}  // namespace qctl::util
