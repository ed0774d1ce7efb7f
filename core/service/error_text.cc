#include "core/service/error_text.h"

#include "core/util/strings.h"

namespace qctl::service {

namespace {

std::string html_title(std::string_view body) {
  const std::string lower = util::to_lower(body.substr(0, 4096));
  const auto open = lower.find("<title>");
  if (open == std::string::npos) {
    return {};
  }
  const auto start = open + 7;
  const auto close = lower.find("</title>", start);
  if (close == std::string::npos) {
    return {};
  }
  return std::string(util::trim(body.substr(start, close - start)));
}

}  // namespace

std::string clip(std::string text, std::size_t max) {
  if (text.size() > max) {
    text.resize(max);
    text += "...";
  }
  return text;
}

std::string plain_error_text(std::string_view body) {
  const auto text = util::trim(body);
  if (text.empty()) {
    return {};
  }
  if (text.front() == '<') {
    const auto title = html_title(text);
    return title.empty() ? "HTML error page" : "HTML error page: " + clip(title, 120);
  }
  return clip(util::first_line(text));
}

}  // namespace qctl::service
