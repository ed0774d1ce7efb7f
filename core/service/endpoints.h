// Failover over a list of equivalent service URLs (Marathon and Chronos non-leaders proxy).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "core/http/client.h"

namespace qctl::service {

/// Sends a request to the first URL that answers, remembering it for next time. A
/// connection failure moves on to the next URL; every URL failing throws the NetworkError
/// of the last one, naming all that were tried. Thread-safe.
class Endpoints {
 public:
  Endpoints(http::Client& http, std::vector<std::string> urls, std::string service_name);

  /// `path` is appended to the URL ("/v2/apps"); the response may have any status.
  http::Response send(http::Method method, const std::string& path,
                      const std::string& body = {}, const http::Headers& headers = {});

  /// The URL that answered last ("" before the first request).
  [[nodiscard]] std::string current() const;
  [[nodiscard]] const std::vector<std::string>& urls() const { return urls_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] http::Client& http() { return http_; }

 private:
  http::Client& http_;
  std::vector<std::string> urls_;
  std::string name_;
  mutable std::mutex mutex_;
  std::size_t preferred_ = 0;
  bool answered_ = false;
};

}  // namespace qctl::service
