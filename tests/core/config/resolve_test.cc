#include <gtest/gtest.h>

#include "core/config/config.h"
#include "core/error.h"
#include "tests/core/config/config_test_util.h"

namespace qctl::config {
namespace {

using testing::config_error;
using testing::env_of;
using testing::TempDir;
using testing::write_file;

Config two_contexts() {
  Config cfg;
  cfg.path = "/home/u/.config/qctl/config";
  cfg.exists = true;
  cfg.current_context = "prod";
  ContextConfig prod;
  prod.name = "prod";
  prod.mesos.urls = {"http://prod-m1:5050", "http://prod-m2:5050"};
  prod.marathon.urls = {"http://prod-marathon:8080"};
  prod.auth.user = "ops";
  prod.auth.password_file = "~/ops.pw";
  prod.tls.ca_file = "~/ca.pem";
  prod.ssh.identity = "~/.ssh/id_ed25519";
  ContextConfig staging;
  staging.name = "staging";
  staging.mesos.urls = {"http://stage-m1:5050"};
  cfg.contexts = {prod, staging};
  return cfg;
}

TEST(ResolveContext, FlagBeatsEnvironmentBeatsCurrentContext) {
  const auto cfg = two_contexts();
  EXPECT_EQ(resolve_context(cfg, "", env_of({})).name, "prod");
  EXPECT_EQ(resolve_context(cfg, "", env_of({{"QCTL_CONTEXT", "staging"}})).name, "staging");
  auto other = cfg;
  other.contexts[1].name = "dev";
  other.contexts.push_back(cfg.contexts[1]);
  EXPECT_EQ(resolve_context(other, "dev", env_of({{"QCTL_CONTEXT", "staging"}})).name, "dev");
}

TEST(ResolveContext, ExpandsHomeInPaths) {
  const auto c = resolve_context(two_contexts(), "", env_of({{"HOME", "/home/u"}}));
  EXPECT_EQ(c.auth.password_file, "/home/u/ops.pw");
  EXPECT_EQ(c.tls.ca_file, "/home/u/ca.pem");
  EXPECT_EQ(c.ssh.identity, "/home/u/.ssh/id_ed25519");
  EXPECT_EQ(tls_options(c.tls).ca_file, "/home/u/ca.pem");
}

TEST(ResolveContext, EnvironmentUrlsOverrideTheContext) {
  const auto c = resolve_context(
      two_contexts(), "",
      env_of({{"QCTL_MESOS", "http://a:5050, http://b:5050,"}, {"QCTL_CHRONOS", "http://c:4400"}}));
  EXPECT_EQ(c.name, "prod");
  EXPECT_EQ(c.mesos.urls, (std::vector<std::string>{"http://a:5050", "http://b:5050"}));
  EXPECT_EQ(c.marathon.urls, (std::vector<std::string>{"http://prod-marathon:8080"}));
  EXPECT_EQ(c.chronos.urls, (std::vector<std::string>{"http://c:4400"}));
  EXPECT_EQ(c.auth.user, "ops");
}

TEST(ResolveContext, EnvironmentAloneMakesAnUnnamedContext) {
  Config none;
  none.path = "/nowhere/config";
  const auto c = resolve_context(none, "", env_of({{"QCTL_MARATHON", "https://mara:8443"}}));
  EXPECT_EQ(c.name, "(env)");
  EXPECT_EQ(c.marathon.urls, (std::vector<std::string>{"https://mara:8443"}));
  EXPECT_TRUE(c.mesos.urls.empty());
  auto no_current = two_contexts();
  no_current.current_context.clear();
  EXPECT_EQ(resolve_context(no_current, "", env_of({{"QCTL_MESOS", "http://m:5050"}})).name,
            "(env)");
}

TEST(ResolveContext, NoContextAtAllExplainsTheSetup) {
  Config none;
  none.path = "/nowhere/config";
  const auto e = config_error([&] { (void)resolve_context(none, "", env_of({})); });
  EXPECT_EQ(e.line(), "config: no context selected and no config file at /nowhere/config");
  EXPECT_EQ(e.hint(), "run 'qctl config set-context NAME --mesos URL' or set QCTL_MESOS");
  EXPECT_EQ(e.code(), ExitCode::kUsage);
}

TEST(ResolveContext, UnknownContextListsTheKnownOnes) {
  const auto e = config_error([&] { (void)resolve_context(two_contexts(), "qa", env_of({})); });
  EXPECT_EQ(e.line(), "config: context 'qa' not found");
  EXPECT_EQ(e.hint(), "known contexts: prod, staging");
  const auto from_env = config_error([&] {
    (void)resolve_context(two_contexts(), "", env_of({{"QCTL_CONTEXT", "qa"}}));
  });
  EXPECT_EQ(from_env.line(), "config: context 'qa' not found");
}

TEST(ResolveContext, RejectsBadUrlsNamingContextAndUrl) {
  auto cfg = two_contexts();
  cfg.contexts[0].marathon.urls = {"ftp://marathon:8080"};
  const auto e = config_error([&] { (void)resolve_context(cfg, "", env_of({})); });
  EXPECT_EQ(e.line(), "config: context 'prod': invalid marathon URL 'ftp://marathon:8080'");
  const auto env = config_error([&] {
    (void)resolve_context(two_contexts(), "", env_of({{"QCTL_MESOS", "m1:5050"}}));
  });
  EXPECT_EQ(env.line(), "config: context 'prod': invalid mesos URL 'm1:5050' (from $QCTL_MESOS)");
  cfg.contexts[0].marathon.urls = {"http://admin:hunter2@marathon:8080/"};
  const auto creds = config_error([&] { (void)resolve_context(cfg, "", env_of({})); });
  EXPECT_EQ(creds.line(),
            "config: context 'prod': invalid marathon URL 'http://<redacted>@marathon:8080/'");
  EXPECT_EQ(creds.hint(), "credentials in URLs are not accepted; use the context's auth");
}

TEST(ResolveContext, ContextNeedsAtLeastOneService) {
  auto cfg = two_contexts();
  cfg.contexts[1].mesos.urls.clear();
  const auto e = config_error([&] { (void)resolve_context(cfg, "staging", env_of({})); });
  EXPECT_EQ(e.line(), "config: context 'staging' has no mesos, marathon or chronos URL");
}

TEST(ResolveContext, LoadedFromAFile) {
  TempDir dir;
  write_file(dir.file("config"),
             "current-context: a\ncontexts:\n  a:\n    mesos: http://m:5050\n    output: json\n");
  const auto c = resolve_context(load(dir.file("config")), "", env_of({}));
  EXPECT_EQ(c.mesos.urls, (std::vector<std::string>{"http://m:5050"}));
  EXPECT_EQ(c.output, "json");
}

TEST(ResolveAuth, ReadsTheFirstLineOfAFile) {
  TempDir dir;
  write_file(dir.file("pw"), "hunter2\nsecond line\n");
  AuthConfig a;
  a.user = "ops";
  a.password_file = "~/pw";
  const auto auth = resolve_auth(a, env_of({{"HOME", dir.path()}}));
  EXPECT_EQ(auth.user, "ops");
  EXPECT_EQ(auth.password, "hunter2");
  EXPECT_TRUE(auth.token.empty());
  write_file(dir.file("tok"), "tok-123\r\n");
  AuthConfig t;
  t.token_file = dir.file("tok");
  EXPECT_EQ(resolve_auth(t, env_of({})).token, "tok-123");
}

TEST(ResolveAuth, ReadsAVariable) {
  AuthConfig a;
  a.token_env = "DCOS_TOKEN";
  EXPECT_EQ(resolve_auth(a, env_of({{"DCOS_TOKEN", "tok-xyz"}})).token, "tok-xyz");
  AuthConfig inline_pw;
  inline_pw.user = "u";
  inline_pw.password = "pw";
  EXPECT_EQ(resolve_auth(inline_pw, env_of({})).password, "pw");
  EXPECT_TRUE(resolve_auth(AuthConfig{}, env_of({})).empty());
}

TEST(ResolveAuth, ErrorsNameTheSourceNeverTheSecret) {
  TempDir dir;
  AuthConfig missing;
  missing.user = "ops";
  missing.password_file = dir.file("absent");
  const auto e = config_error([&] { (void)resolve_auth(missing, env_of({})); });
  EXPECT_EQ(e.line(), "auth: cannot read password file " + dir.file("absent") +
                          ": No such file or directory");
  AuthConfig unset;
  unset.user = "ops";
  unset.password_env = "QCTL_PASSWORD";
  EXPECT_EQ(config_error([&] { (void)resolve_auth(unset, env_of({})); }).line(),
            "auth: password variable $QCTL_PASSWORD is not set");
  write_file(dir.file("empty"), "\nhunter2\n");
  AuthConfig empty;
  empty.token_file = dir.file("empty");
  const auto blank = config_error([&] { (void)resolve_auth(empty, env_of({})); });
  EXPECT_EQ(blank.line(), "auth: token file " + dir.file("empty") + " is empty");
  EXPECT_EQ(blank.line().find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace qctl::config
