// Marathon decoders for deployments, the launch queue, /v2/info and /v2/leader.
#include <string_view>

#include "core/marathon/decode.h"
#include "core/marathon/decode_util.h"

namespace qctl::marathon {

namespace {

model::DeploymentAction decode_action(json::Value& v) {
  model::DeploymentAction a;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "action") {
      a.action = json::string(value);
    } else if (key == "app" || key == "pod") {
      a.app = json::string(value);
    }
  });
  return a;
}

std::vector<model::DeploymentAction> decode_actions(json::Value& v) {
  std::vector<model::DeploymentAction> out;
  json::elements(v, [&](json::Value& a) { out.push_back(decode_action(a)); });
  return out;
}

/// A step is {"actions":[…]}; Marathons before 1.0 wrote the bare action array.
std::vector<model::DeploymentAction> decode_step(json::Value& v) {
  if (v.type() == simdjson::ondemand::json_type::array) {
    return decode_actions(v);
  }
  std::vector<model::DeploymentAction> out;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "actions") {
      out = decode_actions(value);
    }
  });
  return out;
}

model::Deployment decode_deployment(json::Value& v) {
  model::Deployment d;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      d.id = json::string(value);
    } else if (key == "version") {
      d.version = json::string(value);
    } else if (key == "affectedApps") {
      d.affected_apps = json::string_array(value);
    } else if (key == "affectedPods") {
      d.affected_pods = json::string_array(value);
    } else if (key == "steps") {
      json::elements(value, [&](json::Value& s) { d.steps.push_back(decode_step(s)); });
    } else if (key == "currentActions") {
      d.current_actions = decode_actions(value);
    } else if (key == "currentStep") {
      d.current_step = json::integer(value);
    } else if (key == "totalSteps") {
      d.total_steps = json::integer(value);
    }
  });
  return d;
}

std::string id_of(json::Value& v) {
  std::string id;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "id") {
      id = json::string(value);
    }
  });
  return id;
}

void decode_offers_summary(json::Value& v, model::QueueItem& q) {
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "processedOffersCount") {
      q.processed_offers = json::integer(value);
    } else if (key == "unusedOffersCount") {
      q.unused_offers = json::integer(value);
    } else if (key == "lastUnusedOfferAt") {
      q.last_unused_offer_at = json::string(value);
    } else if (key == "lastUsedOfferAt") {
      q.last_used_offer_at = json::string(value);
    } else if (key == "rejectSummaryLastOffers") {
      json::elements(value, [&](json::Value& r) {
        model::RejectReason reason;
        json::fields(r, [&](std::string_view k, json::Value& x) {
          if (k == "reason") {
            reason.reason = json::string(x);
          } else if (k == "declined") {
            reason.declined = json::integer(x);
          } else if (k == "processed") {
            reason.processed = json::integer(x);
          }
        });
        q.reject_summary.push_back(std::move(reason));
      });
    }
  });
}

model::QueueItem decode_queue_item(json::Value& v) {
  model::QueueItem q;
  json::fields(v, [&](std::string_view key, json::Value& value) {
    if (key == "app" || key == "pod") {
      q.is_pod = key == "pod";
      q.app_id = id_of(value);
    } else if (key == "count") {
      q.count = json::integer(value);
    } else if (key == "role") {
      q.role = json::string(value);
    } else if (key == "since") {
      q.since = json::string(value);
    } else if (key == "delay") {
      json::fields(value, [&](std::string_view k, json::Value& x) {
        if (k == "timeLeftSeconds") {
          q.delay_time_left_seconds = json::number(x);
        } else if (k == "overdue") {
          q.overdue = json::boolean(x);
        }
      });
    } else if (key == "processedOffersSummary") {
      decode_offers_summary(value, q);
    }
  });
  return q;
}

void decode_info_field(std::string_view key, json::Value& value, model::MarathonInfo& info) {
  if (key == "name") {
    info.name = json::string(value);
  } else if (key == "version") {
    info.version = json::string(value);
  } else if (key == "buildref") {
    info.buildref = json::string(value);
  } else if (key == "elected") {
    info.elected = json::boolean(value);
  } else if (key == "leader") {
    info.leader = json::string(value);
  } else if (key == "frameworkId") {
    info.framework_id = json::string(value);
  } else if (key == "marathon_config") {
    json::fields(value, [&](std::string_view k, json::Value& x) {
      if (k == "master") {
        info.mesos_master = json::string(x);
      }
    });
  } else if (key == "http_config") {
    json::fields(value, [&](std::string_view k, json::Value& x) {
      if (k == "http_port") {
        info.http_port = json::string(x);
      }
    });
  }
}

}  // namespace

std::vector<model::Deployment> decode_deployments(std::string& body) {
  std::vector<model::Deployment> out;
  json::parse(body, [&](json::Value& root) {
    if (root.type() != simdjson::ondemand::json_type::array) {
      throw json::DecodeError("expected a JSON array of deployments");
    }
    json::elements(root, [&](json::Value& d) { out.push_back(decode_deployment(d)); });
  });
  return out;
}

model::DeploymentResult decode_deployment_result(std::string& body) {
  model::DeploymentResult out;
  json::parse(body, [&](json::Value& root) {
    if (root.type() != simdjson::ondemand::json_type::object) {
      throw json::DecodeError("expected a JSON object with \"deploymentId\"");
    }
    json::fields(root, [&](std::string_view key, json::Value& value) {
      if (key == "deploymentId") {
        out.deployment_id = json::string(value);
      } else if (key == "version") {
        out.version = json::string(value);
      }
    });
  });
  if (out.deployment_id.empty()) {
    throw json::DecodeError("missing \"deploymentId\" in the response");
  }
  return out;
}

std::vector<model::QueueItem> decode_queue(std::string& body) {
  std::vector<model::QueueItem> out;
  json::with_root_field(body, "queue", [&](json::Value& queue) {
    json::elements(queue, [&](json::Value& q) { out.push_back(decode_queue_item(q)); });
  });
  return out;
}

model::MarathonInfo decode_info(std::string& body) {
  model::MarathonInfo out;
  json::parse(body, [&](json::Value& root) {
    if (root.type() != simdjson::ondemand::json_type::object) {
      throw json::DecodeError("expected a JSON object");
    }
    json::fields(
        root, [&](std::string_view key, json::Value& value) { decode_info_field(key, value, out); });
  });
  return out;
}

std::string decode_leader(std::string& body) {
  std::string out;
  json::with_root_field(body, "leader", [&](json::Value& v) { out = json::string(v); });
  return out;
}

}  // namespace qctl::marathon
