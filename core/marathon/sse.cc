#include "core/marathon/sse.h"

namespace qctl::marathon {

bool SseParser::feed(std::string_view bytes, const SseHandler& on_event) {
  std::size_t at = 0;
  if (skip_lf_ && !bytes.empty()) {
    skip_lf_ = false;
    if (bytes.front() == '\n') {
      at = 1;
    }
  }
  while (at < bytes.size()) {
    const std::size_t end = bytes.find_first_of("\r\n", at);
    if (end == std::string_view::npos) {
      partial_.append(bytes.substr(at));
      break;
    }
    bool keep_going = true;
    if (partial_.empty()) {
      keep_going = line(bytes.substr(at, end - at), on_event);
    } else {
      partial_.append(bytes.substr(at, end - at));
      std::string whole;
      whole.swap(partial_);
      keep_going = line(whole, on_event);
    }
    at = end + 1;
    if (bytes[end] == '\r') {
      if (at == bytes.size()) {
        skip_lf_ = true;
      } else if (bytes[at] == '\n') {
        ++at;
      }
    }
    if (!keep_going) {
      return false;
    }
  }
  return true;
}

bool SseParser::line(std::string_view text, const SseHandler& on_event) {
  if (text.empty()) {
    if (!has_data_) {
      event_ = SseEvent{};  // an event without data is dropped
      return true;
    }
    SseEvent done = std::move(event_);
    event_ = SseEvent{};
    has_data_ = false;
    return on_event(done);
  }
  if (text.front() == ':') {
    return true;  // comment
  }
  const std::size_t colon = text.find(':');
  std::string_view field = text.substr(0, colon);
  std::string_view value;
  if (colon != std::string_view::npos) {
    value = text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') {
      value.remove_prefix(1);
    }
  }
  if (field == "event") {
    event_.type = value.empty() ? std::string("message") : std::string(value);
  } else if (field == "data") {
    if (has_data_) {
      event_.data += '\n';
    }
    event_.data.append(value);
    has_data_ = true;
  }
  return true;
}

}  // namespace qctl::marathon
