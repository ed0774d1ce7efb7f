// Sandbox paths, the task environment and Docker names, as the Mesos agent makes them.
#include "sandbox/runtime/layout.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace qctl::sandbox::runtime {

namespace {

// Agent flag defaults behind the executor environment (src/slave/constants.hpp):
// executor_shutdown_grace_period 5secs, recovery_timeout 15mins,
// executor_reregistration_timeout 2secs; stout prints Durations this way.
constexpr const char* kShutdownGrace = "5secs";
constexpr const char* kRecoveryTimeout = "15mins";
constexpr const char* kReregistrationTimeout = "2secs";

// "ip:port" of the agent's libprocess pid ("slave(1)@10.0.0.5:5051").
std::string agent_endpoint(const SimAgent& agent) {
  const std::string& pid = agent.info.pid;
  if (auto at = pid.find('@'); at != std::string::npos) {
    return pid.substr(at + 1);
  }
  const std::string& host = agent.ip.empty() ? agent.info.hostname : agent.ip;
  return host + ":" + std::to_string(agent.info.port);
}

}  // namespace

std::string agent_root(const SimAgent& agent, const std::string& fallback) {
  return agent.work_dir.empty() ? fallback : agent.work_dir;
}

std::string sandbox_path(const std::string& root, const SimTask& task) {
  std::string path;
  path.reserve(root.size() + task.agent_id.size() + task.spec.framework_id.size() +
               task.executor_id.size() + task.container_id.size() + 48);
  path.append(root).append("/slaves/").append(task.agent_id);
  path.append("/frameworks/").append(task.spec.framework_id);
  path.append("/executors/").append(task.executor_id);
  path.append("/runs/").append(task.container_id);
  return path;
}

std::map<std::string, std::string> task_environment(const SimTask& task, const SimAgent& agent,
                                                    const std::string& sandbox) {
  // The containerizer replaces the agent's environment entirely (launch.cpp), so the task
  // sees only these plus what its framework set; no HOME or USER, as on a real agent.
  std::map<std::string, std::string> env = {
      {"LIBPROCESS_PORT", "0"},
      {"MESOS_FRAMEWORK_ID", task.spec.framework_id},
      {"MESOS_EXECUTOR_ID", task.executor_id},
      {"MESOS_DIRECTORY", sandbox},
      {"MESOS_SANDBOX", sandbox},
      {"MESOS_SLAVE_ID", task.agent_id},
      {"MESOS_SLAVE_PID", agent.info.pid},
      {"MESOS_AGENT_ENDPOINT", agent_endpoint(agent)},
      // Marathon and Chronos both register with checkpointing on.
      {"MESOS_CHECKPOINT", "1"},
      {"MESOS_RECOVERY_TIMEOUT", kRecoveryTimeout},
      {"MESOS_SUBSCRIPTION_BACKOFF_MAX", kReregistrationTimeout},
      {"MESOS_HTTP_COMMAND_EXECUTOR", "0"},
      {"MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", kShutdownGrace},
  };
  for (const auto& [name, value] : task.spec.env) {
    env[name] = value;
  }
  env["MESOS_ALLOCATION_ROLE"] = task.spec.role;
  if (task.spec.container == ContainerKind::kDocker) {
    // docker.cpp sets these after the user's variables, so they win. A Docker image
    // would bring its own HOME; root's is the one `docker run` gives.
    env["MESOS_CONTAINER_NAME"] = docker_names(task, agent).back();
    env.try_emplace("HOME", "/root");
  }
  env.try_emplace("PATH", kHostDefaultPath);
  return env;
}

bool uses_agent_docker_names(const std::string& version) {
  int major = 0;
  int minor = 0;
  if (std::sscanf(version.c_str(), "%d.%d", &major, &minor) != 2) {
    return false;
  }
  const bool from_0_23 = major > 0 || minor >= 23;
  const bool before_1_4 = major == 0 || (major == 1 && minor < 4);
  return from_0_23 && before_1_4;
}

std::vector<std::string> docker_names(const SimTask& task, const SimAgent& agent) {
  std::vector<std::string> names = {"mesos-" + task.container_id};
  if (uses_agent_docker_names(agent.info.version)) {
    names.push_back("mesos-" + task.agent_id + "." + task.container_id);
  }
  return names;
}

std::string describe_wait_status(int wait_status) {
  if (WIFEXITED(wait_status)) {
    return "exited with status " + std::to_string(WEXITSTATUS(wait_status));
  }
  if (WIFSIGNALED(wait_status)) {
    const char* name = sigdescr_np(WTERMSIG(wait_status));
    std::string text = "terminated with signal ";
    text += name != nullptr ? name : "Unknown signal " + std::to_string(WTERMSIG(wait_status));
    if (WCOREDUMP(wait_status)) {
      text += " (core dumped)";
    }
    return text;
  }
  return "wait status " + std::to_string(wait_status);
}

bool sends_killing_state(const World& world, const std::string& framework_id) {
  for (const auto& fw : world.frameworks()) {
    if (fw->info.id == framework_id) {
      const auto& caps = fw->info.capabilities;
      return std::find(caps.begin(), caps.end(), "TASK_KILLING_STATE") != caps.end();
    }
  }
  return false;
}

}  // namespace qctl::sandbox::runtime
