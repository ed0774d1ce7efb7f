// Build-time version facts; defined in the generated version.cc (core/version.cc.in).
#pragma once

namespace qctl {
extern const char* const kVersion;    // the project version, "0.1.0"
extern const char* const kGitCommit;  // short hash, or "unknown" outside a git checkout
}  // namespace qctl
