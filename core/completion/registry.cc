#include "core/completion/registry.h"

namespace qctl::completion {

const std::map<std::string, NameKind>& positional_kinds() {
  static const std::map<std::string, NameKind> kinds = {
      {"config use-context", NameKind::kContexts},
      {"config delete-context", NameKind::kContexts},
      {"config get-contexts", NameKind::kContexts},
      {"config set-context", NameKind::kContexts},
      {"status agents", NameKind::kAgents},
      {"status frameworks", NameKind::kFrameworks},
      {"status apps", NameKind::kApps},
      {"status tasks", NameKind::kTasks},
      {"job run", NameKind::kJobs},
      {"job get", NameKind::kJobs},
      {"job status", NameKind::kJobs},
      {"job list", NameKind::kJobs},
      {"job kill", NameKind::kJobs},
      {"job delete", NameKind::kJobs},
      {"queue priority", NameKind::kJobs},
      {"queue list", NameKind::kJobs},
      {"restart app", NameKind::kApps},
      {"restart task", NameKind::kMarathonTasks},
      {"ssh", NameKind::kApps},
      {"logs", NameKind::kApps},
  };
  return kinds;
}

const std::map<std::string, ValueSource>& flag_values() {
  static const std::map<std::string, ValueSource> values = {
      {"--context", {NameKind::kContexts, {}}},
      {"--config", {NameKind::kFiles, {}}},
      {"config set-context --output", {NameKind::kNone, {"table", "wide", "json", "yaml", "name"}}},
      {"status tasks --framework", {NameKind::kFrameworks, {}}},
      {"status tasks --state",
       {NameKind::kNone,
        {"TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_FINISHED",
         "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_UNREACHABLE", "TASK_GONE"}}},
  };
  return values;
}

const ValueSource* find_flag_values(const std::string& path, const std::string& flag) {
  const auto& all = flag_values();
  if (!path.empty()) {
    if (const auto it = all.find(path + " " + flag); it != all.end()) {
      return &it->second;
    }
  }
  const auto it = all.find(flag);
  return it == all.end() ? nullptr : &it->second;
}

}  // namespace qctl::completion
