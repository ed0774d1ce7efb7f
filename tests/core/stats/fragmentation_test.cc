// Shapes, fragmentation and what-if fit on the hand-computed cluster of stats_test_util.h.
#include "core/stats/fragmentation.h"

#include <gtest/gtest.h>

#include "core/stats/fit.h"
#include "tests/core/stats/stats_test_util.h"

namespace qctl::stats {
namespace {

Shape shape(const std::string& text) {
  std::string error;
  auto s = parse_shape(text, error);
  EXPECT_TRUE(s.has_value()) << error;
  return s.value_or(Shape{});
}

TEST(StatsShapeTest, ParsesAndRejectsBadSyntax) {
  const auto s = shape("cpus=1,mem=2048,disk=100,ports=2,role=web");
  EXPECT_DOUBLE_EQ(s.demand.cpus, 1);
  EXPECT_DOUBLE_EQ(s.demand.mem, 2048);
  EXPECT_EQ(s.demand.ports, 2u);
  EXPECT_EQ(s.demand.accepted_roles, (std::vector<std::string>{"web", "*"}));
  EXPECT_EQ(s.name, "cpus=1,mem=2048,disk=100,ports=2");
  std::string error;
  EXPECT_FALSE(parse_shape("cpus=1,mem=2G", error));
  EXPECT_EQ(error, "mem: not a number >= 0: 2G");
  EXPECT_FALSE(parse_shape("cpus", error));
  EXPECT_FALSE(parse_shape("cores=2", error));
  EXPECT_NE(error.find("unknown resource \"cores\""), std::string::npos);
  EXPECT_FALSE(parse_shape("ports=1.5", error));
  EXPECT_FALSE(parse_shape("cpus=0", error));
  EXPECT_FALSE(parse_shape("cpus=-1", error));
}

TEST(StatsShapeTest, DefaultShapesComeFromAppsAndJobsDeduplicated) {
  model::App web;
  web.id = "/web";
  web.cpus = 1;
  web.mem = 2048;
  web.port_count = 1;
  model::App web2 = web;
  web2.id = "/web2";
  model::Job job;
  job.name = "nightly";  // Chronos defaults: 0.1 cpus, 128 mem, 256 disk
  const auto shapes = shapes_of({web, web2}, {job});
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].name, "/web +1 more");
  EXPECT_EQ(shapes[1].name, "job nightly");
  EXPECT_DOUBLE_EQ(shapes[1].demand.disk, 256);
}

TEST(StatsFragmentationTest, FloatCrumbsFitButARealShortfallIsStranded) {
  const auto in = testing::small_cluster();
  const auto fits = fragmentation(in, default_group_by(in.agents), {shape("cpus=0.1")});
  ASSERT_EQ(fits.size(), 2u);
  const auto& sh2 = fits[1];
  EXPECT_EQ(sh2.group, "sh2");
  // a4 has 0.3 - 0.1 - 0.1 = 0.0999999… free (a crumb: fits); a5 has 0.0999 (does not).
  EXPECT_EQ(sh2.fits, 1);
  EXPECT_EQ(sh2.agents_fitting, 1);
  EXPECT_EQ(sh2.ideal, 1);                         // 0.1999 free in total
  EXPECT_DOUBLE_EQ(sh2.stranded.at("cpus"), 0.1);  // a5's 0.0999, shown to 3 decimals
  EXPECT_DOUBLE_EQ(sh2.stranded.at("mem"), 1024);
  EXPECT_EQ(fits[0].fits, 50);  // a1: 5 unreserved cpus free
}

TEST(StatsFragmentationTest, IndexAndLimitingResource) {
  const auto in = testing::small_cluster();
  const auto fits = fragmentation(in, GroupBy{}, {shape("cpus=0.5,mem=1024")});
  ASSERT_EQ(fits.size(), 1u);
  // a1: min(5/0.5, 10240/1024) = 10; a4, a5: no whole 0.5 cpus. Free in total: 5.1999
  // cpus -> 10, 11776 MB -> 11: cpus limit, and nothing is lost to fragmentation.
  EXPECT_EQ(fits[0].fits, 10);
  EXPECT_EQ(fits[0].ideal, 10);
  EXPECT_EQ(fits[0].limiting, "cpus");
  EXPECT_DOUBLE_EQ(fits[0].index, 0);
  const auto tight = fragmentation(in, GroupBy{}, {shape("cpus=0.15,mem=100")});
  // a1: 33, a4: 0 (0.1 free), a5: 0; ideal floor(5.1999/0.15) = 34.
  EXPECT_EQ(tight[0].fits, 33);
  EXPECT_EQ(tight[0].ideal, 34);
  EXPECT_NEAR(tight[0].index, 1.0 - 33.0 / 34.0, 1e-9);
}

TEST(StatsFitTest, PlacesWithConstraintsAndExplainsRejections) {
  const auto in = testing::small_cluster();
  model::App app;
  app.id = "/web";
  app.cpus = 0.1;
  app.mem = 64;
  app.constraints = {{"hostname", "UNIQUE", "", false}};
  FitRequest req;
  req.name = app.id;
  req.demand = demand_of(app);
  req.instances = 3;
  const auto r = simulate_fit(in, default_group_by(in.agents), req);
  // Available: a1, a4, a5. a5 lacks 0.1 cpus by 0.0001; UNIQUE keeps one per host.
  EXPECT_EQ(r.agents, 3u);
  EXPECT_EQ(r.placed, 2u);
  EXPECT_FALSE(r.fits());
  EXPECT_EQ(r.reasons.at("InsufficientCpus"), 1u);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].placed, 1u);
  EXPECT_EQ(r.groups[1].placed, 1u);
}

TEST(StatsFitTest, ExistingInstancesCountAgainstConstraints) {
  const auto in = testing::small_cluster();
  model::App app;
  app.cpus = 0.05;
  app.mem = 1;
  app.constraints = {{"hostname", "UNIQUE", "", false}};
  model::MarathonTask running;
  running.host = "a1.bj1";
  running.slave_id = in.agents[0].id;
  running.state = "TASK_RUNNING";
  FitRequest req;
  req.demand = demand_of(app);
  req.existing = placed_of({running}, in.agents);
  req.existing_instances = 1;
  req.instances = 2;
  const auto r = simulate_fit(in, GroupBy{}, req);
  EXPECT_EQ(r.placed, 2u);  // a4 and a5, not a1 again
  ASSERT_FALSE(r.rejected.empty());
  EXPECT_EQ(r.rejected[0].hostname, "a1.bj1");
  EXPECT_EQ(r.rejected[0].verdict.detail, "constraint hostname:UNIQUE (already on this host)");
}

TEST(StatsFitTest, ChronosJobUsesChronosDefaults) {
  model::Job job;
  job.name = "nightly";
  const auto d = demand_of(job, "batch");
  EXPECT_DOUBLE_EQ(d.cpus, 0.1);
  EXPECT_DOUBLE_EQ(d.mem, 128);
  EXPECT_EQ(d.accepted_roles, (std::vector<std::string>{"batch", "*"}));
  EXPECT_EQ(d.dialect, placement::Dialect::kChronos);
}

}  // namespace
}  // namespace qctl::stats
