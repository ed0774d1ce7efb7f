// qctl_bench: generates a large synthetic cluster, measures decoding, and serves it over HTTP
// so `qctl status` can be timed against it. Driven by bench/run.sh, which prints the figures.
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "bench/cluster_gen.h"
#include "bench/hammer.h"
#include "bench/state_floor.h"
#include "bench/stats_history_gen.h"
#include "bench/unique_serve.h"
#include "core/mesos/decode.h"
#include "core/mesos/decode_stream.h"
#include "core/clock.h"
#include "core/http/client.h"
#include "core/http/curl_transport.h"
#include "core/mesos/master_client.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const auto size = static_cast<std::size_t>(in.tellg());
  std::string data;
  data.reserve(size + 64);  // what the transport reserves from Content-Length
  data.resize(size);
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(size));
  return data;
}

qctl::bench::ClusterShape shape_from(int argc, char** argv, int first) {
  qctl::bench::ClusterShape shape;
  for (int i = first; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--agents") == 0) {
      shape.agents = std::stoul(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--tasks") == 0) {
      shape.tasks = std::stoul(argv[i + 1]);
    }
  }
  return shape;
}

int gen_state(const char* path, const qctl::bench::ClusterShape& shape) {
  const auto json = qctl::bench::master_state(shape);
  std::ofstream(path, std::ios::binary) << json;
  std::printf("generated %s: %zu agents, %zu tasks, %.1f MB\n", path, shape.agents, shape.tasks,
              static_cast<double>(json.size()) / 1e6);
  return 0;
}

int read_only(const char* path) {
  const auto start = Clock::now();
  const auto data = read_file(path);
  std::printf("read %.1f MB in %.3f s, peak RSS %ld MB\n", static_cast<double>(data.size()) / 1e6,
              seconds_since(start), peak_rss_mb());
  return 0;
}

int decode_state(const char* path) {
  const auto start = Clock::now();
  auto data = read_file(path);
  const double read_s = seconds_since(start);
  const auto decode_start = Clock::now();
  const auto state = qctl::mesos::decode_master_state(data);
  const double decode_s = seconds_since(decode_start);
  std::size_t tasks = 0;
  for (const auto& f : state.frameworks) {
    tasks += f.tasks.size();
  }
  std::printf("decoded %.1f MB (%zu agents, %zu tasks): read %.3f s, decode %.3f s, peak RSS %ld MB\n",
              static_cast<double>(data.size()) / 1e6, state.agents.size(), tasks, read_s,
              decode_s, peak_rss_mb());
  return 0;
}

// What `qctl` does with /master/state: decode the body piece by piece as it arrives (here
// 1 MiB reads from the file), never holding the whole payload.
int decode_state_stream(const char* path) {
  const auto start = Clock::now();
  std::ifstream in(path, std::ios::binary);
  std::string chunk(1 << 20, '\0');
  qctl::mesos::MasterStateStream stream;
  std::size_t total = 0;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    total += got;
    stream.feed(std::string_view(chunk.data(), got));
  }
  const auto state = stream.finish();
  std::size_t tasks = 0;
  for (const auto& f : state.frameworks) {
    tasks += f.tasks.size();
  }
  std::printf("streamed %.1f MB (%zu agents, %zu tasks): read+decode %.3f s, peak RSS %ld MB\n",
              static_cast<double>(total) / 1e6, state.agents.size(), tasks, seconds_since(start),
              peak_rss_mb());
  return 0;
}

// The way qctl gets /master/state: over HTTP from a (local) master. Mode "raw" only reads the
// body into memory; mode "decode" is MasterClient::state(), decoding while the bytes arrive;
// mode "parse" streams it through the same pipeline without building a model; mode "index"
// reads it, then runs simdjson's stage 1 over all of it (state_floor.h).
int fetch_state(const char* url, const std::string& mode) {
  qctl::http::CurlTransport transport;
  qctl::SystemClock clock;
  qctl::http::ClientOptions options;
  options.timeout = std::chrono::milliseconds(120000);
  qctl::http::Client http(transport, clock, options);
  const auto start = Clock::now();
  if (mode == "raw") {
    const auto response = http.send(qctl::http::get_request(std::string(url) + "/master/state"));
    std::printf("GET /master/state over HTTP, body kept: %.1f MB in %.3f s, peak RSS %ld MB\n",
                static_cast<double>(response.body.size()) / 1e6, seconds_since(start),
                peak_rss_mb());
    return 0;
  }
  if (mode == "index") {
    const auto response = http.send(qctl::http::get_request(std::string(url) + "/master/state"));
    const double read_s = seconds_since(start);
    const auto floor = qctl::bench::index_state_floor(response.body);
    std::printf("GET /master/state over HTTP, read then indexed whole (simdjson %s): %zu tasks, "
                "read %.3f s, stage 1 %.3f s, walk to task ids %.3f s, in %.3f s, peak RSS %ld MB\n",
                floor.kernel.c_str(), floor.tasks, read_s, floor.index_s, floor.walk_s,
                seconds_since(start), peak_rss_mb());
    return 0;
  }
  if (mode == "parse") {
    const auto floor = qctl::bench::parse_state_floor(http, url);
    std::printf("GET /master/state over HTTP, parsed while it arrives, no model: %zu agents, "
                "%zu tasks (%zu running) in %.3f s, peak RSS %ld MB\n",
                floor.agents, floor.tasks, floor.running, seconds_since(start), peak_rss_mb());
    return 0;
  }
  qctl::mesos::MasterClient client(http, {url});
  const auto state = client.state();
  std::printf("GET /master/state over HTTP, decoded while it arrives: %zu agents in %.3f s, "
              "peak RSS %ld MB\n",
              state.agents.size(), seconds_since(start), peak_rss_mb());
  return 0;
}

int serve(const qctl::bench::ClusterShape& shape, int port) {
  const auto summary = qctl::bench::state_summary(shape);
  const auto slaves = qctl::bench::master_slaves(shape);
  const auto state = qctl::bench::master_state(shape);
  const auto metrics = qctl::bench::metrics_snapshot(shape);
  const auto tasks = qctl::bench::master_tasks(shape);
  httplib::Server server;
  // libprocess sets TCP_NODELAY on its sockets; without it a delayed ACK adds 40 ms to small
  // answers such as /master/maintenance/status on loopback.
  server.set_tcp_nodelay(true);
  auto json = [](const std::string& body) {
    return [&body](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, "application/json");
    };
  };
  server.Get("/master/state-summary", json(summary));
  server.Get("/master/slaves", json(slaves));
  server.Get("/master/state", json(state));
  server.Get("/metrics/snapshot", json(metrics));
  server.Get("/master/tasks", json(tasks));
  static const std::string version = R"({"version":"1.11.0","build_date":"2020-11-24","build_time":1606176000,"build_user":"root"})";
  static const std::string empty = "{}";
  static const std::string get_master = R"({"type":"GET_MASTER","get_master":{"master_info":{"id":"m-1","ip":16777343,"port":5050,"pid":"master@127.0.0.1:5050","hostname":"127.0.0.1","version":"1.11.0","address":{"hostname":"127.0.0.1","ip":"127.0.0.1","port":5050}},"start_time":1717000000.25,"elected_time":1717000005.5}})";
  server.Get("/version", json(version));
  server.Get("/master/maintenance/status", json(empty));
  server.Post("/api/v1", json(get_master));
  server.Get("/master/health", [](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) {
    std::fprintf(stderr, "qctl_bench: cannot bind 127.0.0.1:%d\n", port);
    return 1;
  }
  std::printf("serving %zu agents / %zu tasks (state-summary %.1f MB, state %.1f MB) on http://127.0.0.1:%d\n",
              shape.agents, shape.tasks, static_cast<double>(summary.size()) / 1e6,
              static_cast<double>(state.size()) / 1e6, bound);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: qctl_bench gen-state FILE [--agents N --tasks M] | read FILE | fetch-state URL raw|decode|parse|index | "
                 "decode-state FILE | decode-state-stream FILE | serve [--port P] [--agents N --tasks M] | "
                 "hammer URL SECONDS THREADS\n");
    return 2;
  }
  const std::string mode = argv[1];
  if (mode == "gen-state" && argc >= 3) {
    return gen_state(argv[2], shape_from(argc, argv, 3));
  }
  if (mode == "read" && argc >= 3) {
    return read_only(argv[2]);
  }
  if (mode == "decode-state" && argc >= 3) {
    return decode_state(argv[2]);
  }
  if (mode == "fetch-state" && argc >= 4) {
    return fetch_state(argv[2], argv[3]);
  }
  if (mode == "decode-state-stream" && argc >= 3) {
    return decode_state_stream(argv[2]);
  }
  if (mode == "hammer" && argc >= 5) {
    return bench::hammer(argv[2], std::stod(argv[3]), std::stoi(argv[4]));
  }
  if (mode == "unique-serve") {  // bench/unique.sh
    return qctl::bench::unique_serve(argc, argv);
  }
  if (mode == "stats-history-gen") {  // bench/stats_report.sh
    return qctl::bench::stats_history_gen(argc, argv);
  }
  if (mode == "serve") {
    int port = 0;
    for (int i = 2; i + 1 < argc; ++i) {
      if (std::strcmp(argv[i], "--port") == 0) {
        port = std::stoi(argv[i + 1]);
      }
    }
    return serve(shape_from(argc, argv, 2), port);
  }
  std::fprintf(stderr, "qctl_bench: unknown mode '%s'\n", mode.c_str());
  return 2;
}
