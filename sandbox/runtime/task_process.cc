// A task's sandbox directory, command line and health-check process, ready to spawn.
#include "sandbox/runtime/task_process.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "sandbox/runtime/layout.h"

namespace qctl::sandbox::runtime {

namespace {

int open_output(const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(), "open " + path);
  }
  return fd;
}

// The run directory plus the agent's runs/latest link to it.
void make_sandbox(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  const fs::path latest = fs::path(dir).parent_path() / "latest";
  std::error_code ec;
  fs::remove(latest, ec);
  fs::create_directory_symlink(fs::path(dir).filename(), latest, ec);
}

SpawnSpec command_spec(const TaskSpec& spec, const std::map<std::string, std::string>& env) {
  SpawnSpec out;
  if (spec.shell) {
    out.executable = "/bin/sh";
    out.argv = {"sh", "-c", spec.command};
  } else {
    out.argv = spec.args.empty() ? std::vector<std::string>{spec.command} : spec.args;
    out.executable =
        find_executable(spec.command.empty() ? out.argv[0] : spec.command, env.at("PATH"));
  }
  for (const auto& [name, value] : env) {
    out.env.push_back(name);
    out.env.back().append("=").append(value);
  }
  return out;
}

// Closes the output files once the child has its own copies (or spawning failed).
struct Outputs {
  int out = -1;
  int err = -1;
  ~Outputs() {
    for (int fd : {out, err}) {
      if (fd >= 0) {
        close(fd);
      }
    }
  }
};

}  // namespace

TaskProcess start_task(const SimTask& task, const SimAgent& agent, bool namespaces) {
  make_sandbox(task.sandbox_dir);
  SpawnSpec spec = command_spec(task.spec, task_environment(task, agent, task.sandbox_dir));
  spec.cwd = task.sandbox_dir;
  spec.new_namespaces = namespaces;
  spec.hostname = agent.info.hostname;
  Outputs files;
  files.out = open_output(task.sandbox_dir + "/stdout");
  files.err = open_output(task.sandbox_dir + "/stderr");
  spec.stdout_fd = files.out;
  spec.stderr_fd = files.err;
  TaskProcess started;
  started.child = spawn(spec);
  if (task.spec.health_check) {
    // Mesos runs COMMAND checks with the task's environment; inside its namespaces when
    // it has them (the checker enters the container's namespaces).
    SpawnSpec& check = started.check;
    check.executable = "/bin/sh";
    check.argv = {"sh", "-c", task.spec.health_check->command};
    check.env = std::move(spec.env);
    check.cwd = task.sandbox_dir;
    check.join_namespaces_of = namespaces ? started.child.pid : 0;
  }
  return started;
}

}  // namespace qctl::sandbox::runtime
