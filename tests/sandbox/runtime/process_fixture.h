// A World with a real clock, one agent, a recording framework and a process runner.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sandbox/runtime/runners.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::runtime::testing {

/// Every status update a framework is told about.
struct Seen {
  std::string task_id;
  std::string state;
  std::string message;
  std::optional<bool> healthy;
};

class Recorder : public FrameworkListener {
 public:
  void on_status(const SimTask& task) override {
    seen.push_back({task.spec.id, task.state, task.message, task.statuses.back().healthy});
  }
  std::vector<Seen> seen;  // guarded by the World lock
};

inline double wall_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Whether a live (not zombie) process has this pid, or, for -pgid, is in that group.
// Orphaned zombies count as gone: they are dead, init just has not collected them yet.
inline bool alive(int pid) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const std::string stat = read_file(entry.path().string() + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
      continue;
    }
    char state = 0;
    int ppid = 0;
    int pgid = 0;
    if (std::sscanf(stat.c_str() + close + 2, "%c %d %d", &state, &ppid, &pgid) == 3 &&
        state != 'Z' && (pid > 0 ? std::stoi(name) == pid : pgid == -pid)) {
      return true;
    }
  }
  return false;
}

inline bool gone(int pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (alive(pid)) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

/// Children of this process (zombies included) running a shell or sleep: what the
/// runner starts in these tests. Zero once every task and check has been reaped.
inline std::size_t task_children() {
  const std::string self = std::to_string(getpid());
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string stat = read_file(entry.path().string() + "/stat");
    const auto open = stat.find('(');
    const auto close = stat.rfind(')');
    if (open == std::string::npos || close == std::string::npos) {
      continue;
    }
    const std::string comm = stat.substr(open + 1, close - open - 1);
    char state = 0;
    int ppid = 0;
    if (std::sscanf(stat.c_str() + close + 2, "%c %d", &state, &ppid) == 2 &&
        std::to_string(ppid) == self && (comm == "sh" || comm == "sleep")) {
      ++n;
    }
  }
  return n;
}

class ProcessFixture : public ::testing::Test {
 protected:
  ProcessFixture() {
    std::string templ = (std::filesystem::temp_directory_path() / "qctl-runtime-XXXXXX").string();
    dir_ = mkdtemp(templ.data()) != nullptr ? templ : "";
  }
  ~ProcessFixture() override {
    destroy_runner();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  /// Builds the runner and one agent ("agent-1", 127.0.1.1:5051, `version`).
  void start(Isolation isolation, double grace = 3, const std::string& version = "1.11.0",
             std::vector<std::string> framework_caps = {}) {
    ProcessOptions options;
    options.work_dir = dir_;
    options.isolation = isolation;
    options.kill_grace_seconds = grace;
    runner_ = make_process_runner(world_, options);
    auto lock = world_.lock();
    world_.set_runner(runner_.get());
    SimAgent a;
    a.info.hostname = "agent-1.example";
    a.info.port = 5051;
    a.info.version = version;
    a.ip = "127.0.1.1";
    agent_id_ = world_.add_agent(a).info.id;
    model::Framework fw;
    fw.name = "marathon";
    fw.capabilities = std::move(framework_caps);
    framework_id_ = world_.register_framework(fw, &recorder_).info.id;
  }

  /// Detaches and destroys the runner (without the World lock, as the sandbox does).
  void destroy_runner() {
    {
      auto lock = world_.lock();
      world_.set_runner(nullptr);
    }
    runner_.reset();
  }

  struct Launched {
    std::string id;
    std::string container_id;
    std::string sandbox;
    int pid = 0;
  };

  Launched launch(TaskSpec spec) {
    spec.framework_id = framework_id_;
    auto lock = world_.lock();
    placement::Allocation where;
    where.agent_id = agent_id_;
    SimTask& t = world_.launch(std::move(spec), where);
    return {t.spec.id, t.container_id, t.sandbox_dir, t.pid};
  }

  static TaskSpec shell(const std::string& id, const std::string& command) {
    TaskSpec spec;
    spec.id = id;
    spec.name = id;
    spec.command = command;
    return spec;
  }

  /// Polls (ticking the World) until the task reports `state`, or 15 s pass.
  std::optional<Seen> wait_for(const std::string& id, const std::string& state,
                               std::optional<bool> healthy = std::nullopt) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        auto lock = world_.lock();
        world_.tick();
        for (const Seen& s : recorder_.seen) {
          if (s.task_id == id && s.state == state && (!healthy || s.healthy == healthy)) {
            return s;
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
  }

  /// Polls until the task's stdout contains `text`, or 15 s pass; returns the stdout.
  static std::string wait_output(const Launched& task, const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    std::string out = read_file(task.sandbox + "/stdout");
    while (out.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      out = read_file(task.sandbox + "/stdout");
    }
    return out;
  }

  std::vector<std::string> states_of(const std::string& id) {
    auto lock = world_.lock();
    std::vector<std::string> out;
    for (const Seen& s : recorder_.seen) {
      if (s.task_id == id) {
        out.push_back(s.state);
      }
    }
    return out;
  }

  std::string dir_;
  IdSource ids_{7};
  World world_{World::Options{}, ids_, wall_now};
  Recorder recorder_;
  std::string agent_id_;
  std::string framework_id_;
  std::unique_ptr<TaskRunner> runner_;
};

}  // namespace qctl::sandbox::runtime::testing
