// `qctl queue list`: Chronos jobs waiting in the high and normal queues, with the queue
// gauges, and the apps waiting in Marathon's launch queue with what blocks them.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>

#include "cmd/commands.h"
#include "cmd/list_output.h"
#include "cmd/queue/queue_cmds.h"
#include "cmd/queue/room.h"
#include "core/chronos/client.h"
#include "core/chronos/queue_view.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/marathon/launch_queue.h"
#include "core/model/marathon_json.h"
#include "core/util/duration.h"
#include "core/util/strings.h"

namespace qctl::cmd {

namespace {

struct QueueListOptions {
  std::string name;  // job name or app id glob; "" = everything
};

/// Everything fetched, before any printing; a service not configured stays empty.
struct Waiting {
  std::optional<chronos::JobView> view;
  std::vector<chronos::QueuedJob> jobs;  // points into view
  std::string mismatch;                  // listed queues disagree with the gauges
  std::optional<chronos::QueueGauges> gauges;
  std::string gauge_warning;
  std::optional<std::vector<model::QueueItem>> apps;
  RoomCheck room;  // queued jobs no agent can take now
  /// A service that could not be read: the other one is still shown (as `qctl status`
  /// does) and the command exits with the worst failure's code.
  std::vector<std::string> failures;
  int failure_code = 0;
};

/// Runs `read`; an Error becomes a failure of `w` labelled with the service.
template <class F>
void part(Waiting& w, const char* service, F&& read) {
  try {
    read();
  } catch (const Error& e) {
    w.failures.push_back(std::string(service) + ": " + e.line());
    w.failure_code = std::max(w.failure_code, static_cast<int>(e.code()));
  }
}

bool name_matches(const std::string& pattern, const std::string& name) {
  return pattern.empty() || util::glob_match(pattern, name) ||
         util::glob_match("/" + pattern, name);
}

Waiting gather(const QueueListOptions& opts, Context& ctx) {
  Waiting w;
  if (!ctx.clients.has_chronos() && !ctx.clients.has_marathon()) {
    throw ConfigError(
        "context '" + ctx.clients.context().name + "'",
        "neither Chronos nor Marathon is configured",
        "qctl config set-context " + ctx.clients.context().name + " --chronos URL --marathon URL");
  }
  if (ctx.clients.has_chronos()) {
    part(w, "chronos", [&] {
      auto& chronos = ctx.clients.chronos();
      w.view = chronos::fetch_job_view(chronos);
      const auto queued = chronos::queued_jobs(*w.view, ctx.clock.now());
      for (const auto& q : queued) {
        if (name_matches(opts.name, q.job->name)) {
          w.jobs.push_back(q);
        }
      }
      try {
        w.gauges = chronos.queue_gauges();
        w.mismatch = chronos::gauge_mismatch(queued, *w.gauges).value_or("");
      } catch (const ApiError& e) {
        // The gauges only complete the picture (Chronos 2.x may lack them).
        w.gauge_warning = "could not read the queue gauges: " + e.line();
      }
    });
  }
  if (ctx.clients.has_marathon()) {
    part(w, "marathon", [&] {
      std::vector<model::QueueItem> apps;
      for (auto& item : ctx.clients.marathon().queue()) {
        if (name_matches(opts.name, item.app_id)) {
          apps.push_back(std::move(item));
        }
      }
      w.apps = std::move(apps);
    });
  }
  if (w.failures.size() == (ctx.clients.has_chronos() ? 1U : 0U) +
                               (ctx.clients.has_marathon() ? 1U : 0U)) {
    // Nothing answered: the one error, as every command reports it.
    throw Error(static_cast<ExitCode>(w.failure_code), "", util::join(w.failures, "; "));
  }
  std::vector<const model::Job*> queued;
  for (const auto& q : w.jobs) {
    queued.push_back(q.job);
  }
  w.room = check_room(queued, ctx);
  return w;
}

/// A NAME (not a glob) that is no Chronos job and no Marathon app is a typo: exit 3, as
/// `job status NAME` does, instead of "Nothing is waiting".
void require_known(const std::string& name, const Waiting& w, Context& ctx) {
  if (name.empty() || util::is_glob(name) || !w.jobs.empty() || (w.apps && !w.apps->empty()) ||
      !w.failures.empty()) {
    return;
  }
  if (w.view && std::any_of(w.view->jobs.begin(), w.view->jobs.end(),
                            [&](const model::Job& j) { return j.name == name; })) {
    return;
  }
  if (ctx.clients.has_marathon()) {
    try {
      (void)ctx.clients.marathon().app(name);
      return;
    } catch (const NotFoundError&) {
    } catch (const UsageError&) {  // not an app id at all
    }
  }
  throw NotFoundError("queue", "no Chronos job or Marathon app named '" + name + "'",
                      "list the jobs with qctl job list, the apps with qctl status apps");
}

// What keeps a queued job waiting: no room on any agent, its disabled flag, and (a normal
// task is polled only when the high queue is empty) the high queue.
std::vector<std::string> chronos_blockers(const chronos::QueuedJob& q, const Waiting& w) {
  std::vector<std::string> out;
  if (q.job->disabled) {
    out.emplace_back("disabled (dropped when dequeued)");
  }
  if (const auto it = w.room.blocked.find(q.job->name); it != w.room.blocked.end()) {
    out.push_back(it->second);
  }
  if (!q.high && w.gauges && w.gauges->high > 0) {
    out.push_back("high queue (" + util::format_number(w.gauges->high) + ")");
  }
  return out;
}

nlohmann::json document(const Waiting& w, double now) {
  nlohmann::json doc = {{"chronos", nullptr}, {"marathon", nullptr}};
  if (w.view) {
    nlohmann::json high = nlohmann::json::array();
    nlohmann::json normal = nlohmann::json::array();
    for (const auto& q : w.jobs) {
      auto item = chronos::to_json(q, now);
      item["blocked_by"] = chronos_blockers(q, w);  // an array, as Marathon's items have
      (q.high ? high : normal).push_back(std::move(item));
    }
    doc["chronos"] = {{"gauges", w.gauges ? chronos::to_json(*w.gauges) : nlohmann::json()},
                      {"high", high},
                      {"normal", normal},
                      {"note", w.mismatch.empty() ? nlohmann::json() : nlohmann::json(w.mismatch)}};
  }
  if (w.apps) {
    doc["marathon"] = nlohmann::json::array();
    for (const auto& item : *w.apps) {
      auto j = model::to_json(item);
      j["blocked_by"] = nlohmann::json::array();
      for (const auto& r : marathon::blocking_reasons(item)) {
        j["blocked_by"].push_back(r.reason);
      }
      doc["marathon"].push_back(std::move(j));
    }
  }
  return doc;
}

std::string since_text(std::optional<double> since, double now) {
  const auto age = since ? util::format_age(now - *since) : "";
  return age.empty() ? "-" : age;
}

void add_rows(ListOutput& list, const Waiting& w, double now, bool wide) {
  for (const auto& q : w.jobs) {
    list.add(
        [&] {
          return std::vector<std::string>{q.high ? "chronos/high" : "chronos/normal",
                                          q.job->name,
                                          "1",
                                          "-",
                                          util::join(chronos_blockers(q, w), "; "),
                                          "",
                                          since_text(q.since, now)};
        },
        [] { return nlohmann::json(); }, "job/" + q.job->name);
  }
  if (!w.apps) {
    return;
  }
  for (const auto& item : *w.apps) {
    list.add(
        [&] {
          return std::vector<std::string>{
              item.is_pod ? "marathon/pod" : "marathon",
              item.app_id,
              std::to_string(item.count),
              marathon::delay_text(item),
              marathon::blocked_by_text(item, wide ? item.reject_summary.size() : 2),
              std::to_string(item.processed_offers) + "/" + std::to_string(item.unused_offers),
              since_text(item.since.empty() ? std::nullopt : util::parse_iso8601(item.since), now)};
        },
        [] { return nlohmann::json(); }, (item.is_pod ? "pod" : "app") + item.app_id);
  }
}

int run_queue_list(const QueueListOptions& opts, Context& ctx) {
  const Waiting w = gather(opts, ctx);
  require_known(opts.name, w, ctx);
  const double now = ctx.clock.now();
  for (const auto& f : w.failures) {
    ctx.io.err << "qctl: " << f << '\n';
  }
  if (!w.gauge_warning.empty()) {
    ctx.io.err << "warning: " << w.gauge_warning << '\n';
  }
  if (!w.room.warning.empty()) {
    ctx.io.err << "warning: " << w.room.warning << '\n';
  }
  if (!w.mismatch.empty()) {
    ctx.io.err << "note: " << w.mismatch << '\n';
  }
  const auto format = ctx.format();
  if (format == output::Format::kJson || format == output::Format::kYaml) {
    print_document(ctx, document(w, now));
    return w.failure_code;
  }
  ListOutput list(ctx, {{"QUEUE"},
                        {"NAME"},
                        {"WAITING", false, true},
                        {"DELAY"},
                        {"BLOCKED BY"},
                        {"OFFERS", true},
                        {"SINCE"}});
  add_rows(list, w, now, format == output::Format::kWide);
  const double gauged = w.gauges ? w.gauges->high + w.gauges->normal : 0;
  if (list.size() == 0) {
    if (gauged > 0 && opts.name.empty()) {
      ctx.io.err << "No job is in state queued, yet Chronos counts " << util::format_number(gauged)
                 << " queued task(s) (after a leader change Chronos forgets job states).\n";
    } else {
      ctx.io.err << "Nothing is waiting.\n";
    }
    return w.failure_code;
  }
  print_list(ctx, list, "waiting jobs or apps");
  if (w.gauges && format != output::Format::kName && !ctx.globals.no_headers) {
    ctx.io.out << "\nChronos queues (/metrics): high " << util::format_number(w.gauges->high)
               << ", normal " << util::format_number(w.gauges->normal) << '\n';
  }
  return w.failure_code;
}

}  // namespace

void register_queue_list(CLI::App& queue, Context& ctx) {
  auto opts = std::make_shared<QueueListOptions>();
  auto* cmd = queue.add_subcommand(
      "list",
      "List Chronos jobs waiting in the high and normal queues and Marathon's launch queue");
  cmd->alias("ls");
  cmd->add_option("NAME", opts->name, "Only this job or app, or a glob ('transcode-*')");
  set_examples(*cmd,
               "  qctl queue list\n"
               "  qctl queue list 'transcode-*' -o wide\n"
               "  qctl queue list -o json\n");
  cmd->callback(
      [opts, &ctx] { ctx.selected = [opts, &ctx] { return run_queue_list(*opts, ctx); }; });
}

}  // namespace qctl::cmd
