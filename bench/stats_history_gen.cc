#include "bench/stats_history_gen.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/stats/history/store.h"

namespace qctl::bench {

namespace {

namespace h = stats::history;

struct Shape {
  int days = 30;
  int groups = 20;
  int interval = 60;
};

h::GroupValues values(int group, double t) {
  // A daily curve per group (its own phase and base) with a little deterministic wobble.
  const double day = std::sin((t / 86400.0 + group * 0.05) * 2 * M_PI);
  const double wobble = std::sin(t / 777.0 + group) * 0.03;
  const double load = std::clamp(0.4 + group * 0.01 + 0.3 * day + wobble, 0.0, 1.0);
  h::GroupValues v;
  v.agents = 500;
  v.unavailable = group % 3;
  const double totals[] = {500 * 32.0, 500 * 256000.0, 500 * 900000.0, 0};
  for (std::size_t r = 0; r < h::kResourceCount; ++r) {
    const double alloc = std::round(totals[r] * load * (r == 1 ? 0.9 : 1.0));
    v.resources[r] = {totals[r], alloc, totals[r] * 0.1, totals[r] - alloc};
  }
  return v;
}

h::Snapshot snapshot(const Shape& shape, double t, std::int64_t n) {
  h::Snapshot s;
  s.taken_at = t;
  s.context = "bench";
  s.default_dimension = "dc";
  h::GroupSample all{"cluster", "bench", {}};
  for (int g = 0; g < shape.groups; ++g) {
    char name[16];
    std::snprintf(name, sizeof name, "dc-%02d", g + 1);
    h::GroupSample sample{"dc", name, values(g, t)};
    all.values.agents += sample.values.agents;
    for (std::size_t r = 0; r < h::kResourceCount; ++r) {
      all.values.resources[r].total += sample.values.resources[r].total;
      all.values.resources[r].allocated += sample.values.resources[r].allocated;
    }
    s.groups.push_back(sample);
  }
  s.groups.insert(s.groups.begin(), all);
  const auto set = [&s](const char* name, double v) { s.counters[*h::counter_index(name)] = v; };
  for (const char* name : h::kCounterNames) {
    set(name, 0);
  }
  set("mesos_tasks_running", 40000 + static_cast<double>(n % 500));
  set("mesos_tasks_finished", static_cast<double>(n * 30));
  set("mesos_tasks_failed", static_cast<double>(n / 4));
  set("chronos_success_count", static_cast<double>(n * 2));
  set("chronos_error_count", static_cast<double>(n / 100));
  set("marathon_queue_launches", static_cast<double>(n % 13));
  s.task_states = {{"TASK_RUNNING", 40000}, {"TASK_STAGING", 12}};
  return s;
}

}  // namespace

int stats_history_gen(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: qctl_bench stats-history-gen DB [--days N] [--groups N]\n");
    return 2;
  }
  Shape shape;
  for (int i = 3; i + 1 < argc; i += 2) {
    const int v = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--days") == 0) {
      shape.days = v;
    } else if (std::strcmp(argv[i], "--groups") == 0) {
      shape.groups = v;
    } else if (std::strcmp(argv[i], "--interval") == 0) {
      shape.interval = v;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const double now = std::floor(
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
  const std::int64_t count = static_cast<std::int64_t>(shape.days) * 86400 / shape.interval;
  auto store = h::open_store(argv[2], {});
  std::vector<h::Snapshot> batch;
  for (std::int64_t n = 0; n < count; ++n) {
    const double t = now - static_cast<double>((count - 1 - n) * shape.interval);
    batch.push_back(snapshot(shape, t, n));
    if (batch.size() == 1440 || n + 1 == count) {
      store->append_all(batch);
      batch.clear();
    }
  }
  std::printf("generated %s: %lld snapshots x %d groups in %.1f s\n", argv[2],
              static_cast<long long>(count), shape.groups,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

}  // namespace qctl::bench
