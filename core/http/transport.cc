#include "core/http/transport.h"

#include "core/util/strings.h"

namespace qctl::http {

const char* method_name(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "GET";
}

std::optional<std::string> Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (util::iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

Result not_sent() {
  Result r;
  r.failure = FailureKind::kNotSent;
  r.failure_message = "not sent";
  return r;
}

std::vector<Result> Transport::perform_all(const std::vector<Request>& requests,
                                           std::size_t /*parallel*/,
                                           const std::function<bool()>& stop) {
  std::vector<Result> results;
  results.reserve(requests.size());
  for (const auto& request : requests) {
    results.push_back(stop && stop() ? not_sent() : perform(request));
  }
  return results;
}

}  // namespace qctl::http
