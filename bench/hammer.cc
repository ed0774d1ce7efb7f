// `qctl_bench hammer URL SECONDS THREADS`: small requests per second against one endpoint,
// each thread on its own keep-alive connection (how monitoring scrapers and CLIs hit a
// master). Prints requests/s, errors and latency percentiles.
#include "bench/hammer.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace bench {

int hammer(const std::string& url, double seconds, int threads) {
  auto scheme_end = url.find("://");
  auto path_start = url.find('/', scheme_end + 3);
  const std::string base = url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  std::atomic<long> ok{0};
  std::atomic<long> failed{0};
  std::mutex mu;
  std::vector<double> latencies_ms;
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      httplib::Client client(base);
      client.set_keep_alive(true);
      std::vector<double> mine;
      while (std::chrono::steady_clock::now() < until) {
        auto start = std::chrono::steady_clock::now();
        auto res = client.Get(path);
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                  start)
                           .count());
        (res && res->status < 500 ? ok : failed)++;
      }
      std::lock_guard guard(mu);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& th : pool) {
    th.join();
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    return latencies_ms.empty() ? 0.0
                                : latencies_ms[static_cast<std::size_t>(
                                      p * static_cast<double>(latencies_ms.size() - 1))];
  };
  std::printf("%s: %.0f requests/s over %.0f s with %d connections (%ld errors), latency p50 %.2f ms, "
              "p99 %.2f ms\n",
              path.c_str(), static_cast<double>(ok.load()) / seconds, seconds, threads,
              failed.load(), pct(0.5), pct(0.99));
  return failed.load() == 0 ? 0 : 1;
}

}  // namespace bench
