// The first read of `qctl logs`: each file whole, its tail, or nothing older than --since,
// leaving every file positioned at its end for following.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/logs/files.h"
#include "core/logs/follow.h"
#include "core/logs/writer.h"

namespace qctl::logs {

struct ReadOptions {
  std::int64_t tail = -1;              // last N lines; -1 = the whole file
  std::optional<double> since;         // skip files last written before this (epoch seconds)
  bool follow = false;                 // files skipped by --since still get followed
};

struct ReadReport {
  std::vector<Source> sources;      // the readable ones, offsets at what was printed
  std::vector<std::string> failed;  // task ids whose agent did not answer
};

/// Prints each source in turn (labelled sources line by line). An agent that does not
/// answer is told through `on_notice` and skipped. A file missing from a sandbox throws
/// NotFoundError naming the file and listing what the sandbox holds.
ReadReport read_initial(FileReader& reader, std::vector<Source> sources,
                        const ReadOptions& options, LogWriter& out,
                        const std::function<void(const std::string&)>& on_notice);

/// Copies `source` from its offset to the current end of the file; returns bytes copied.
std::int64_t copy_to_end(FileReader& reader, Source& source, LogWriter& out);

}  // namespace qctl::logs
