// Which files of which tasks `qctl logs` reads: TARGET resolved with core/target, each
// task's sandbox found on its agent, and the task changes reported while following.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/logs/files.h"
#include "core/logs/follow.h"
#include "core/target/resolve.h"

namespace qctl::mesos {
class MasterClient;
class AgentClient;
}  // namespace qctl::mesos

namespace qctl::logs {

/// Sandbox files to read per task.
struct FileSpec {
  std::vector<std::string> files{"stdout"};  // relative paths: stdout, stderr, logs/app.log
  bool label_files = false;                  // --all: the file name is part of the label
};

/// A task and the absolute path of its sandbox on its agent.
struct TaskSandbox {
  target::TargetTask task;
  std::string directory;
};

/// The `directory` of the task's executor in its agent's /state (target::find_executor,
/// completed ones included); when the agent no longer lists it, the virtual path
/// /frameworks/<fw>/executors/<executor>/runs/latest (Mesos 1.5+).
[[nodiscard]] std::string sandbox_directory(const target::TargetTask& task,
                                            const model::AgentState& state);

/// The running tasks `target` names (all of them: logs reads every match), each agent's
/// /state read once. Throws NotFoundError like `qctl ssh` when none runs.
[[nodiscard]] std::vector<TaskSandbox> select_running(const std::string& target,
                                                      mesos::MasterClient& master,
                                                      mesos::AgentClient& agents,
                                                      target::MatchKind* kind = nullptr);

/// The most recently finished task `target` names (`--previous`). Throws NotFoundError when
/// none has finished (or the master no longer remembers one).
[[nodiscard]] TaskSandbox select_previous(const std::string& target, mesos::MasterClient& master,
                                          mesos::AgentClient& agents);

/// "" for one task's single file; the task id when several tasks share the output; the
/// file name too with --all ("stderr", "<task> stderr").
[[nodiscard]] std::string label_for(const std::string& task_id, const std::string& file,
                                    bool several_tasks, const FileSpec& spec);

/// The Source of one task's file (offset 0), labelled by label_for.
[[nodiscard]] Source make_source(const TaskSandbox& task, const std::string& file,
                                 bool several_tasks, const FileSpec& spec);

/// One Source per task and file (offset 0).
[[nodiscard]] std::vector<Source> make_sources(const std::vector<TaskSandbox>& tasks,
                                               const FileSpec& spec);

/// The file's mtime from /files/browse of its directory; nullopt when it is not listed.
[[nodiscard]] std::optional<double> file_mtime(FileReader& reader, const FileRef& file);

/// "stdout, stderr, logs/" — the names in a sandbox directory, for "no such file" hints.
[[nodiscard]] std::string list_directory(FileReader& reader, const FileRef& directory);

/// Tracks the target's running tasks while following (the Follower's Refresh): new tasks
/// (scale-up, replacement after a restart or failure) are added from their first byte,
/// ended ones drained and dropped, each change told in one line.
class TargetWatch {
 public:
  TargetWatch(std::string target, target::MatchKind kind, mesos::MasterClient& master,
              mesos::AgentClient& agents, FileSpec spec, const std::vector<TaskSandbox>& initial);

  SourceUpdate refresh(const std::vector<Source>& current);

 private:
  [[nodiscard]] bool single_task_target() const;
  std::vector<Source> sources() const;

  std::string target_;
  target::MatchKind kind_;
  mesos::MasterClient& master_;
  mesos::AgentClient& agents_;
  FileSpec spec_;
  std::map<std::string, TaskSandbox> known_;  // task id -> sandbox
  std::vector<std::string> order_;            // task ids in the order they were found
  std::vector<std::string> unpaired_;         // new tasks not yet told as a replacement
  bool several_ = false;                      // labels on (once on, they stay)
  bool master_warned_ = false;
  bool waiting_told_ = false;
};

}  // namespace qctl::logs
