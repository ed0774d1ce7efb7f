#include "core/config/config.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "tests/core/config/config_test_util.h"

namespace qctl::config {
namespace {

using testing::config_error;
using testing::env_of;
using testing::mode_of;
using testing::TempDir;
using testing::write_file;

constexpr const char* kFull = R"(current-context: prod
contexts:
  prod:
    mesos: [http://m1:5050, http://m2:5050, http://m3:5050]
    marathon:
      - http://marathon1:8080
      - http://marathon2:8080
    chronos: http://chronos:4400
    chronos-api: v2
    auth:
      user: ops
      password-file: ~/.config/qctl/ops.password
    tls:
      ca-file: /etc/ssl/certs/corp-ca.pem
      cert-file: ~/client.pem
      key-file: ~/client.key
      insecure: false
    ssh:
      user: core
      port: 2222
      identity: ~/.ssh/id_ed25519
      proxy-jump: bastion.example.com
      proxy-command: ssh -W %h:%p bastion
    output: wide
  staging:
    mesos: {urls: [https://stage-m1:5050], auth: {token-env: MESOS_TOKEN}}
    marathon: http://stage-marathon:8080, http://stage-marathon2:8080
)";

TEST(ConfigLoad, ReadsEveryDocumentedField) {
  TempDir dir;
  write_file(dir.file("config"), kFull);
  const auto cfg = load(dir.file("config"));
  EXPECT_TRUE(cfg.exists);
  EXPECT_EQ(cfg.current_context, "prod");
  ASSERT_EQ(cfg.contexts.size(), 2U);
  const auto& prod = cfg.contexts[0];
  EXPECT_EQ(prod.name, "prod");
  EXPECT_EQ(prod.mesos.urls,
            (std::vector<std::string>{"http://m1:5050", "http://m2:5050", "http://m3:5050"}));
  EXPECT_EQ(prod.marathon.urls,
            (std::vector<std::string>{"http://marathon1:8080", "http://marathon2:8080"}));
  EXPECT_EQ(prod.chronos.urls, (std::vector<std::string>{"http://chronos:4400"}));
  EXPECT_EQ(prod.chronos_api, ChronosApi::kV2);
  EXPECT_EQ(prod.auth.user, "ops");
  EXPECT_EQ(prod.auth.password_file, "~/.config/qctl/ops.password");
  EXPECT_EQ(prod.tls.ca_file, "/etc/ssl/certs/corp-ca.pem");
  EXPECT_FALSE(prod.tls.insecure);
  EXPECT_EQ(prod.ssh.user, "core");
  EXPECT_EQ(prod.ssh.port, 2222);
  EXPECT_EQ(prod.ssh.proxy_jump, "bastion.example.com");
  EXPECT_EQ(prod.ssh.proxy_command, "ssh -W %h:%p bastion");
  EXPECT_EQ(prod.output, "wide");
  const auto* staging = cfg.find("staging");
  ASSERT_NE(staging, nullptr);
  EXPECT_EQ(staging->mesos.urls, (std::vector<std::string>{"https://stage-m1:5050"}));
  ASSERT_TRUE(staging->mesos.auth.has_value());
  EXPECT_EQ(staging->mesos.auth->token_env, "MESOS_TOKEN");
  EXPECT_EQ(staging->marathon.urls.size(), 2U);
  EXPECT_EQ(&auth_for(*staging, staging->mesos), &*staging->mesos.auth);
  EXPECT_EQ(&auth_for(*staging, staging->marathon), &staging->auth);
}

TEST(ConfigLoad, MissingFileIsAnEmptyConfig) {
  TempDir dir;
  const auto cfg = load(dir.file("nope/config"));
  EXPECT_FALSE(cfg.exists);
  EXPECT_EQ(cfg.path, dir.file("nope/config"));
  EXPECT_TRUE(cfg.contexts.empty());
}

TEST(ConfigLoad, EmptyFileIsAnEmptyConfig) {
  TempDir dir;
  write_file(dir.file("config"), "# nothing yet\n");
  const auto cfg = load(dir.file("config"));
  EXPECT_TRUE(cfg.exists);
  EXPECT_TRUE(cfg.contexts.empty());
}

TEST(ConfigLoad, UnknownKeyNamesKeyLineAndContext) {
  TempDir dir;
  write_file(dir.file("config"),
             "current-context: prod\n"
             "contexts:\n"
             "  prod:\n"
             "    mesos: http://m1:5050\n"
             "\n"
             "\n"
             "    marathno: http://marathon:8080\n");
  const auto e = config_error([&] { (void)load(dir.file("config")); });
  EXPECT_EQ(e.line(),
            "config: " + dir.file("config") + ": line 7: unknown key 'marathno' in context 'prod'");
  EXPECT_EQ(e.hint(), "did you mean 'marathon'?");
  EXPECT_EQ(e.code(), ExitCode::kUsage);
}

TEST(ConfigLoad, UnknownKeysInNestedSectionsAndTopLevel) {
  TempDir dir;
  write_file(dir.file("config"),
             "contexts:\n  prod:\n    auth:\n      user: a\n      pasword: x\n");
  EXPECT_EQ(config_error([&] { (void)load(dir.file("config")); }).what(),
            std::string("line 5: unknown key 'pasword' in context 'prod' (auth)"));
  write_file(dir.file("config"), "current_context: prod\n");
  EXPECT_EQ(config_error([&] { (void)load(dir.file("config")); }).what(),
            std::string("line 1: unknown key 'current_context' at the top level"));
}

TEST(ConfigLoad, MalformedYamlGivesLineAndColumn) {
  TempDir dir;
  write_file(dir.file("config"), "contexts:\n  prod:\n    mesos: [http://m1:5050\n");
  const auto e = config_error([&] { (void)load(dir.file("config")); });
  EXPECT_EQ(e.subject(), "config: " + dir.file("config"));
  EXPECT_NE(std::string(e.what()).find("line 4, column"), std::string::npos) << e.what();
}

TEST(ConfigLoad, RejectsBadValuesWithTheirLine) {
  TempDir dir;
  write_file(dir.file("config"), "contexts:\n  prod:\n    chronos-api: v4\n");
  EXPECT_EQ(
      config_error([&] { (void)load(dir.file("config")); }).what(),
      std::string("line 3: 'chronos-api' in context 'prod' must be auto, v3 or v2, not 'v4'"));
  write_file(dir.file("config"), "contexts:\n  prod:\n    ssh: {port: twenty-two}\n");
  EXPECT_EQ(config_error([&] { (void)load(dir.file("config")); }).what(),
            std::string("line 3: 'port' in context 'prod' (ssh) must be a port number"));
  write_file(dir.file("config"),
             "contexts:\n  prod:\n    auth: {user: a, password-file: f, password-env: V}\n");
  EXPECT_NE(std::string(config_error([&] { (void)load(dir.file("config")); }).what())
                .find("set only one of password, password-file and password-env"),
            std::string::npos);
}

TEST(ConfigSave, RoundTripsWithPrivateModeAndDirectory) {
  TempDir dir;
  write_file(dir.file("in"), kFull);
  auto cfg = load(dir.file("in"));
  cfg.path = dir.file("sub/dir/config");
  cfg.contexts[0].auth.password_file.clear();
  cfg.contexts[0].auth.password = "s3cret: with # odd chars";
  cfg.contexts[0].ssh.user = "null";  // must stay a string, not become YAML null
  save(cfg);
  EXPECT_EQ(mode_of(dir.file("sub/dir/config")), 0600U);
  EXPECT_EQ(mode_of(dir.file("sub/dir")), 0700U);
  EXPECT_EQ(mode_of(dir.file("sub")), 0700U);
  const auto again = load(dir.file("sub/dir/config"));
  EXPECT_EQ(to_yaml(again, false), to_yaml(cfg, false));
  EXPECT_EQ(again.contexts[0].auth.password, "s3cret: with # odd chars");
  EXPECT_EQ(again.contexts[0].ssh.user, "null");
  EXPECT_EQ(again.find("staging")->mesos.auth->token_env, "MESOS_TOKEN");
  // No temporary files are left next to it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.file("sub/dir")),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(ConfigSave, ReplacesAReadableFileWithAPrivateOne) {
  TempDir dir;
  write_file(dir.file("config"), "contexts:\n  a:\n    mesos: http://m:5050\n", 0644);
  auto cfg = load(dir.file("config"));
  cfg.current_context = "a";
  save(cfg);
  EXPECT_EQ(mode_of(dir.file("config")), 0600U);
  EXPECT_EQ(load(dir.file("config")).current_context, "a");
}

TEST(ConfigYaml, RedactionNeverShowsInlineSecrets) {
  Config cfg;
  ContextConfig c;
  c.name = "prod";
  c.mesos.urls = {"http://m1:5050"};
  c.auth.user = "ops";
  c.auth.password = "hunter2";
  c.marathon.urls = {"http://marathon:8080"};
  c.marathon.auth = AuthConfig{};
  c.marathon.auth->token = "tok-abc";
  c.chronos.urls = {"http://chronos:4400"};
  c.chronos.auth = AuthConfig{};
  c.chronos.auth->token_file = "~/chronos.token";
  cfg.contexts.push_back(c);
  const auto yaml = to_yaml(cfg, true);
  const auto json = to_json(cfg, true).dump();
  for (const auto& text : {yaml, json}) {
    EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
    EXPECT_EQ(text.find("tok-abc"), std::string::npos) << text;
    EXPECT_NE(text.find("<redacted>"), std::string::npos) << text;
    EXPECT_NE(text.find("~/chronos.token"), std::string::npos) << text;  // references are fine
  }
  EXPECT_NE(to_yaml(cfg, false).find("hunter2"), std::string::npos);
  EXPECT_EQ(to_json(cfg, true)["contexts"]["prod"]["auth"]["password"], "<redacted>");
}

TEST(ConfigSecrets, ExposedOnlyWithInlineSecretAndReadableFile) {
  TempDir dir;
  write_file(dir.file("config"), "contexts:\n  a:\n    auth: {user: u, password: pw}\n", 0644);
  EXPECT_TRUE(secrets_exposed(load(dir.file("config"))));
  ::chmod(dir.file("config").c_str(), 0600);
  EXPECT_FALSE(secrets_exposed(load(dir.file("config"))));
  write_file(dir.file("ref"), "contexts:\n  a:\n    auth: {user: u, password-env: PW}\n", 0644);
  EXPECT_FALSE(secrets_exposed(load(dir.file("ref"))));
}

TEST(ConfigPaths, DefaultPathAndHomeExpansion) {
  EXPECT_EQ(default_path(env_of({{"QCTL_CONFIG", "~/q.yaml"}, {"HOME", "/home/u"}})),
            "/home/u/q.yaml");
  EXPECT_EQ(default_path(env_of({{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/home/u"}})),
            "/x/qctl/config");
  EXPECT_EQ(default_path(env_of({{"HOME", "/home/u"}})), "/home/u/.config/qctl/config");
  EXPECT_THROW((void)default_path(env_of({})), ConfigError);
  const auto env = env_of({{"HOME", "/home/u"}});
  EXPECT_EQ(expand_home("~/.ssh/id", env), "/home/u/.ssh/id");
  EXPECT_EQ(expand_home("~", env), "/home/u");
  EXPECT_EQ(expand_home("~bob/x", env), "~bob/x");
  EXPECT_EQ(expand_home("/abs/~/x", env), "/abs/~/x");
}

}  // namespace
}  // namespace qctl::config
