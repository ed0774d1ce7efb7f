#include "bench/cluster_gen.h"

#include <cstdio>
#include <string>

namespace qctl::bench {

namespace {

std::string agent_id(std::size_t i) { return "7d1e5f3a-2c4b-4a6d-8e9f-0a1b2c3d4e5f-S" + std::to_string(i); }
std::string fw_id(std::size_t i) { return "7d1e5f3a-2c4b-4a6d-8e9f-0a1b2c3d4e5f-000" + std::to_string(i); }
std::string host(std::size_t i) {
  return "agent" + std::to_string(i) + (i % 2 == 0 ? ".bj1" : ".sh2") + ".example.com";
}

void resources(std::string& o, double cpus, double mem, double disk, const char* ports) {
  char buf[256];
  std::snprintf(buf, sizeof buf, R"({"disk":%.1f,"mem":%.1f,"gpus":0.0,"cpus":%.1f)", disk, mem,
                cpus);
  o += buf;
  if (*ports != '\0') {  // Mesos writes ports only when the agent has some
    o += R"(,"ports":")";
    o += ports;
    o += '"';
  }
  o += '}';
}

void agent(std::string& o, std::size_t i, std::size_t per_agent, bool summary, bool full) {
  const auto used = static_cast<double>(per_agent);
  o += R"({"id":")" + agent_id(i) + R"(","hostname":")" + host(i) +
       R"(","port":5051,"attributes":{"dc":")" + (i % 2 == 0 ? "bj1" : "sh2") +
       R"(","rack":)" + std::to_string(i % 40) + ".0" +
       R"(,"ssd":"true"},"pid":"slave(1)@10.)" + std::to_string(i / 65536 % 256) + "." +
       std::to_string(i / 256 % 256) + "." + std::to_string(i % 256) +
       R"(:5051","registered_time":1717000000.5,"resources":)";
  resources(o, 32, 131072, 900000, "[31000-32000]");
  o += R"(,"used_resources":)";
  resources(o, used * 0.5, used * 512, used * 100, "[31000-31019]");
  o += R"(,"offered_resources":)";
  resources(o, 0, 0, 0, "");
  o += R"(,"reserved_resources":{"web":)";
  resources(o, 4, 8192, 0, "");
  o += R"(},"unreserved_resources":)";
  resources(o, 28, 122880, 900000, "[31000-32000]");
  o += R"(,"active":true,"deactivated":false,"version":"1.11.0","capabilities":["MULTI_ROLE","HIERARCHICAL_ROLE","RESERVATION_REFINEMENT","AGENT_DRAINING"])";
  if (full) {
    o += R"(,"reserved_resources_full":{"web":[{"name":"cpus","type":"SCALAR","scalar":{"value":4.0},"role":"web","reservations":[{"type":"STATIC","role":"web"}]}]},"used_resources_full":[{"name":"cpus","type":"SCALAR","scalar":{"value":)" +
         std::to_string(used * 0.5) + R"(},"role":"*","allocation_info":{"role":"*"}}])";
  }
  if (summary) {
    o += R"(,"TASK_STAGING":0,"TASK_STARTING":0,"TASK_RUNNING":)" + std::to_string(per_agent) +
         R"(,"TASK_KILLING":0,"TASK_FINISHED":3,"TASK_KILLED":1,"TASK_FAILED":1,"TASK_LOST":0,"TASK_ERROR":0,"TASK_UNREACHABLE":0,"framework_ids":[")" +
         fw_id(0) + "\"]";
  }
  o += '}';
}

void task(std::string& o, std::size_t t, std::size_t agents, std::size_t fw) {
  const auto a = t % agents;
  const auto tid = "video_transcode-" + std::to_string(t % 97) + ".instance-" +
                   std::to_string(100000000 + t) + "-7714-11e7-a55c-5ecf1c4671f6._app.1";
  const auto cid = std::to_string(t) + "a6f4c1d2-93b7-4e8a-b5c6-d7e8f9a0b1c2";
  const auto ip = "10." + std::to_string(a / 65536 % 256) + "." + std::to_string(a / 256 % 256) +
                  "." + std::to_string(a % 256);
  o += R"({"id":")" + tid + R"(","name":"video_transcode-)" + std::to_string(t % 97) +
       R"(","framework_id":")" + fw_id(fw) + R"(","executor_id":"","slave_id":")" +
       agent_id(a) + R"(","state":"TASK_RUNNING","resources":)";
  resources(o, 0.5, 512, 100, "[31005-31005]");
  o += R"(,"role":"*","statuses":[)";
  for (int s = 0; s < 2; ++s) {
    o += R"({"state":")" + std::string(s == 0 ? "TASK_STARTING" : "TASK_RUNNING") +
         R"(","timestamp":1717)" + std::to_string(100000 + t % 1000) + "." +
         std::to_string(s) +
         R"(5,"container_status":{"container_id":{"value":")" + cid +
         R"("},"network_infos":[{"ip_addresses":[{"protocol":"IPv4","ip_address":")" + ip +
         R"("}]}]}})" + (s == 0 ? "," : "");
  }
  o += R"(],"labels":[{"key":"team","value":"video"},{"key":"MARATHON_SINGLE_INSTANCE_APP","value":"false"}],"discovery":{"visibility":"FRAMEWORK","name":"video_transcode","ports":{"ports":[{"number":31005,"name":"http","protocol":"tcp"}]}},"container":{"type":"DOCKER","docker":{"image":"registry.example.com/video/transcode:4.2.1","network":"BRIDGE","port_mappings":[{"host_port":31005,"container_port":8080,"protocol":"tcp"}],"privileged":false,"parameters":[{"key":"label","value":"app=transcode"}],"force_pull_image":false}}})";
}

std::string framework_used(const ClusterShape& shape) {
  const auto n = static_cast<double>(shape.tasks / shape.frameworks);
  std::string o;
  resources(o, n * 0.5, n * 512, n * 100, "");
  return o;
}

void frameworks(std::string& o, const ClusterShape& shape, bool with_tasks) {
  for (std::size_t f = 0; f < shape.frameworks; ++f) {
    if (f > 0) {
      o += ',';
    }
    o += R"({"id":")" + fw_id(f) + R"(","name":")" + (f == 0 ? "marathon" : "framework" + std::to_string(f)) +
         R"(","pid":"scheduler-1@10.0.0.1:15101","used_resources":)" + framework_used(shape) + R"(,"offered_resources":{"disk":0.0,"mem":0.0,"gpus":0.0,"cpus":0.0},"capabilities":["PARTITION_AWARE"],"hostname":"m1","webui_url":"http://m1:8080","active":true,"connected":true,"recovered":false)";
    if (with_tasks) {
      o += R"(,"user":"root","failover_timeout":604800.0,"checkpoint":true,"registered_time":1717000000.1,"unregistered_time":0.0,"role":"*","tasks":[)";
      bool first = true;
      for (std::size_t t = f; t < shape.tasks; t += shape.frameworks) {
        if (!first) {
          o += ',';
        }
        first = false;
        task(o, t, shape.agents, f);
      }
      o += R"(],"unreachable_tasks":[],"completed_tasks":[],"offers":[],"executors":[])";
    } else {
      o += R"(,"TASK_RUNNING":)" + std::to_string(shape.tasks / shape.frameworks) +
           R"(,"TASK_FAILED":2,"slave_ids":[])";
    }
    o += '}';
  }
}

std::string agents_json(const ClusterShape& shape, bool summary, bool full) {
  std::string o;
  const auto per_agent = shape.agents == 0 ? 0 : shape.tasks / shape.agents;
  for (std::size_t i = 0; i < shape.agents; ++i) {
    if (i > 0) {
      o += ',';
    }
    agent(o, i, per_agent, summary, full);
  }
  return o;
}

}  // namespace

std::string master_state(const ClusterShape& shape) {
  std::string o;
  o.reserve(shape.tasks * 1700 + shape.agents * 1500);
  o += R"({"version":"1.11.0","git_sha":"abc","build_date":"2020-11-24 00:00:00","build_time":1606176000,"build_user":"root","start_time":1717000000.25,"elected_time":1717000005.5,"id":"m-1","pid":"master@10.0.0.1:5050","hostname":"m1","activated_slaves":)" +
       std::to_string(shape.agents) +
       R"(.0,"deactivated_slaves":0.0,"unreachable_slaves":0.0,"leader":"master@10.0.0.1:5050","leader_info":{"id":"m-1","pid":"master@10.0.0.1:5050","port":5050,"hostname":"m1"},"flags":{"port":"5050"},"slaves":[)";
  o += agents_json(shape, false, false);
  o += R"(],"recovered_slaves":[],"frameworks":[)";
  frameworks(o, shape, true);
  o += R"(],"completed_frameworks":[],"orphan_tasks":[],"unregistered_frameworks":[]})";
  return o;
}

std::string state_summary(const ClusterShape& shape) {
  std::string o = R"({"hostname":"m1","cluster":"bench","slaves":[)";
  o += agents_json(shape, true, false);
  o += R"(],"frameworks":[)";
  frameworks(o, shape, false);
  o += "]}";
  return o;
}

std::string master_slaves(const ClusterShape& shape) {
  return R"({"slaves":[)" + agents_json(shape, false, true) + R"(],"recovered_slaves":[]})";
}

std::string master_tasks(const ClusterShape& shape) {
  std::string o = R"({"tasks":[)";
  o.reserve(shape.tasks * 1700);
  for (std::size_t t = 0; t < shape.tasks; ++t) {
    if (t > 0) {
      o += ',';
    }
    task(o, t, shape.agents, t % shape.frameworks);
  }
  return o + "]}";
}

std::string metrics_snapshot(const ClusterShape& shape) {
  return R"({"master/elected":1.0,"master/uptime_secs":86400.0,"master/slaves_active":)" +
         std::to_string(shape.agents) +
         R"(.0,"master/slaves_unreachable":0.0,"master/tasks_running":)" +
         std::to_string(shape.tasks) + ".0}";
}

}  // namespace qctl::bench
