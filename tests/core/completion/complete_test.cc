// The pure completion logic on a hand-built tree: commands, flags, values, live kinds.
#include "core/completion/complete.h"

#include <gtest/gtest.h>

#include <sstream>

namespace qctl::completion {
namespace {

CommandSpec tree() {
  CommandSpec root{"qctl", {}, "", {}, {}, 0, {}, NameKind::kNone};
  root.flags = {{{"--context"}, "Context to use", true, {}, NameKind::kContexts},
                {{"--output", "-o"}, "Output format", true, {"table", "wide", "json", "yaml"}, {}},
                {{"--config"}, "Config file", true, {}, NameKind::kFiles},
                {{"--verbose", "-v"}, "Trace", false, {}, {}}};
  CommandSpec status{"status", {"st"}, "Show the cluster", {}, {}, 0, {}, NameKind::kNone};
  CommandSpec agents{"agents", {"agent"}, "List agents", {}, {}, 1, {}, NameKind::kAgents};
  agents.flags = {{{"--selector", "-l"}, "Attribute selector", true, {}, {}}};
  status.subcommands = {agents, {"apps", {}, "List apps", {}, {}, 1, {}, NameKind::kApps}};
  root.subcommands = {status, {"completion", {}, "Print a script", {}, {}, 1, {"bash", "zsh"}, {}}};
  return root;
}

std::vector<std::string> values(const Completion& c) {
  std::vector<std::string> out;
  for (const auto& cand : c.candidates) {
    out.push_back(cand.value);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Complete, SubcommandsByPrefixWithDescriptions) {
  const auto c = complete(tree(), {"sta"});
  ASSERT_EQ(c.candidates.size(), 1U);
  EXPECT_EQ(c.candidates[0], (Candidate{"status", "Show the cluster"}));
  EXPECT_EQ(values(complete(tree(), {""})), (V{"status", "completion"}));
  EXPECT_EQ(c.kind, NameKind::kNone);
}

TEST(Complete, WalksAliasesAndOffersTheCommandsFlagsThenGlobalOnes) {
  EXPECT_EQ(values(complete(tree(), {"st", "agent", "--sel"})), (V{"--selector"}));
  EXPECT_EQ(values(complete(tree(), {"status", "agents", "-"})),
            (V{"--selector", "-l", "--context", "--output", "-o", "--config", "--verbose", "-v"}));
}

TEST(Complete, EnumeratedValuesAfterTheFlagOrBehindEquals) {
  EXPECT_EQ(values(complete(tree(), {"status", "-o", "y"})), (V{"yaml"}));
  EXPECT_EQ(values(complete(tree(), {"--output=j"})), (V{"--output=json"}));
  EXPECT_EQ(values(complete(tree(), {"completion", ""})), (V{"bash", "zsh"}));
}

TEST(Complete, LiveKindsForPositionalsAndFlagValues) {
  auto c = complete(tree(), {"status", "agents", "a"});
  EXPECT_EQ(c.kind, NameKind::kAgents);
  EXPECT_EQ(c.word, "a");
  EXPECT_TRUE(c.candidates.empty());
  c = complete(tree(), {"--context", "p"});
  EXPECT_EQ(c.kind, NameKind::kContexts);
  c = complete(tree(), {"--context=p"});
  EXPECT_EQ(c.kind, NameKind::kContexts);
  EXPECT_EQ(c.insert_prefix, "--context=");
  EXPECT_EQ(complete(tree(), {"--config", ""}).kind, NameKind::kFiles);
}

TEST(Complete, FlagValuesAreSkippedAndTheLineChoosesContextAndConfig) {
  const auto c =
      complete(tree(), {"--context", "prod", "--config=/x", "status", "agents", "-l", "dc=1", ""});
  EXPECT_EQ(c.kind, NameKind::kAgents);
  EXPECT_EQ(c.context, "prod");
  EXPECT_EQ(c.config_path, "/x");
  EXPECT_EQ(complete(tree(), {"-oyaml", "status", "apps", ""}).kind, NameKind::kApps);
}

TEST(Complete, NothingOnceThePositionalsAreGivenOrForUnknownWords) {
  EXPECT_EQ(complete(tree(), {"status", "agents", "a1", ""}).kind, NameKind::kNone);
  EXPECT_TRUE(complete(tree(), {"status", "agents", "a1", ""}).candidates.empty());
  EXPECT_TRUE(complete(tree(), {"nope", ""}).candidates.empty());
  EXPECT_TRUE(complete(tree(), {"--bogus"}).candidates.empty());
}

TEST(Complete, AfterDoubleDashOnlyPositionals) {
  const auto c = complete(tree(), {"status", "agents", "--", "-"});
  EXPECT_TRUE(c.candidates.empty());
  EXPECT_EQ(c.kind, NameKind::kAgents);
}

TEST(Complete, MatchPrefixesAndDropsDuplicates) {
  const std::vector<Candidate> names{{"/web", "2/2"}, {"/db", ""}, {"/web", "again"}};
  EXPECT_EQ(match(names, "/w"), (std::vector<Candidate>{{"/web", "2/2"}}));
  EXPECT_EQ(match(names, "", "--id=").size(), 2U);
  EXPECT_EQ(match(names, "", "--id=")[1].value, "--id=/db");
}

TEST(Complete, PrintsOneCandidatePerLineWithTabAndDescription) {
  std::ostringstream out;
  print(out, {{"a", "first\tline\nsecond"}, {"b", ""}}, false);
  EXPECT_EQ(out.str(), "a\tfirst line second\nb\n");
  std::ostringstream files;
  print(files, {}, true);
  EXPECT_EQ(files.str(), ":files\n");
}

}  // namespace
}  // namespace qctl::completion
