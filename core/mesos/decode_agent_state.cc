// Agent endpoints (§3 of the Mesos reference): /state executors, /containers.
#include <string>

#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"

namespace qctl::mesos {

namespace {

// tasks[], queued_tasks[] and completed_tasks[] are TaskInfo-shaped: only `id` is needed.
void append_task_ids(json::Value& v, std::vector<std::string>& ids) {
  json::elements(v, [&](json::Value& task) {
    json::fields(task, [&](std::string_view key, json::Value& value) {
      if (key == "id") {
        ids.push_back(json::string(value));
      }
    });
  });
}

model::AgentExecutor decode_executor(json::Value& v) {
  model::AgentExecutor e;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      e.id = json::string(value);
    } else if (key == "name") {
      e.name = json::string(value);
    } else if (key == "framework_id") {
      e.framework_id = json::string(value);
    } else if (key == "container") {
      e.container = detail::id_value(value);
    } else if (key == "directory") {
      e.directory = json::string(value);
    } else if (key == "type") {
      e.type = json::string(value);
    } else if (key == "tasks" || key == "queued_tasks") {
      append_task_ids(value, e.task_ids);
    } else if (key == "completed_tasks") {
      append_task_ids(value, e.completed_task_ids);
    }
  });
  return e;
}

// Appends the executors and completed executors of one framework (agent view).
void decode_agent_framework(json::Value& v, std::vector<model::AgentExecutor>& out) {
  const std::size_t first = out.size();
  std::string framework_id;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      framework_id = json::string(value);
    } else if (key == "executors" || key == "completed_executors") {
      const std::size_t start = out.size();
      detail::append_all(value, out, decode_executor);
      for (std::size_t i = start; i < out.size(); ++i) {
        out[i].completed = key == "completed_executors";
      }
    }
  });
  // Executors carry no framework id of their own in the agent view.
  for (std::size_t i = first; i < out.size(); ++i) {
    if (out[i].framework_id.empty()) {
      out[i].framework_id = framework_id;
    }
  }
}

model::AgentContainer decode_container_entry(json::Value& v) {
  model::AgentContainer c;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "framework_id") {
      c.framework_id = json::string(value);
    } else if (key == "executor_id") {
      c.executor_id = json::string(value);
    } else if (key == "executor_name") {
      c.executor_name = json::string(value);
    } else if (key == "source") {
      c.source = json::string(value);
    } else if (key == "container_id") {
      c.container_id = detail::id_value(value);
    } else if (key == "status" || key == "container_status") {
      // The code writes `status`; the help text example says `container_status`.
      json::fields(value, [&](std::string_view field, json::Value& pid) {
        if (field == "executor_pid" && !json::is_null(pid)) {
          c.executor_pid = json::integer(pid);
        }
      });
    }
  });
  return c;
}

}  // namespace

model::AgentState decode_agent_state(std::string& body) {
  model::AgentState out;
  json::parse(body, [&](json::Value& root) {
    detail::require_object(root, "agent /state");
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "id") {
        out.id = json::string(value);
      } else if (key == "hostname") {
        out.hostname = json::string(value);
      } else if (key == "version") {
        out.version = json::string(value);
      } else if (key == "pid") {
        out.pid = json::string(value);
      } else if (key == "frameworks" || key == "completed_frameworks") {
        json::elements(value, [&](json::Value& f) { decode_agent_framework(f, out.executors); });
      }
    });
  });
  return out;
}

std::vector<model::AgentContainer> decode_containers(std::string& body) {
  std::vector<model::AgentContainer> out;
  json::parse(body, [&](json::Value& root) {
    detail::require_array(root, "agent /containers");
    detail::append_all(root, out, decode_container_entry);
  });
  return out;
}

}  // namespace qctl::mesos
