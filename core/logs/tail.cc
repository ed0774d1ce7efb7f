#include "core/logs/tail.h"

#include <algorithm>

namespace qctl::logs {

std::int64_t default_tail_scan(std::int64_t lines) {
  return std::max<std::int64_t>(std::int64_t{1} << 20, lines * 8 * 1024);
}

std::size_t last_lines_start(const std::string& data, std::int64_t lines) {
  if (lines <= 0) {
    return data.size();
  }
  std::size_t end = data.size();
  if (end > 0 && data[end - 1] == '\n') {
    --end;  // the newline ending the last line does not separate it from anything
  }
  std::int64_t found = 0;
  while (end > 0) {
    const std::size_t nl = data.rfind('\n', end - 1);
    if (nl == std::string::npos) {
      break;
    }
    if (++found == lines) {
      return nl + 1;
    }
    end = nl;
  }
  return std::string::npos;
}

std::size_t utf8_boundary(const std::string& data) {
  std::size_t at = 0;
  while (at < data.size() && at < 3 && (static_cast<unsigned char>(data[at]) & 0xC0) == 0x80) {
    ++at;
  }
  return at;
}

namespace {

// Exactly the bytes [from, to): the agent may return less than asked per call.
std::string read_range(FileReader& reader, const FileRef& file, std::int64_t from,
                       std::int64_t to) {
  std::string out;
  while (from < to) {
    auto chunk = reader.read(file, from, std::min(to - from, kReadChunk));
    if (chunk.data.empty()) {
      break;  // the file shrank meanwhile
    }
    from += static_cast<std::int64_t>(chunk.data.size());
    out += chunk.data;
  }
  return out;
}

}  // namespace

TailResult read_tail(FileReader& reader, const FileRef& file, std::int64_t lines,
                     std::int64_t max_scan) {
  TailResult result;
  result.end = reader.size(file);
  result.start = result.end;
  if (lines <= 0) {
    return result;
  }
  std::string data;
  // The first read is sized for the lines asked for (~256 bytes each), later ones double:
  // a short tail of a file full of escaped binary stays small on the wire.
  std::int64_t block = std::clamp<std::int64_t>(lines * 256, 4096, kReadChunk);
  while (result.start > 0) {
    const std::int64_t from = std::max<std::int64_t>(0, result.start - block);
    block = std::min(block * 2, kReadChunk);
    data.insert(0, read_range(reader, file, from, result.start));
    result.start = from;
    const std::size_t at = last_lines_start(data, lines);
    if (at != std::string::npos) {
      result.start += static_cast<std::int64_t>(at);
      result.data = data.substr(at);
      return result;
    }
    if (result.end - result.start >= max_scan && result.start > 0) {
      result.clipped = true;
      const std::size_t nl = data.find('\n');
      const std::size_t cut = nl != std::string::npos && nl + 1 < data.size()
                                  ? nl + 1
                                  : utf8_boundary(data);
      result.start += static_cast<std::int64_t>(cut);
      result.data = data.substr(cut);
      return result;
    }
  }
  result.data = std::move(data);
  return result;
}

}  // namespace qctl::logs
