// Writes log bytes to the user: raw for one unlabelled file, line by line with a
// "[label] " prefix when several files share the output.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

namespace qctl::logs {

class LogWriter {
 public:
  explicit LogWriter(std::ostream& out) : out_(out) {}

  /// Bytes of the file `key`. Unlabelled bytes go out as they are (split characters join
  /// up again on the terminal); labelled ones wait for their newline so prefixed lines
  /// never interleave.
  void write(const std::string& key, const std::string& label, std::string_view bytes);
  /// The file `key` ends: a held partial line goes out with a newline added.
  void finish(const std::string& key, const std::string& label);
  /// Flushes the stream (following: new bytes must show at once).
  void flush();
  /// False once the stream failed (stdout closed: `qctl logs -f | head`).
  [[nodiscard]] bool ok() const;

 private:
  std::ostream& out_;
  std::map<std::string, std::string> partial_;  // key -> bytes after its last newline
};

}  // namespace qctl::logs
