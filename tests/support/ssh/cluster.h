// One sandbox running real tasks (Docker-style and Mesos-containerizer, current and pre-1.4
// agents), a real sshd reaching them through the `docker` stand-in, and a fresh HOME whose
// ~/.ssh/known_hosts trusts that sshd on every agent address. Shared by the ssh_* tests.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/integration/sandbox_status_support.h"
#include "tests/support/run_qctl.h"
#include "tests/support/sandbox_process.h"
#include "tests/support/sshd.h"

namespace qctl::testing {

/// Agents 127.0.1.1 and .2 run Mesos 1.11 (the sandbox default); 127.0.1.3 reports 1.3.2.
inline constexpr const char* kSshClusterYaml = R"(agents:
  - count: 2
    attributes: {kind: new}
    resources: {cpus: 4, mem: 4096, disk: 4096, ports: "[31000-31999]"}
  - count: 1
    version: "1.3.2"
    attributes: {kind: old}
    resources: {cpus: 4, mem: 4096, disk: 4096, ports: "[31000-31999]"}
apps:
  - id: /team/web
    cmd: "sleep 100000"
    cpus: 0.1
    mem: 32
    instances: 2
    constraints: [["kind", "CLUSTER", "new"], ["hostname", "UNIQUE"]]
    container: {type: DOCKER, docker: {image: "busybox:1.36"}}
  - id: /legacy
    cmd: "sleep 100000"
    cpus: 0.1
    mem: 32
    constraints: [["kind", "CLUSTER", "old"]]
    container: {type: DOCKER, docker: {image: "busybox:1.36"}}
  - id: /plain
    cmd: "sleep 100000"
    cpus: 0.1
    mem: 32
    constraints: [["kind", "CLUSTER", "new"]]
jobs:
  - name: etl
    command: "sleep 100000"
    schedule: "R1//PT1M"
    cpus: 0.1
    mem: 32
  - name: done-job
    command: "true"
    schedule: "R1//PT1M"
    cpus: 0.1
    mem: 32
)";

class SshCluster {
 public:
  SshCluster()
      : cluster_file_(files_.write("cluster.yaml", kSshClusterYaml)),
        sb({"--cluster", cluster_file_}) {
    if (!sb.ok()) {
      return;
    }
    sshd = std::make_unique<Sshd>(std::map<std::string, std::string>{
        {"QCTL_DOCKER_NAMES", sb.endpoints()["docker_names_file"].get<std::string>()}});
    write_known_hosts(trusted_hosts());
  }

  /// known_hosts lines trusting the sshd on 127.0.0.1 (a bastion) and every agent address.
  [[nodiscard]] std::string trusted_hosts() const {
    std::string known = sshd->known_hosts_line("127.0.0.1") + "\n";
    for (int i = 1; i <= 3; ++i) {
      known += sshd->known_hosts_line("127.0.1." + std::to_string(i)) + "\n";
    }
    return known;
  }

  [[nodiscard]] bool ok() const { return sb.ok() && sshd && sshd->ok(); }
  [[nodiscard]] std::string error() const {
    return !sb.ok() ? sb.error() : sshd ? sshd->error() : "sshd not started";
  }

  /// Replaces ~/.ssh/known_hosts.
  void write_known_hosts(const std::string& content) const {
    std::filesystem::create_directories(home.path() + "/.ssh");
    home.write(".ssh/known_hosts", content);
  }
  [[nodiscard]] std::string known_hosts() const { return home.path() + "/.ssh/known_hosts"; }
  [[nodiscard]] std::string audit_log() const { return home.path() + "/audit.log"; }

  /// The environment of a user with this HOME, the sandbox's QCTL_* and no ssh-agent.
  [[nodiscard]] std::map<std::string, std::string> env() const {
    auto e = user_env(sb, home);
    e["QCTL_SSH_AUDIT_LOG"] = audit_log();
    e["SHELL"] = "/bin/sh";
    e["USER"] = "tester";
    return e;
  }

  /// `qctl ssh -p PORT -l root -i KEY ARGS…` (the flags a user would put in the context).
  ProcessResult ssh(const std::vector<std::string>& args, const std::string& stdin_data = "",
                    const std::map<std::string, std::string>& extra_env = {}) const {
    RunSpec spec;
    spec.args = {"ssh", "-p", std::to_string(sshd->port()), "-l", "root", "-i", sshd->user_key()};
    spec.args.insert(spec.args.end(), args.begin(), args.end());
    spec.env = env();
    for (const auto& [k, v] : extra_env) {
      spec.env[k] = v;
    }
    spec.stdin_data = stdin_data;
    spec.timeout = std::chrono::seconds(30);
    return run_qctl(spec);
  }

  /// Polls the master until every app and the etl job run and done-job has finished.
  bool wait_until_ready() const {
    return eventually(
        [&] {
          const auto reply = http_call("GET", sb.mesos() + "/master/tasks");
          const auto j = nlohmann::json::parse(reply.body, nullptr, false);
          if (j.is_discarded()) {
            return false;
          }
          int running = 0;
          bool done = false;
          for (const auto& t : j["tasks"]) {
            running += t["state"] == "TASK_RUNNING" ? 1 : 0;
            done = done || (t["name"] == "ChronosTask:done-job" && t["state"] == "TASK_FINISHED");
          }
          return running == 5 && done;
        },
        std::chrono::seconds(20));
  }

  /// The Mesos tasks as the master lists them.
  [[nodiscard]] nlohmann::json tasks() const {
    return nlohmann::json::parse(http_call("GET", sb.mesos() + "/master/tasks").body)["tasks"];
  }

 private:
  TempDir files_;
  std::string cluster_file_;

 public:
  SandboxProcess sb;
  TempDir home;
  std::unique_ptr<Sshd> sshd;
};

}  // namespace qctl::testing
