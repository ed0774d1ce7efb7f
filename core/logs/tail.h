// `--tail N`: the last N lines of a sandbox file, read backwards from the end in chunks so a
// 1 GB file costs a few requests, not a download.
#pragma once

#include <cstdint>
#include <string>

#include "core/logs/files.h"

namespace qctl::logs {

struct TailResult {
  std::string data;         // the last lines, byte-exact (binary and UTF-8 untouched)
  std::int64_t start = 0;   // file offset where `data` begins
  std::int64_t end = 0;     // file offset where it ends (the size when probed): follow from here
  bool clipped = false;     // fewer than N lines within the scan limit: data starts mid-file
};

/// Reads the last `lines` lines (a final line without '\n' counts) of `file`: probes the
/// size (offset=-1), then reads chunks backwards until enough newlines are seen, the start
/// of the file is reached, or `max_scan` bytes were read (then `clipped`, and `data` starts
/// after the first newline in it, or else at a UTF-8 character boundary). lines == 0 reads
/// nothing but the size. Throws like FileReader.
[[nodiscard]] TailResult read_tail(FileReader& reader, const FileRef& file, std::int64_t lines,
                                   std::int64_t max_scan);

/// The scan limit for `lines` lines: 1 MiB, or 8 KiB per line when that is more.
[[nodiscard]] std::int64_t default_tail_scan(std::int64_t lines);

/// Offset into `data` where the last `lines` lines start; npos when `data` holds fewer
/// complete ones (then the caller needs bytes from before it).
[[nodiscard]] std::size_t last_lines_start(const std::string& data, std::int64_t lines);

/// Offset of the first byte of `data` that does not continue a UTF-8 sequence (at most 3
/// bytes skipped), so output starting mid-file never begins with half a character.
[[nodiscard]] std::size_t utf8_boundary(const std::string& data);

}  // namespace qctl::logs
