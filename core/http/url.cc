#include "core/http/url.h"

#include <cctype>
#include <charconv>

#include "core/util/strings.h"

namespace qctl::http {

std::string Url::origin() const {
  const bool v6 = host.find(':') != std::string::npos;
  return scheme + "://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

namespace {

bool parse_authority(std::string_view auth, Url& url) {
  if (auth.empty() || auth.find('@') != std::string_view::npos) {
    return false;  // credentials in URLs are not accepted: they would leak into traces
  }
  std::string_view port_text;
  if (auth.front() == '[') {
    const auto close = auth.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    url.host = std::string(auth.substr(1, close - 1));
    const auto rest = auth.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        return false;
      }
      port_text = rest.substr(1);
    }
  } else {
    const auto colon = auth.rfind(':');
    url.host = std::string(auth.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = auth.substr(colon + 1);
    }
  }
  if (url.host.empty()) {
    return false;
  }
  for (char c : url.host) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
          c == ':')) {
      return false;
    }
  }
  if (!port_text.empty()) {
    int port = 0;
    const auto* end = port_text.data() + port_text.size();
    const auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
    if (ec != std::errc() || ptr != end || port <= 0 || port > 65535) {
      return false;
    }
    url.port = port;
  } else {
    url.port = url.scheme == "https" ? 443 : 80;
  }
  return true;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  text = util::trim(text);
  Url url;
  const auto sep = text.find("://");
  if (sep == std::string_view::npos) {
    return std::nullopt;
  }
  url.scheme = util::to_lower(text.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") {
    return std::nullopt;
  }
  auto rest = text.substr(sep + 3);
  const auto slash = rest.find_first_of("/?#");
  if (!parse_authority(rest.substr(0, slash), url)) {
    return std::nullopt;
  }
  if (slash != std::string_view::npos) {
    url.path = std::string(rest.substr(slash));
    if (const auto hash = url.path.find('#'); hash != std::string::npos) {
      url.path.resize(hash);
    }
  }
  return url;
}

std::optional<std::string> resolve_location(const std::string& requested,
                                            const std::string& location) {
  const auto base = parse_url(requested);
  if (!base) {
    return std::nullopt;
  }
  const auto loc = util::trim(location);
  if (util::starts_with(loc, "//")) {
    // Mesos answers 307 with a protocol-relative Location: keep the scheme we used.
    if (auto url = parse_url(base->scheme + ":" + std::string(loc))) {
      return url->str();
    }
    return std::nullopt;
  }
  if (loc.find("://") != std::string_view::npos) {
    if (auto url = parse_url(loc)) {
      return url->str();
    }
    return std::nullopt;
  }
  if (util::starts_with(loc, "/")) {
    return base->origin() + std::string(loc);
  }
  return std::nullopt;
}

std::string join_url(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') {
    base.remove_suffix(1);
  }
  if (path.empty()) {
    return std::string(base);
  }
  if (path.front() != '/') {
    return std::string(base) + "/" + std::string(path);
  }
  return std::string(base) + std::string(path);
}

std::string url_encode(std::string_view s) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace qctl::http
