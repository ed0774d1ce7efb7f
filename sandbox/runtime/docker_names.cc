// Docker-style names file: whole-file atomic rewrites.
#include "sandbox/runtime/docker_names.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace qctl::sandbox::runtime {

DockerNames::DockerNames(std::string path) : path_(std::move(path)) {}

void DockerNames::add(const std::string& task_id, const std::vector<std::string>& names, int pid) {
  std::lock_guard lock(mu_);
  auto& lines = lines_[task_id];
  for (const std::string& name : names) {
    lines.push_back(name + " " + std::to_string(pid));
  }
  write_locked();
}

void DockerNames::remove(const std::string& task_id) {
  std::lock_guard lock(mu_);
  if (lines_.erase(task_id) > 0) {
    write_locked();
  }
}

void DockerNames::write_locked() const {
  std::filesystem::path target(path_);
  std::error_code ec;
  if (target.has_parent_path()) {
    std::filesystem::create_directories(target.parent_path(), ec);
  }
  // Unique per process so two sandboxes sharing a directory never mix temporaries.
  const std::string tmp = path_ + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& [task, lines] : lines_) {
      for (const std::string& line : lines) {
        out << line << '\n';
      }
    }
    if (!out.flush()) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    std::filesystem::remove(tmp, ec);
  }
}

}  // namespace qctl::sandbox::runtime
