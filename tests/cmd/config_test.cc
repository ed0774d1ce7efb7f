// Drives `qctl config ...` through the real command tree with string streams and a fake env.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/app.h"
#include "tests/core/config/config_test_util.h"
#include "tests/support/cli.h"

namespace qctl::cmd {
namespace {

using qctl::testing::mode_of;
using qctl::testing::read_file;
using qctl::testing::TempDir;
using qctl::testing::write_file;

using Outcome = qctl::testing::CliOutcome;

class ConfigCommand : public ::testing::Test {
 protected:
  /// Runs `qctl <args>` with QCTL_CONFIG pointing into the temp dir plus `extra` variables.
  Outcome qctl(const std::vector<std::string>& args,
               std::map<std::string, std::string> extra = {}) {
    extra.emplace("QCTL_CONFIG", path_);
    extra.emplace("HOME", dir_.path());
    return qctl::testing::run_cli_in_process(args, std::move(extra));
  }

  /// Runs `qctl <args>` with HOME in the temp dir and no QCTL_CONFIG.
  Outcome qctl_with_flag_only(const std::vector<std::string>& args) {
    return qctl::testing::run_cli_in_process(args, {{"HOME", dir_.path()}});
  }

  [[nodiscard]] std::string file() const { return read_file(path_); }

  TempDir dir_;
  std::string path_ = dir_.file("qctl/config");
};

// A name that is also a command name is the name: `set-context sandbox` once ran `qctl
// sandbox` (CLI11 took the word in the optional NAME slot for the top-level command).
TEST_F(ConfigCommand, ANameThatIsACommandNameIsTheName) {
  for (const char* name : {"sandbox", "version", "status"}) {
    const auto r = qctl({"config", "set-context", name, "--mesos", "http://m1:5050"});
    EXPECT_EQ(r.code, 0) << name << ": " << r.err;
    EXPECT_NE(r.out.find(std::string("Context \"") + name + "\" created."), std::string::npos)
        << r.out;
  }
  const auto r = qctl({"config", "get-contexts", "version", "-o", "name"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "version\n");
  EXPECT_EQ(qctl({"status", "apps", "version"}).out.find("qctl 0.1"), std::string::npos);
}

// Credentials written into a URL by hand are never printed; per-service credentials show in
// the AUTH column.
TEST_F(ConfigCommand, UrlCredentialsAreRedactedAndServiceAuthIsShown) {
  std::filesystem::create_directories(dir_.file("qctl"));
  write_file(path_,
             "current-context: x\n"
             "contexts:\n"
             "  x:\n"
             "    mesos: http://u:hunter2@m1:5050\n"
             "    marathon:\n"
             "      urls: [http://localhost:8080]\n"
             "      auth: {token-env: DEV_MARATHON_TOKEN}\n",
             0600);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"config", "view"},
        std::vector<std::string>{"config", "view", "-o", "json"},
        std::vector<std::string>{"config", "get-contexts"},
        std::vector<std::string>{"config", "get-contexts", "-o", "yaml"}}) {
    const auto r = qctl(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("http://<redacted>@m1:5050"), std::string::npos) << r.out;
  }
  EXPECT_NE(qctl({"config", "get-contexts"}).out.find("marathon:token"), std::string::npos);
}

// No shell expands '~' after '=': qctl does, as it does for $QCTL_CONFIG (no "~" directory in
// the working directory).
TEST_F(ConfigCommand, ConfigFlagExpandsTheHomeDirectory) {
  const auto r = qctl_with_flag_only({"--config=~/other/config", "config", "set-context", "t",
                                      "--mesos", "http://m:1"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir_.file("other/config")));
}

TEST_F(ConfigCommand, SetContextCreatesAPrivateFileAndMakesTheFirstContextCurrent) {
  const auto r = qctl({"config", "set-context", "prod", "--mesos", "http://m1:5050,http://m2:5050",
                       "--marathon", "http://marathon:8080", "--user", "ops", "--password-file",
                       "~/ops.pw", "--ssh-port", "2222"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Context \"prod\" created.\nSwitched to context \"prod\".\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(mode_of(path_), 0600U);
  EXPECT_EQ(mode_of(dir_.file("qctl")), 0700U);
  EXPECT_EQ(file(),
            "current-context: prod\n"
            "contexts:\n"
            "  prod:\n"
            "    mesos: [http://m1:5050, http://m2:5050]\n"
            "    marathon: [http://marathon:8080]\n"
            "    auth:\n"
            "      user: ops\n"
            "      password-file: ~/ops.pw\n"
            "    ssh:\n"
            "      port: 2222\n");
}

TEST_F(ConfigCommand, SetContextModifiesOnlyTheGivenFields) {
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m1:5050"}).code, 0);
  ASSERT_EQ(qctl({"config", "set-context", "dev", "--mesos", "http://dev:5050"}).code, 0);
  const auto r = qctl({"config", "set-context", "prod", "--chronos", "http://c:4400",
                       "--chronos-api", "v2", "--insecure-skip-tls-verify", "--token-env", "TOK"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Context \"prod\" modified.\n");
  const auto cfg = config::load(path_);
  EXPECT_EQ(cfg.current_context, "prod");
  const auto* prod = cfg.find("prod");
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(prod->mesos.urls, (std::vector<std::string>{"http://m1:5050"}));
  EXPECT_EQ(prod->chronos.urls, (std::vector<std::string>{"http://c:4400"}));
  EXPECT_EQ(prod->chronos_api, config::ChronosApi::kV2);
  EXPECT_TRUE(prod->tls.insecure);
  EXPECT_EQ(prod->auth.token_env, "TOK");
  ASSERT_EQ(qctl({"config", "set-context", "--current", "--insecure-skip-tls-verify=false"}).code,
            0);
  EXPECT_FALSE(config::load(path_).find("prod")->tls.insecure);
  EXPECT_EQ(qctl({"config", "set-context", "prod", "--current"}).err,
            "qctl: give a context NAME or --current, not both\n");
  EXPECT_EQ(qctl({"config", "set-context", "--current"}, {{"QCTL_CONTEXT", "qa"}}).code, 2);
  EXPECT_EQ(config::load(path_).find("qa"), nullptr);
}

TEST_F(ConfigCommand, SetContextNeverTakesASecretValue) {
  const auto r =
      qctl({"config", "set-context", "prod", "--mesos", "http://m:5050", "--password", "hunter2"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "qctl: secrets are not accepted on the command line (--password)\n"
            "hint: point to them with --password-file FILE or --password-env VARIABLE\n");
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos);
}

TEST_F(ConfigCommand, SetContextRejectsBadInputWithoutTouchingTheFile) {
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m:5050"}).code, 0);
  const auto before = file();
  const auto bad_url = qctl({"config", "set-context", "prod", "--marathon", "marathon:8080"});
  EXPECT_EQ(bad_url.code, 2);
  EXPECT_EQ(bad_url.err,
            "qctl: invalid --marathon URL 'marathon:8080'\n"
            "hint: URLs look like http://host:port or https://host:port\n");
  const auto creds = qctl({"config", "set-context", "prod", "--mesos", "https://u:pw@m:5050"});
  EXPECT_EQ(creds.code, 2);
  EXPECT_EQ(creds.err.find("pw@"), std::string::npos) << creds.err;
  const auto no_user = qctl({"config", "set-context", "prod", "--password-env", "PW"});
  EXPECT_EQ(no_user.code, 2);
  EXPECT_EQ(no_user.err, "qctl: context 'prod': a password needs a user\n");
  EXPECT_EQ(qctl({"config", "set-context", "prod", "--chronos-api", "v4"}).code, 2);
  EXPECT_EQ(file(), before);
}

TEST_F(ConfigCommand, SetContextDryRunWritesNothing) {
  const auto r = qctl({"config", "set-context", "prod", "--mesos", "http://m:5050", "--dry-run"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Context \"prod\" created (dry run).\nSwitched to context \"prod\" (dry run).\n");
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(ConfigCommand, UseContextSwitchesAndRejectsUnknownNames) {
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m:5050"}).code, 0);
  ASSERT_EQ(qctl({"config", "set-context", "dev", "--mesos", "http://d:5050"}).code, 0);
  EXPECT_EQ(qctl({"config", "use-context", "dev", "--dry-run"}).out,
            "Switched to context \"dev\" (dry run).\n");
  EXPECT_EQ(config::load(path_).current_context, "prod");
  const auto r = qctl({"config", "use-context", "dev"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Switched to context \"dev\".\n");
  EXPECT_EQ(config::load(path_).current_context, "dev");
  EXPECT_EQ(mode_of(path_), 0600U);
  const auto unknown = qctl({"config", "use-context", "qa"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err, "qctl: config: context 'qa' not found\nhint: known contexts: prod, dev\n");
  EXPECT_EQ(config::load(path_).current_context, "dev");
}

TEST_F(ConfigCommand, DeleteContextClearsTheCurrentContext) {
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m:5050"}).code, 0);
  ASSERT_EQ(qctl({"config", "set-context", "dev", "--mesos", "http://d:5050"}).code, 0);
  const auto dry = qctl({"config", "delete-context", "dev", "--dry-run"});
  EXPECT_EQ(dry.out, "Deleted context \"dev\" from " + path_ + " (dry run).\n");
  EXPECT_NE(config::load(path_).find("dev"), nullptr);
  const auto other = qctl({"config", "delete-context", "dev"});
  EXPECT_EQ(other.code, 0) << other.err;
  EXPECT_EQ(other.out, "Deleted context \"dev\" from " + path_ + ".\n");
  EXPECT_EQ(other.err, "");
  const auto current = qctl({"config", "delete-context", "prod"});
  EXPECT_EQ(current.code, 0);
  EXPECT_EQ(current.err,
            "qctl: warning: this removed the current context; run 'qctl config use-context "
            "NAME' to select another\n");
  const auto cfg = config::load(path_);
  EXPECT_TRUE(cfg.contexts.empty());
  EXPECT_EQ(cfg.current_context, "");
  EXPECT_EQ(qctl({"config", "delete-context", "prod"}).code, 2);
}

TEST_F(ConfigCommand, CurrentContextPrintsTheNameOrFails) {
  const auto none = qctl({"config", "current-context"});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_NE(none.err.find("qctl: config: no context selected"), std::string::npos) << none.err;
  // Only environment variables: the "(env)" context every command then uses.
  EXPECT_EQ(qctl({"config", "current-context"}, {{"QCTL_MARATHON", "http://mt:8080"}}).out,
            "(env)\n");
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m:5050"}).code, 0);
  ASSERT_EQ(qctl({"config", "set-context", "dev", "--mesos", "http://d:5050"}).code, 0);
  EXPECT_EQ(qctl({"config", "current-context"}).out, "prod\n");
  EXPECT_EQ(qctl({"config", "current-context"}, {{"QCTL_CONTEXT", "dev"}}).out, "dev\n");
  EXPECT_EQ(qctl({"--context", "dev", "config", "current-context"}).out, "dev\n");
  // A name no other command would accept is refused here too.
  const auto unknown = qctl({"config", "current-context"}, {{"QCTL_CONTEXT", "nope"}});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_NE(unknown.err.find("context 'nope' not found"), std::string::npos) << unknown.err;
}

TEST_F(ConfigCommand, GetContextsTableNameAndHeaders) {
  ASSERT_EQ(qctl({"config", "set-context", "prod", "--mesos", "http://m1:5050,http://m2:5050",
                  "--marathon", "http://mara:8080", "--user", "ops", "--password-env", "PW"})
                .code,
            0);
  ASSERT_EQ(
      qctl({"config", "set-context", "dev", "--chronos", "http://c:4400", "--token-file", "/t"})
          .code,
      0);
  const auto table = qctl({"config", "get-contexts"});
  EXPECT_EQ(table.code, 0) << table.err;
  EXPECT_EQ(
      table.out,
      "CURRENT   NAME   MESOS                           MARATHON           CHRONOS         AUTH\n"
      "*         prod   http://m1:5050,http://m2:5050   http://mara:8080   <none>          basic\n"
      "          dev    <none>                          <none>             http://c:4400   "
      "token\n");
  EXPECT_EQ(qctl({"config", "get-contexts", "-o", "name"}).out, "prod\ndev\n");
  const auto one = qctl({"config", "get-contexts", "dev", "--no-headers"});
  EXPECT_EQ(one.out.find("CURRENT"), std::string::npos);
  EXPECT_EQ(one.out.find("prod"), std::string::npos);
  EXPECT_NE(one.out.find("dev"), std::string::npos);
  EXPECT_EQ(qctl({"config", "get-contexts", "qa"}).code, 2);
}

TEST_F(ConfigCommand, GetContextsOnAMissingFileIsAnEmptyList) {
  const auto r = qctl({"config", "get-contexts", "-o", "name"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(qctl({"config", "view"}).out, "contexts: {}\n");
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(ConfigCommand, ViewRedactsSecretsAndWarnsAboutAReadableFile) {
  std::filesystem::create_directories(dir_.file("qctl"));
  write_file(path_,
             "current-context: prod\n"
             "contexts:\n"
             "  prod:\n"
             "    mesos: http://m:5050\n"
             "    auth: {user: ops, password: hunter2}\n"
             "  dev:\n"
             "    marathon: http://d:8080\n"
             "    auth: {token-env: DEV_TOKEN}\n",
             0644);
  const auto r = qctl({"config", "view"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "qctl: warning: " + path_ +
                       " holds secrets and is readable by others; run chmod 600 " + path_ + "\n");
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
  EXPECT_NE(r.out.find("password: <redacted>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("token-env: DEV_TOKEN"), std::string::npos) << r.out;
  const auto json = qctl({"config", "view", "-o", "json"});
  EXPECT_EQ(json.code, 0);
  EXPECT_EQ(json.out.find("hunter2"), std::string::npos);
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["contexts"]["prod"]["auth"]["password"], "<redacted>");
  const auto minified = qctl({"config", "view", "--minify", "--context", "dev"});
  EXPECT_EQ(minified.out,
            "current-context: dev\ncontexts:\n  dev:\n    marathon: [http://d:8080]\n"
            "    auth:\n      token-env: DEV_TOKEN\n");
  EXPECT_EQ(qctl({"config", "view", "-o", "table"}).code, 2);
  ::chmod(path_.c_str(), 0600);
  EXPECT_EQ(qctl({"config", "view"}).err, "");
}

TEST_F(ConfigCommand, MalformedConfigIsAConfigError) {
  std::filesystem::create_directories(dir_.file("qctl"));
  write_file(path_, "contexts:\n  prod:\n    marathno: http://m:8080\n");
  const auto r = qctl({"config", "get-contexts"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "qctl: config: " + path_ +
                       ": line 3: unknown key 'marathno' in context 'prod'\n"
                       "hint: did you mean 'marathon'?\n");
}

TEST_F(ConfigCommand, EveryVerbHasHelpWithExamplesAndReadsNothing) {
  for (const char* verb : {"view", "current-context", "get-contexts", "use-context", "set-context",
                           "delete-context"}) {
    const auto r = qctl({"config", verb, "--help"});
    EXPECT_EQ(r.code, 0) << verb;
    EXPECT_NE(r.out.find("Examples:"), std::string::npos) << verb << "\n" << r.out;
    EXPECT_NE(r.out.find("qctl config " + std::string(verb)), std::string::npos) << verb;
  }
  const auto group = qctl({"config"});
  EXPECT_EQ(group.code, 0);
  EXPECT_NE(group.out.find("set-context"), std::string::npos) << group.out;
  EXPECT_FALSE(std::filesystem::exists(path_));
}

}  // namespace
}  // namespace qctl::cmd
