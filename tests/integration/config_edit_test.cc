// `qctl config` edits from several real processes at once: the config file is locked for each
// load-edit-save, so none of them loses another's change.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/config/config.h"
#include "tests/support/run_qctl.h"

namespace qctl::testing {
namespace {

TEST(ConfigEditProcesses, ConcurrentSetContextsAllLand) {
  TempDir dir;
  const std::string path = dir.path() + "/qctl/config";
  constexpr int kEdits = 10;
  std::vector<ProcessResult> results(kEdits);
  std::vector<std::thread> threads;
  for (int i = 0; i < kEdits; ++i) {
    threads.emplace_back([&, i] {
      RunSpec spec;
      spec.args = {"config", "set-context", "c" + std::to_string(i), "--mesos",
                   "http://m:" + std::to_string(5000 + i)};
      spec.env = {{"QCTL_CONFIG", path}, {"HOME", dir.path()}};
      results[static_cast<std::size_t>(i)] = run_qctl(spec);
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (const auto& r : results) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  const auto cfg = config::load(path);
  EXPECT_EQ(cfg.contexts.size(), static_cast<std::size_t>(kEdits));
  for (int i = 0; i < kEdits; ++i) {
    EXPECT_NE(cfg.find("c" + std::to_string(i)), nullptr) << i;
  }
}

}  // namespace
}  // namespace qctl::testing
