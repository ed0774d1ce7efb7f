// The file that maps Docker-style container names to host pids, for a `docker` stand-in.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace qctl::sandbox::runtime {

/// File format (plain text, rewritten whole and atomically through a temporary file and
/// rename(2), so a reader never sees half a file):
///
///     mesos-3f1c2a9e-8b7d-4e21-9c3a-0d5e6f7a8b9c 4242
///     mesos-<agentId>.3f1c2a9e-8b7d-4e21-9c3a-0d5e6f7a8b9c 4242
///
/// one line per name: the name, one space, the decimal host pid of the task's
/// process (its namespace init when it has namespaces, so `nsenter -t <pid> -a` enters
/// the container). Every live Docker task has its "mesos-<containerId>" line; on agents
/// 0.23 to 1.3 it also has the "mesos-<agentId>.<containerId>" name those versions use.
/// Lines appear when the task starts and go when it ends; no comments, no blank lines.
class DockerNames {
 public:
  explicit DockerNames(std::string path);

  /// Adds the task's names (pid as above) and rewrites the file.
  void add(const std::string& task_id, const std::vector<std::string>& names, int pid);
  /// Drops the task's lines, if any, and rewrites the file.
  void remove(const std::string& task_id);
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  void write_locked() const;

  std::string path_;
  std::mutex mu_;
  std::map<std::string, std::vector<std::string>> lines_;  // task id -> its lines
};

}  // namespace qctl::sandbox::runtime
