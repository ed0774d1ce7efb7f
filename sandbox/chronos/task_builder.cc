// Builds the launched task from a Chronos job the way MesosTaskBuilder and TaskUtils do.
#include "sandbox/chronos/task_builder.h"

#include <regex>

#include "sandbox/chronos/task_queues.h"

namespace qctl::sandbox::chronos {

namespace {

// Scala's Double.toString: "128.0", "0.1".
std::string scala_double(double v) { return nlohmann::json(v).dump(); }

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n\r");
  if (b == std::string::npos) {
    return "";
  }
  return s.substr(b, s.find_last_not_of(" \t\n\r") - b + 1);
}

std::map<std::string, std::string> environment(const std::string& task_id, const TaskId& id,
                                               const Job& job, const std::string& hostname) {
  std::map<std::string, std::string> env = {
      {"mesos_task_id", task_id},
      {"MESOS_TASK_ID", task_id},
      {"CHRONOS_JOB_OWNER", job.owner},
      {"CHRONOS_JOB_NAME", job.name},
      {"HOST", hostname},
      {"CHRONOS_RESOURCE_MEM", scala_double(job.mem)},
      {"CHRONOS_RESOURCE_CPU", scala_double(job.cpus)},
      {"CHRONOS_RESOURCE_DISK", scala_double(job.disk)},
      {"CHRONOS_JOB_RUN_TIME", std::to_string(id.due_ms)},
      {"CHRONOS_JOB_RUN_ATTEMPT", std::to_string(id.attempt)},
  };
  for (const auto& [name, value] : job.environment) {
    env.emplace(name, value);  // never overrides Chronos' own variables
  }
  return env;
}

}  // namespace

placement::Demand task_demand(const Job& job, const JobDefaults& defaults, const std::string& role) {
  placement::Demand d;
  d.cpus = job.cpus > 0 ? job.cpus : defaults.cpus;
  d.mem = job.mem > 0 ? job.mem : defaults.mem;
  d.disk = job.disk > 0 ? job.disk : defaults.disk;
  // Chronos takes offered resources of its role and unreserved ones.
  d.accepted_roles = role == "*" ? std::vector<std::string>{"*"} : std::vector<std::string>{role, "*"};
  d.framework_role = role;
  d.dialect = placement::Dialect::kChronos;
  for (const auto& c : job.constraints) {
    d.constraints.push_back(model::Constraint{c[0], c[1], c[2], true});
  }
  return d;
}

TaskSpec build_task(const std::string& task_id, const Job& job, const std::string& hostname,
                    const ChronosOptions& options, const std::string& framework_id) {
  const TaskId id = parse_task_id(task_id).value_or(TaskId{});
  TaskSpec spec;
  spec.id = task_id;
  spec.name = "ChronosTask:" + job.name;
  spec.framework_id = framework_id;
  spec.role = options.role;
  spec.resources.cpus = job.cpus;
  spec.resources.mem = job.mem;
  spec.resources.disk = job.disk;
  // JobUtils.getJobWithArguments: the task id's arguments are appended to the command.
  const std::string command = id.arguments.empty() ? job.command : job.command + " " + id.arguments;
  if (command.rfind("http", 0) == 0 || command.rfind("ftp", 0) == 0) {
    // A URL command is fetched as an executable and run from the sandbox.
    spec.command = "\"." + command.substr(command.rfind('/')) + "\"";
  } else {
    spec.command = command;
    spec.shell = job.shell;
    spec.args = job.arguments;
  }
  spec.env = environment(task_id, id, job, hostname);
  if (job.container) {
    const auto& c = *job.container;
    spec.container = c.value("type", "DOCKER") == "MESOS" ? ContainerKind::kMesos : ContainerKind::kDocker;
    spec.image = c.value("image", "");
    spec.docker_network = c.value("network", "HOST");
  }
  spec.sim_duration = options.simulated_task_seconds;
  spec.sim_fails = plainly_fails(command);  // as run: a manual run's arguments included
  return spec;
}

namespace {

enum class Joint { kThen, kAnd, kOr };  // ';' / newline / '&' (background), '&&', '||'

struct Step {
  Joint before = Joint::kThen;
  std::string text;
};

// Splits a command list at ; newline & && || outside quotes; the '&' of a redirection (>&2,
// 2>&1, &>file) stays in the step.
std::vector<Step> split_list(const std::string& command) {
  std::vector<Step> steps(1);
  char quote = 0;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    const char next = i + 1 < command.size() ? command[i + 1] : '\0';
    if (quote != 0) {
      quote = c == quote ? 0 : quote;
      steps.back().text += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      steps.back().text += c;
    } else if ((c == '&' && next == '&') || (c == '|' && next == '|')) {
      steps.push_back({c == '&' ? Joint::kAnd : Joint::kOr, ""});
      ++i;
    } else if (c == ';' || c == '\n' ||
               (c == '&' && next != '>' && (i == 0 || (command[i - 1] != '>' && command[i - 1] != '<')))) {
      steps.push_back({Joint::kThen, ""});
    } else {
      steps.back().text += c;
    }
  }
  return steps;
}

}  // namespace

bool plainly_fails(const std::string& command) {
  static const std::regex kExit(R"(exit(\s+0*([0-9]+))?)");
  // Runs the list as sh would with every unknown command succeeding: `false` fails, `exit N`
  // ends the script with N (bare `exit` with the last status), && and || skip on status.
  int status = 0;
  for (const auto& step : split_list(command)) {
    std::string text = trim(step.text);
    if (const auto pipe = text.rfind('|'); pipe != std::string::npos) {
      text = trim(text.substr(pipe + 1));  // a pipeline's status is its last command's
    }
    if (text.empty()) {
      continue;
    }
    if ((step.before == Joint::kAnd && status != 0) || (step.before == Joint::kOr && status == 0)) {
      continue;
    }
    std::smatch m;
    if (std::regex_match(text, m, kExit)) {
      return m[1].matched ? m[2] != "0" : status != 0;
    }
    status = (text == "false" || text == "/bin/false" || text == "/usr/bin/false") ? 1 : 0;
  }
  return status != 0;
}

}  // namespace qctl::sandbox::chronos
