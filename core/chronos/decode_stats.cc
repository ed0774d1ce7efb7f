// Chronos decoders for the summary, graph/csv, job statistics, leader and /metrics.
#include <string_view>

#include "core/chronos/decode.h"
#include "core/json/members.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

model::JobSummary decode_summary_row(json::Value& v) {
  model::JobSummary s;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "name") {
      s.name = json::string(value);
    } else if (key == "status") {
      s.status = json::string(value);
    } else if (key == "state") {
      s.state = json::string(value);
    } else if (key == "schedule") {
      s.schedule = json::string(value);
    } else if (key == "parents") {
      s.parents = json::string_array(value);
    } else if (key == "disabled") {
      s.disabled = json::boolean(value);
    }
  });
  return s;
}

model::TaskStat decode_task_stat(json::Value& v) {
  model::TaskStat t;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "taskId") {
      t.task_id = json::string(value);
    } else if (key == "jobName") {
      t.job_name = json::string(value);
    } else if (key == "slaveId") {
      t.slave_id = json::string(value);
    } else if (key == "startTime") {
      t.start_time = json::string(value);
    } else if (key == "endTime") {
      t.end_time = json::string(value);
    } else if (key == "duration") {
      t.duration = json::string(value);
    } else if (key == "status") {
      t.status = json::string(value);
    }
  });
  return t;
}

}  // namespace

std::vector<model::JobSummary> decode_summary(std::string& body) {
  std::vector<model::JobSummary> out;
  json::with_root_field(body, "jobs", [&](json::Value& jobs) {
    json::elements(jobs, [&](json::Value& j) { out.push_back(decode_summary_row(j)); });
  });
  return out;
}

model::JobGraph decode_graph_csv(const std::string& text) {
  model::JobGraph graph;
  if (util::starts_with(util::trim(text), "<")) {
    throw json::DecodeError("expected graph CSV but the server sent an HTML page");
  }
  std::size_t number = 0;
  for (const auto& raw : util::split(text, '\n')) {
    ++number;
    const auto line = util::trim(raw);
    if (line.empty()) {
      continue;
    }
    const auto parts = util::split(line, ',');
    if (parts.size() == 4 && parts[0] == "node") {
      graph.nodes.push_back({parts[1], parts[2], parts[3]});
    } else if (parts.size() == 3 && parts[0] == "link") {
      graph.links.push_back({parts[1], parts[2]});
    } else {
      throw json::DecodeError("unexpected graph CSV line " + std::to_string(number) + ": \"" +
                              std::string(line.substr(0, 80)) + "\"");
    }
  }
  return graph;
}

model::JobStat decode_job_stat(std::string& body) {
  model::JobStat out;
  json::parse(body, [&](json::Value& root) {
    if (root.type() != simdjson::ondemand::json_type::object) {
      throw json::DecodeError("expected a JSON object with \"histogram\"");
    }
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "histogram") {
        out.histogram = json::number_map(value);
      } else if (key == "taskStatHistory") {
        json::elements(value, [&](json::Value& t) { out.history.push_back(decode_task_stat(t)); });
      }
    });
  });
  return out;
}

std::string decode_leader(std::string& body) {
  std::string out;
  json::with_root_field(body, "leader", [&](json::Value& v) { out = json::string(v); });
  return out;
}

std::map<std::string, double> decode_metric_gauges(std::string& body) {
  std::map<std::string, double> out;
  json::with_root_field(body, "gauges", [&](json::Value& gauges) {
    json::fields(gauges, [&](std::string_view name, json::Value& gauge) {
      // Some JVM gauges hold lists or text; only numeric values are kept.
      json::fields(gauge, [&](std::string_view key, json::Value& value) {
        if (key == "value" && value.type() == simdjson::ondemand::json_type::number) {
          out[std::string(name)] = json::number(value);
        }
      });
    });
  });
  return out;
}

}  // namespace qctl::chronos
