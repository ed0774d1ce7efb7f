#include "core/health/run.h"

#include <chrono>
#include <future>

#include "core/error.h"

namespace qctl::health {

CheckResult failed_check(const std::string& check, std::exception_ptr error, bool deadline_passed,
                         const std::string& timeout_text) {
  CheckResult r;
  r.check = check;
  try {
    std::rethrow_exception(std::move(error));
  } catch (const NetworkError& e) {
    if (deadline_passed) {
      r.status = Status::kUnknown;
      r.summary = "did not finish within " + timeout_text + " (" + e.line() + ")";
    } else {
      r.status = Status::kCritical;
      r.summary = e.line();
    }
  } catch (const AuthError& e) {
    r.status = Status::kUnknown;
    r.summary = "cannot check: " + e.line();
  } catch (const Error& e) {
    // Configuration and usage problems say nothing about the service: UNKNOWN.
    r.status = e.code() == ExitCode::kUsage ? Status::kUnknown : Status::kCritical;
    r.summary = e.line();
  } catch (const std::exception& e) {
    r.status = Status::kUnknown;
    r.summary = std::string("internal error: ") + e.what();
  }
  return r;
}

Report run_checks(const std::vector<CheckTask>& tasks, const http::DeadlineTransport& deadline,
                  const std::string& timeout_text) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::future<CheckResult>> futures;
  futures.reserve(tasks.size());
  for (const auto& task : tasks) {
    futures.push_back(std::async(std::launch::async, [&task, &deadline, &timeout_text] {
      try {
        auto r = task.run();
        // A check that turned its failed requests into a CRITICAL (the mesos check reports
        // every master DOWN) says nothing about the cluster when qctl's own deadline cut them.
        if (r.status == Status::kCritical && deadline.expired() && deadline.left().count() == 0) {
          r.status = Status::kUnknown;
          r.summary = "did not finish within " + timeout_text + " (" + r.summary + ")";
        }
        return r;
      } catch (...) {
        const bool passed = deadline.expired() && deadline.left().count() == 0;
        return failed_check(task.check, std::current_exception(), passed, timeout_text);
      }
    }));
  }
  Report report;
  for (auto& f : futures) {
    report.checks.push_back(f.get());
  }
  report.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace qctl::health
