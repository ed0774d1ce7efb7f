// Task ids and the high/normal task queues, as Chronos' TaskUtils and TaskManager keep them.
#include "sandbox/chronos/task_queues.h"

#include <algorithm>

#include "sandbox/chronos/job.h"

namespace qctl::sandbox::chronos {

std::string joined_arguments(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) {
    out += (out.empty() ? "" : " ") + a;
  }
  return out;
}

std::string make_task_id(const std::string& job, std::int64_t due_ms, int attempt,
                         const std::string& arguments) {
  std::string args = arguments;
  args.erase(std::remove(args.begin(), args.end(), ';'), args.end());
  return "ct:" + std::to_string(due_ms) + ":" + std::to_string(attempt) + ":" + job + ":" + args;
}

std::optional<TaskId> parse_task_id(const std::string& id) {
  if (id.rfind("ct:", 0) != 0) {
    return std::nullopt;
  }
  TaskId t;
  std::size_t pos = 3;
  auto number = [&](std::int64_t& out) {
    const std::size_t end = id.find(':', pos);
    if (end == std::string::npos || end == pos ||
        id.find_first_not_of("0123456789", pos) < end || end - pos > 18) {
      return false;
    }
    out = std::stoll(id.substr(pos, end - pos));
    pos = end + 1;
    return true;
  };
  std::int64_t attempt = 0;
  if (!number(t.due_ms) || !number(attempt)) {
    return std::nullopt;
  }
  t.attempt = static_cast<int>(attempt);
  // The name cannot hold ':', so it ends at the next one (or at the end).
  const std::size_t end = id.find(':', pos);
  t.job = id.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  t.arguments = end == std::string::npos ? "" : id.substr(end + 1);
  if (!valid_job_name(t.job, 2)) {  // the 2.x names are a superset
    return std::nullopt;
  }
  return t;
}

bool TaskQueues::enqueue(const std::string& task_id, bool high_priority) {
  auto id = parse_task_id(task_id);
  const std::string job = id ? id->job : "";
  if (dedup_ && queued_jobs_.count(job) > 0) {
    return false;  // "Don't double enqueue tasks" (#762)
  }
  queued_jobs_.insert(job);
  (high_priority ? high_ : normal_).push_back(task_id);
  return true;
}

std::optional<std::string> TaskQueues::poll(bool high) {
  auto& q = high ? high_ : normal_;
  if (q.empty()) {
    return std::nullopt;
  }
  std::string id = std::move(q.front());
  q.pop_front();
  auto parsed = parse_task_id(id);
  if (auto it = queued_jobs_.find(parsed ? parsed->job : ""); it != queued_jobs_.end()) {
    queued_jobs_.erase(it);
  }
  return id;
}

void TaskQueues::clear() {
  high_.clear();
  normal_.clear();
  queued_jobs_.clear();
}

}  // namespace qctl::sandbox::chronos
