#include "core/logs/writer.h"

#include <ostream>

namespace qctl::logs {

void LogWriter::write(const std::string& key, const std::string& label, std::string_view bytes) {
  if (label.empty()) {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return;
  }
  std::string& held = partial_[key];
  std::size_t at = 0;
  for (;;) {
    const std::size_t nl = bytes.find('\n', at);
    if (nl == std::string_view::npos) {
      held.append(bytes.substr(at));
      return;
    }
    out_ << '[' << label << "] " << held;
    out_.write(bytes.data() + at, static_cast<std::streamsize>(nl + 1 - at));
    held.clear();
    at = nl + 1;
  }
}

void LogWriter::finish(const std::string& key, const std::string& label) {
  auto it = partial_.find(key);
  if (it == partial_.end()) {
    return;
  }
  if (!it->second.empty()) {
    if (label.empty()) {
      out_ << it->second;
    } else {
      out_ << '[' << label << "] " << it->second << '\n';
    }
  }
  partial_.erase(it);
}

void LogWriter::flush() { out_.flush(); }

bool LogWriter::ok() const { return static_cast<bool>(out_); }

}  // namespace qctl::logs
