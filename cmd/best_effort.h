// Optional reads: a source whose failure becomes a warning instead of the command's error.
#pragma once

#include <future>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace qctl::cmd {

/// The future's value; an Error it throws becomes "<label>: <error>" in `warnings` instead.
template <class T>
std::optional<T> best_effort(std::future<T>& future, const std::string& label,
                             std::vector<std::string>& warnings) {
  try {
    return future.get();
  } catch (const Error& e) {
    warnings.push_back(label + ": " + e.line());
    return std::nullopt;
  }
}

}  // namespace qctl::cmd
