// Client::job_stats: many GET job/stat/{name} at once, for `qctl job stats` over many jobs.
#include <algorithm>

#include "core/chronos/client.h"
#include "core/chronos/decode.h"
#include "core/error.h"
#include "core/http/client.h"
#include "core/http/errors.h"
#include "core/http/url.h"

namespace qctl::chronos {

std::vector<std::optional<model::JobStat>> Client::job_stats(const std::vector<std::string>& names,
                                                             std::size_t parallel) {
  const auto base = prefix();
  const auto current = endpoints_.current();
  const auto url = current.empty() ? endpoints_.urls().front() : current;
  auto& http = endpoints_.http();
  std::vector<http::Request> requests;
  requests.reserve(names.size());
  for (const auto& name : names) {
    http::Request r;
    r.method = http::Method::kGet;
    r.url = http::join_url(url, base + "/job/stat/" + http::url_encode(name));
    requests.push_back(std::move(r));
  }
  const auto results = http.send_all(requests, std::max<std::size_t>(parallel, 1), {});
  std::vector<std::optional<model::JobStat>> out(names.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string subject = "GET " + requests[i].url;
    if (!results[i].ok()) {
      throw NetworkError(subject, http::describe_failure(results[i]));
    }
    auto response = *results[i].response;
    if (response.status == 400 &&
        error_message(response.body).find("not found") != std::string::npos) {
      continue;  // deleted since the job list was read
    }
    if (response.status < 200 || response.status >= 300) {
      http::throw_for_status(response.status, subject, error_message(response.body));
    }
    try {
      out[i] = decode_job_stat(response.body);
    } catch (const json::DecodeError& e) {
      throw ApiError(subject, e.what(), response.status);
    }
  }
  return out;
}

}  // namespace qctl::chronos
