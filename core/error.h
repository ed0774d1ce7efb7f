// The one qctl error hierarchy; caught once in main, which maps it to an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace qctl {

/// Documented process exit codes (README "Exit codes").
enum class ExitCode : int {
  kOk = 0,
  kApi = 1,
  kUsage = 2,
  kNotFound = 3,
  kAuth = 4,
  kNetwork = 5,
  kPartial = 6,
  kInterrupted = 130,
};

/// Base error: a subject (what was being done, e.g. an endpoint) and what happened.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string subject, const std::string& what, std::string hint = {})
      : std::runtime_error(what), code_(code), subject_(std::move(subject)),
        hint_(std::move(hint)) {}
  [[nodiscard]] ExitCode code() const { return code_; }
  [[nodiscard]] const std::string& subject() const { return subject_; }
  [[nodiscard]] const std::string& hint() const { return hint_; }
  /// "subject: what" (or just "what" without a subject), as main prints it.
  [[nodiscard]] std::string line() const;

 private:
  ExitCode code_;
  std::string subject_;
  std::string hint_;
};

class UsageError : public Error {
 public:
  explicit UsageError(const std::string& what, std::string hint = {})
      : Error(ExitCode::kUsage, "", what, std::move(hint)) {}
};

class ConfigError : public Error {
 public:
  ConfigError(std::string subject, const std::string& what, std::string hint = {})
      : Error(ExitCode::kUsage, std::move(subject), what, std::move(hint)) {}
};

class ApiError : public Error {
 public:
  ApiError(std::string subject, const std::string& what, int status = 0, std::string hint = {})
      : Error(ExitCode::kApi, std::move(subject), what, std::move(hint)), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

 private:
  int status_;
};

class NotFoundError : public Error {
 public:
  NotFoundError(std::string subject, const std::string& what, std::string hint = {})
      : Error(ExitCode::kNotFound, std::move(subject), what, std::move(hint)) {}
};

class AuthError : public Error {
 public:
  AuthError(std::string subject, const std::string& what, std::string hint = {})
      : Error(ExitCode::kAuth, std::move(subject), what, std::move(hint)) {}
};

class NetworkError : public Error {
 public:
  NetworkError(std::string subject, const std::string& what, std::string hint = {})
      : Error(ExitCode::kNetwork, std::move(subject), what, std::move(hint)) {}
};

class PartialError : public Error {
 public:
  PartialError(std::string subject, const std::string& what)
      : Error(ExitCode::kPartial, std::move(subject), what) {}
};

}  // namespace qctl
