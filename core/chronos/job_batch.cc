#include "core/chronos/job_batch.h"

#include <algorithm>
#include <map>

#include "core/http/client.h"
#include "core/http/url.h"

namespace qctl::chronos {

namespace {

using State = BatchOutcome::State;

/// Requests per group, whose results are reported together (progress lines as they come).
/// Ctrl-C does not wait for a group: `stop` is asked before each request starts.
constexpr std::size_t kGroupPerSlot = 32;

struct Call {
  std::size_t index;  // the job's position
  http::Method method;
  std::string path;
  std::string body;
};

std::string base_url(Client& client) {
  const auto current = client.endpoints().current();
  return current.empty() ? client.endpoints().urls().front() : current;
}

BatchOutcome outcome_of(const http::Result& result) {
  BatchOutcome out;
  if (!result.ok()) {
    out.state = State::kFailed;
    out.error = http::describe_failure(result);
    return out;
  }
  const auto& r = *result.response;
  if (r.status >= 200 && r.status < 300) {
    out.state = State::kOk;
    return out;
  }
  out.state = State::kFailed;
  const auto message = error_message(r.body);
  out.error = "HTTP " + std::to_string(r.status) + (message.empty() ? "" : ": " + message);
  return out;
}

/// Sends `calls` in groups of parallel * kGroupPerSlot; false when `stop` ended it early
/// (requests in flight finish, the others stay kNotSent).
bool send_calls(Client& client, const std::vector<Call>& calls, const BatchOptions& opts,
                std::vector<BatchOutcome>& outcomes) {
  const std::size_t parallel = std::max<std::size_t>(opts.parallel, 1);
  const std::size_t group = parallel * kGroupPerSlot;
  const std::string base = base_url(client);
  auto& http = client.endpoints().http();
  for (std::size_t start = 0; start < calls.size(); start += group) {
    if (opts.stop && opts.stop()) {
      return false;
    }
    const std::size_t end = std::min(calls.size(), start + group);
    std::vector<http::Request> requests;
    requests.reserve(end - start);
    for (std::size_t k = start; k < end; ++k) {
      http::Request r;
      r.method = calls[k].method;
      r.url = http::join_url(base, calls[k].path);
      if (!calls[k].body.empty()) {
        r.body = calls[k].body;
        r.headers.emplace_back("Content-Type", "application/json");
      }
      requests.push_back(std::move(r));
    }
    const auto results = http.send_all(std::move(requests), parallel, opts.stop);  // -v traces
    bool stopped = false;
    for (std::size_t k = start; k < end; ++k) {
      if (results[k - start].failure == http::FailureKind::kNotSent) {
        stopped = true;
        continue;
      }
      outcomes[calls[k].index] = outcome_of(results[k - start]);
      if (opts.on_result) {
        opts.on_result(calls[k].index, outcomes[calls[k].index]);
      }
    }
    if (stopped) {
      return false;
    }
  }
  return true;
}

/// The first parent in the batch that did not succeed ("" when none).
std::string failed_parent(const PlannedJob& job, const std::map<std::string, std::size_t>& batch,
                          const std::vector<BatchOutcome>& outcomes) {
  if (!job.dependent) {
    return "";
  }
  for (const auto& parent : job.body.value("parents", nlohmann::json::array())) {
    const auto it = batch.find(parent.get<std::string>());
    if (it != batch.end() && outcomes[it->second].state != State::kOk) {
      return it->first;
    }
  }
  return "";
}

}  // namespace

std::vector<BatchOutcome> upsert_jobs(Client& client, const std::vector<PlannedJob>& jobs,
                                      const std::vector<bool>& send, const BatchOptions& opts) {
  std::vector<BatchOutcome> outcomes(jobs.size());
  std::map<std::string, std::size_t> batch;
  int last_wave = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    batch.emplace(jobs[i].name, i);
    last_wave = std::max(last_wave, jobs[i].wave);
  }
  const std::string prefix = client.prefix();
  for (int wave = 0; wave <= last_wave; ++wave) {
    std::vector<Call> calls;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (jobs[i].wave != wave) {
        continue;
      }
      if (!send[i]) {
        outcomes[i].state = State::kOk;
        if (opts.on_result) {
          opts.on_result(i, outcomes[i]);
        }
      } else if (const auto parent = failed_parent(jobs[i], batch, outcomes); !parent.empty()) {
        outcomes[i] = {State::kFailed, "parent " + parent + " was not submitted"};
        if (opts.on_result) {
          opts.on_result(i, outcomes[i]);
        }
      } else {
        calls.push_back({i, http::Method::kPost,
                         prefix + (jobs[i].dependent ? "/dependency" : "/iso8601"),
                         jobs[i].body.dump()});
      }
    }
    if (!send_calls(client, calls, opts, outcomes)) {
      break;
    }
  }
  return outcomes;
}

std::vector<BatchOutcome> trigger_jobs(Client& client, const std::vector<std::string>& names,
                                       const BatchOptions& opts) {
  std::vector<BatchOutcome> outcomes(names.size());
  const std::string prefix = client.prefix();
  std::vector<Call> calls;
  calls.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    calls.push_back({i, http::Method::kPut, prefix + "/job/" + http::url_encode(names[i]), ""});
  }
  send_calls(client, calls, opts, outcomes);
  return outcomes;
}

}  // namespace qctl::chronos
