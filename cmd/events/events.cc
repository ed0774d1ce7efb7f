// `qctl events`: Marathon's event bus (/v2/events, Server-Sent Events) as one line per event
// or NDJSON, reconnecting after leader changes and dropped connections.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ostream>

#include "cmd/commands.h"
#include "core/error.h"
#include "core/marathon/client.h"
#include "core/marathon/events.h"
#include "core/marathon/sse_summary.h"
#include "core/output/printable.h"
#include "core/output/table.h"

namespace qctl::cmd {

namespace {

struct EventsOptions {
  std::vector<std::string> types;
  std::string app;
  long count = 0;  // 0 = until interrupted
};

// Marathon's eventType names (core/event/Events.scala); others are passed on with a warning.
const std::vector<std::string>& known_types() {
  static const std::vector<std::string> kTypes = {
      "api_post_event", "pod_created_event", "pod_updated_event", "pod_deleted_event",
      "scheduler_registered_event", "scheduler_reregistered_event",
      "scheduler_disconnected_event", "subscribe_event", "unsubscribe_event",
      "event_stream_attached", "event_stream_detached", "add_health_check_event",
      "remove_health_check_event", "failed_health_check_event", "health_status_changed_event",
      "unhealthy_instance_kill_event", "unhealthy_task_kill_event", "group_change_success",
      "group_change_failed", "deployment_success", "deployment_failed", "deployment_info",
      "deployment_step_success", "deployment_step_failure", "app_terminated_event",
      "status_update_event", "instance_changed_event", "unknown_instance_terminated_event",
      "instance_health_changed_event", "framework_message_event"};
  return kTypes;
}

// A streamed line cannot know the widths to come: each column is padded to a width that
// fits its usual values (a longer value pushes the rest right, as in the header). Server
// text is shown through printable().
std::string cell(const std::string& s, std::size_t width = 0) {
  std::string text = s.empty() ? "-" : output::printable(s);
  const auto shown = output::display_width(text);
  if (shown < width) {
    text.append(width - shown, ' ');
  }
  return text;
}

// TIME TYPE APP TASK STATE HOST MESSAGE.
void print_line(std::ostream& out, const marathon::EventSummary& s) {
  out << cell(s.time, 24) << ' ' << cell(s.type, 28) << ' ' << cell(s.app, 20) << ' '
      << cell(s.task, 60) << ' ' << cell(s.state, 16) << ' ' << cell(s.host, 16) << ' '
      << cell(s.message) << '\n';
}

int run_events(const EventsOptions& o, Context& ctx) {
  if (o.count < 0) {
    throw UsageError("--count must be >= 0 (0 = follow until interrupted)");
  }
  std::string app;
  if (!o.app.empty()) {
    app = marathon::normalize_app_id(o.app);  // UsageError for a malformed id
  }
  for (const auto& t : o.types) {
    if (std::find(known_types().begin(), known_types().end(), t) == known_types().end()) {
      ctx.io.err << "qctl: warning: " << t
                 << " is not an event type Marathon 1.x sends; passing it on anyway\n";
    }
  }
  const bool json = ctx.format() == output::Format::kJson;
  if (!json && ctx.format() != output::Format::kTable && ctx.format() != output::Format::kWide) {
    throw UsageError("qctl events prints lines or NDJSON: use -o json or no -o");
  }
  auto& mc = ctx.clients.marathon();
  marathon::EventStreamOptions options;
  options.types = o.types;
  marathon::EventStream stream(mc.endpoints().http(), mc.endpoints().urls(), ctx.clock, options);
  // The header waits for the stream to attach: a first connection that fails leaves stdout
  // empty (nothing half-printed), and one that works shows the header before any event.
  bool header = json || ctx.globals.no_headers;
  auto print_header = [&] {
    if (!header) {
      print_line(ctx.io.out, {"TIME", "TYPE", "APP", "TASK", "STATE", "HOST", "MESSAGE", {}});
      ctx.io.out.flush();
      header = true;
    }
  };
  long printed = 0;
  stream.run(
      [&](const marathon::SseEvent& e) {
        const auto event = marathon::decode_event(e, json);
        if (!app.empty() && !marathon::concerns_app(event.summary, app)) {
          return true;
        }
        print_header();
        if (json) {
          std::string line = event.json_line;
          output::escape_json_controls(line);  // Marathon's own bytes may hold raw DEL or C1
          ctx.io.out << line << '\n';
        } else {
          print_line(ctx.io.out, event.summary);
        }
        ctx.io.out.flush();
        ++printed;
        // stdout closed (| head) or enough events: stop.
        return static_cast<bool>(ctx.io.out) && (o.count == 0 || printed < o.count);
      },
      [&](const marathon::StreamNotice& n) {
        if (n.kind == marathon::StreamNotice::Kind::kConnected) {
          print_header();
        } else {
          ctx.io.err << "qctl: " << marathon::describe(n) << '\n';
          ctx.io.err.flush();
        }
      });
  return 0;
}

}  // namespace

void register_events(CLI::App& parent, Context& ctx) {
  auto o = std::make_shared<EventsOptions>();
  auto* cmd = parent.add_subcommand("events", "Follow Marathon's event stream");
  cmd->add_option("--type", o->types,
                  "Only these event types (repeatable; Marathon filters with ?event_type=)");
  cmd->add_option("--app", o->app, "Only events about this app (or the apps of this group)");
  cmd->add_option("--count", o->count, "Exit after printing this many events (0: never)");
  set_examples(*cmd,
               "  qctl events\n"
               "  qctl events --type status_update_event --app /web\n"
               "  qctl events --type deployment_success --app /web --count 1   # wait for it\n"
               "  qctl events -o json | jq -c 'select(.taskStatus == \"TASK_FAILED\")'\n");
  cmd->footer(
      "\nOne line per event (TIME TYPE APP TASK STATE HOST MESSAGE), or with -o json each\n"
      "event's JSON on its own line (NDJSON). After a Marathon leader change or a dropped\n"
      "connection qctl reconnects with back-off (0.5 s doubling to 10 s) and says so on\n"
      "stderr; events sent while disconnected are not replayed (Marathon keeps no history).\n" +
      cmd->get_footer());
  cmd->callback([o, &ctx] { ctx.selected = [o, &ctx] { return run_events(*o, ctx); }; });
}

}  // namespace qctl::cmd
