// The completion cache file and the refresh policy: fresh, stale, failing, backing off.
#include "core/completion/cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/http/deadline_transport.h"
#include "core/completion/names.h"
#include "tests/core/config/config_test_util.h"

namespace qctl::completion {
namespace {

using qctl::testing::mode_of;
using qctl::testing::TempDir;

TEST(CompletionCache, RoundTripsPrivatelyPerContextAndCreatesPrivateDirectories) {
  TempDir dir;
  const auto cache_path = dir.file("a/b");
  NameCache cache(cache_path, "prod/eu");
  EXPECT_TRUE(cache.get(NameKind::kAgents).names.empty());
  ASSERT_TRUE(cache.put(NameKind::kAgents, {{{"a1", "id1"}}, 100, 100}));
  ASSERT_TRUE(cache.put(NameKind::kApps, {{{"/web", ""}}, 90, 95}));
  EXPECT_EQ(cache.path(), cache_path + "/prod%2Feu.json");
  EXPECT_EQ(mode_of(cache.path()), 0600U);
  EXPECT_EQ(mode_of(dir.file("a")), 0700U);
  EXPECT_EQ(mode_of(cache_path), 0700U);

  NameCache again(cache_path, "prod/eu");
  const auto agents = again.get(NameKind::kAgents);
  EXPECT_EQ(agents.names, (std::vector<Candidate>{{"a1", "id1"}}));
  EXPECT_EQ(agents.fetched_at, 100);
  EXPECT_EQ(again.get(NameKind::kApps).tried_at, 95);
  EXPECT_TRUE(NameCache(cache_path, "dev").get(NameKind::kAgents).names.empty());
}

TEST(CompletionCache, MalformedFileReadsAsEmpty) {
  TempDir dir;
  qctl::testing::write_file(dir.file("x.json"), "{not json");
  NameCache cache(dir.path(), "x");
  EXPECT_TRUE(cache.get(NameKind::kAgents).names.empty());
  EXPECT_TRUE(cache.put(NameKind::kAgents, {{{"a", ""}}, 1, 1}));
}

TEST(CompletionCache, DirectoryFromXdgElseHome) {
  using qctl::testing::env_of;
  EXPECT_EQ(cache_dir(env_of({{"XDG_CACHE_HOME", "/c"}, {"HOME", "/h"}})), "/c/qctl/completion");
  EXPECT_EQ(cache_dir(env_of({{"HOME", "/h"}})), "/h/.cache/qctl/completion");
  EXPECT_EQ(cache_dir(env_of({})), "");
  EXPECT_EQ(cache_file_name("(env)"), "%28env%29.json");
  EXPECT_EQ(cache_file_name(".."), "%2E..json");
}

class CachedNames : public ::testing::Test {
 protected:
  std::vector<Candidate> names(double now) {
    return cached_names(cache_, NameKind::kAgents, now, [this](NameKind) {
      ++fetches_;
      if (fail_) {
        throw std::runtime_error("down");
      }
      return std::map<NameKind, std::vector<Candidate>>{
          {NameKind::kAgents, {{"a" + std::to_string(fetches_), ""}}},
          {NameKind::kFrameworks, {{"marathon", ""}}}};
    });
  }
  TempDir dir_;
  NameCache cache_{dir_.path(), "prod"};
  int fetches_ = 0;
  bool fail_ = false;
};

TEST_F(CachedNames, FreshAnswersWithoutFetchingStaleRefreshes) {
  EXPECT_EQ(names(1000), (std::vector<Candidate>{{"a1", ""}}));
  EXPECT_EQ(names(1059), (std::vector<Candidate>{{"a1", ""}}));
  EXPECT_EQ(fetches_, 1);
  EXPECT_EQ(names(1061), (std::vector<Candidate>{{"a2", ""}}));
  EXPECT_EQ(fetches_, 2);
  // The same response filled the other kind.
  EXPECT_EQ(cache_.get(NameKind::kFrameworks).names, (std::vector<Candidate>{{"marathon", ""}}));
}

TEST_F(CachedNames, FailureFallsBackToTheCacheAndBacksOff) {
  EXPECT_EQ(names(1000).size(), 1U);
  fail_ = true;
  EXPECT_EQ(names(2000), (std::vector<Candidate>{{"a1", ""}}));
  EXPECT_EQ(names(2005), (std::vector<Candidate>{{"a1", ""}}));  // no new attempt yet
  EXPECT_EQ(fetches_, 2);
  EXPECT_EQ(names(2011), (std::vector<Candidate>{{"a1", ""}}));
  EXPECT_EQ(fetches_, 3);
}

TEST_F(CachedNames, FailureWithNothingCachedIsEmpty) {
  fail_ = true;
  EXPECT_TRUE(names(1000).empty());
}

class SlowTransport final : public http::Transport {
 public:
  http::Result perform(const http::Request& request) override {
    seen.push_back(request);
    http::Result r;
    r.failure = http::FailureKind::kTimeout;
    return r;
  }
  std::vector<http::Request> seen;
};

TEST(DeadlineTransport, CutsTimeoutsToTheTimeLeftAndFailsOnceSpent) {
  SlowTransport inner;
  const auto start = std::chrono::steady_clock::now();
  http::DeadlineTransport budget(inner, start + std::chrono::milliseconds(1000));
  EXPECT_EQ(budget.perform(http::get_request("http://m1:5050/x")).failure,
            http::FailureKind::kTimeout);
  ASSERT_EQ(inner.seen.size(), 1U);
  EXPECT_LE(inner.seen[0].timeout.count(), 1000);
  EXPECT_LE(inner.seen[0].connect_timeout.count(), 1000);
  http::DeadlineTransport spent(inner, start - std::chrono::milliseconds(1));
  const auto r =
      spent.perform_all({http::get_request("http://a/"), http::get_request("http://b/")}, 2, {});
  EXPECT_EQ(r.size(), 2U);
  EXPECT_EQ(r[1].failure, http::FailureKind::kTimeout);
  EXPECT_EQ(inner.seen.size(), 1U);  // nothing sent once the budget is spent
}

// Another cluster behind the same context name (QCTL_MESOS, a second config file, a sandbox on
// new ports) is cached apart; the same URLs share the cache.
TEST(CompletionCache, TheKeyFollowsTheContextsUrls) {
  config::ContextConfig a;
  a.name = "prod";
  a.mesos.urls = {"http://m1:5050"};
  config::ContextConfig b = a;
  EXPECT_EQ(cache_key(a), cache_key(b));
  EXPECT_EQ(cache_key(a).rfind("prod.", 0), 0U);
  b.mesos.urls = {"http://m2:5050"};
  EXPECT_NE(cache_key(a), cache_key(b));
  b = a;
  b.marathon.urls = {"http://m1:5050"};  // the same URL for another service is another key
  EXPECT_NE(cache_key(a), cache_key(b));
}

}  // namespace
}  // namespace qctl::completion
