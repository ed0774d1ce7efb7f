#include "core/service/endpoints.h"

#include "core/error.h"
#include "core/http/url.h"

namespace qctl::service {

Endpoints::Endpoints(http::Client& http, std::vector<std::string> urls, std::string service_name)
    : http_(http), urls_(std::move(urls)), name_(std::move(service_name)) {}

std::string Endpoints::current() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return answered_ ? urls_[preferred_] : std::string();
}

http::Response Endpoints::send(http::Method method, const std::string& path,
                               const std::string& body, const http::Headers& headers) {
  if (urls_.empty()) {
    throw ConfigError(name_, "no URL configured in this context");
  }
  std::size_t start = 0;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    start = preferred_;
  }
  std::string last_error;
  for (std::size_t k = 0; k < urls_.size(); ++k) {
    const auto index = (start + k) % urls_.size();
    http::Request request;
    request.method = method;
    request.url = http::join_url(urls_[index], path);
    request.body = body;
    request.headers = headers;
    try {
      auto response = http_.send(std::move(request));
      std::lock_guard<std::mutex> guard(mutex_);
      preferred_ = index;
      answered_ = true;
      return response;
    } catch (const NetworkError& e) {
      last_error = e.line();
    }
  }
  if (urls_.size() == 1) {
    throw NetworkError(name_, last_error);
  }
  throw NetworkError(name_, "none of " + std::to_string(urls_.size()) +
                                " URLs answered; last: " + last_error);
}

}  // namespace qctl::service
