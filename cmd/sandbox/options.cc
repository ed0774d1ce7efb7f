// `qctl sandbox` flags → sandbox options, and the context it writes.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cmd/sandbox/sandbox_cmd.h"
#include "core/config/edit.h"
#include "core/error.h"
#include "core/util/duration.h"
#include "core/util/strings.h"
#include "sandbox/spec/yaml_json.h"

namespace qctl::cmd {

namespace {

std::string read_text(const std::string& path, const std::string& what) {
  std::ifstream in(path);
  if (!in) {
    throw ConfigError(what + " " + path, "cannot be read");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

sandbox::spec::ClusterSpec load_cluster(const std::string& path) {
  const std::string text = read_text(path, "cluster file");
  try {
    return sandbox::spec::parse_cluster(sandbox::spec::yaml_to_json(text));
  } catch (const std::invalid_argument& e) {
    throw ConfigError("cluster file " + path, e.what());
  }
}

sandbox::spec::ClusterSpec shape_from_flags(const SandboxCmdOptions& o) {
  if (o.agents > 60000) {
    throw UsageError("--agents must be at most 60000");
  }
  if (o.masters < 1 || o.masters > 9) {
    throw UsageError("--masters must be from 1 to 9");
  }
  sandbox::spec::ClusterSpec spec;
  spec.masters = o.masters;
  try {
    auto resources = o.resources.empty() ? sandbox::spec::default_agent_resources()
                                         : sandbox::spec::parse_resources(o.resources);
    spec.agents = sandbox::spec::uniform_agents(o.agents, o.attributes, resources);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  return spec;
}

void add_faults(const SandboxCmdOptions& o, sandbox::SandboxOptions& out) {
  for (const std::string& f : o.faults) {
    auto colon = f.find(':');
    std::string service = f.substr(0, colon);
    if (colon == std::string::npos ||
        (service != "mesos" && service != "agents" && service != "marathon" &&
         service != "chronos")) {
      throw UsageError("--fault '" + f + "' must be SERVICE:SPEC",
                       "SERVICE is mesos, agents, marathon or chronos, e.g. "
                       "marathon:latency=200ms,errors=0.1");
    }
    std::string error;
    auto spec = sandbox::server::parse_fault_spec(f.substr(colon + 1), error);
    if (!spec) {
      throw UsageError("--fault '" + f + "': " + error);
    }
    out.faults[service] = *spec;
  }
}

}  // namespace

sandbox::SandboxOptions sandbox_options(const SandboxCmdOptions& o) {
  if (!o.cluster_file.empty() && o.shape_flags) {
    throw UsageError("--cluster describes the whole cluster",
                     "drop --agents, --masters, --attributes and --resources");
  }
  if (o.tasks > 0 && !o.simulate) {
    throw UsageError("--tasks needs --simulate", "real processes are started by Marathon apps "
                                                 "and Chronos jobs instead");
  }
  if (o.auth_user.empty() != o.auth_password_file.empty()) {
    throw UsageError("--auth-user and --auth-password-file go together");
  }
  sandbox::SandboxOptions out;
  out.cluster = o.cluster_file.empty() ? shape_from_flags(o) : load_cluster(o.cluster_file);
  if (o.cluster_file.empty()) {
    out.cluster.chronos_api = o.chronos_api;
  }
  out.simulate = o.simulate;
  out.chronos_task_history = o.chronos_history;
  out.load_tasks = o.tasks;
  out.work_dir =
      o.work_dir.empty() ? "" : std::filesystem::absolute(o.work_dir).lexically_normal().string();
  out.tls = o.tls;
  out.seed = o.seed;
  if (o.port_base < 0) {
    out.port_mode = sandbox::PortMode::kDefaults;
  } else if (o.port_base == 0) {
    out.port_mode = sandbox::PortMode::kAny;
  } else {
    out.port_mode = sandbox::PortMode::kBase;
    out.port_base = o.port_base;
  }
  out.isolation = o.isolation == "namespaces" ? sandbox::runtime::Isolation::kNamespaces
                  : o.isolation == "none"     ? sandbox::runtime::Isolation::kNone
                                              : sandbox::runtime::Isolation::kAuto;
  if (!o.auth_user.empty()) {
    std::string password = read_text(o.auth_password_file, "password file");
    password = password.substr(0, password.find('\n'));
    out.credentials = sandbox::server::Credentials{o.auth_user, password};
  }
  auto heartbeat = util::parse_duration(o.heartbeat);
  if (!heartbeat || heartbeat->count() <= 0) {
    throw UsageError("--heartbeat wants a duration such as 30s");
  }
  out.marathon_heartbeat_seconds = static_cast<double>(heartbeat->count()) / 1000.0;
  add_faults(o, out);
  return out;
}

void write_sandbox_context(const SandboxCmdOptions& o, const sandbox::Endpoints& e, Context& ctx) {
  auto& cfg = ctx.clients.config();
  // Locked only for this write (the sandbox runs for hours), and read again under the lock
  // so a context another qctl added meanwhile is kept.
  const config::EditLock lock(cfg.path, std::chrono::seconds(10));
  auto next = config::load(cfg.path);
  auto* context = next.find(o.write_context);
  if (context == nullptr) {
    next.contexts.push_back(config::ContextConfig{});
    context = &next.contexts.back();
    context->name = o.write_context;
  }
  config::ContextEdit edit;
  edit.mesos = e.masters;
  edit.marathon = std::vector<std::string>{e.marathon};
  edit.chronos = std::vector<std::string>{e.chronos};
  edit.chronos_api = e.chronos_prefix == "/scheduler" ? config::ChronosApi::kV2
                                                      : config::ChronosApi::kV3;
  edit.ca_file = e.ca_file;
  edit.user = o.auth_user;
  edit.password_file =
      o.auth_password_file.empty()
          ? std::string()
          : std::filesystem::absolute(o.auth_password_file).lexically_normal().string();
  if (auto problem = config::apply_edit(*context, edit)) {
    throw UsageError("context '" + o.write_context + "': " + *problem);
  }
  if (next.current_context.empty()) {
    next.current_context = o.write_context;
  }
  config::save(next);
  cfg = next;
}

}  // namespace qctl::cmd
