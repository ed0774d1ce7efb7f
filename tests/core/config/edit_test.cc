#include "core/config/edit.h"

#include <gtest/gtest.h>

namespace qctl::config {
namespace {

TEST(ApplyEdit, SetsOnlyTheGivenFields) {
  ContextConfig c;
  c.name = "prod";
  c.marathon.urls = {"http://marathon:8080"};
  c.ssh.user = "core";
  ContextEdit e;
  e.mesos = std::vector<std::string>{"http://m1:5050", "http://m2:5050"};
  e.chronos_api = ChronosApi::kV3;
  e.ssh_port = 2222;
  e.insecure = true;
  EXPECT_EQ(apply_edit(c, e), std::nullopt);
  EXPECT_EQ(c.mesos.urls, (std::vector<std::string>{"http://m1:5050", "http://m2:5050"}));
  EXPECT_EQ(c.marathon.urls, (std::vector<std::string>{"http://marathon:8080"}));
  EXPECT_EQ(c.chronos_api, ChronosApi::kV3);
  EXPECT_EQ(c.ssh.user, "core");
  EXPECT_EQ(c.ssh.port, 2222);
  EXPECT_TRUE(c.tls.insecure);
}

TEST(ApplyEdit, EmptyValuesClear) {
  ContextConfig c;
  c.marathon.urls = {"http://marathon:8080"};
  c.output = "wide";
  ContextEdit e;
  e.marathon = std::vector<std::string>{""};
  e.output = "";
  EXPECT_EQ(apply_edit(c, e), std::nullopt);
  EXPECT_TRUE(c.marathon.urls.empty());
  EXPECT_TRUE(c.output.empty());
}

TEST(ApplyEdit, SwitchingAuthSourcesReplacesTheOldOnes) {
  ContextConfig c;
  c.auth.user = "ops";
  c.auth.password = "inline";
  ContextEdit to_file;
  to_file.password_file = "/pw";
  EXPECT_EQ(apply_edit(c, to_file), std::nullopt);
  EXPECT_EQ(c.auth.user, "ops");
  EXPECT_EQ(c.auth.password_file, "/pw");
  EXPECT_TRUE(c.auth.password.empty());
  ContextEdit to_token;
  to_token.token_env = "DCOS_TOKEN";
  EXPECT_EQ(apply_edit(c, to_token), std::nullopt);
  EXPECT_TRUE(c.auth.user.empty());
  EXPECT_TRUE(c.auth.password_file.empty());
  EXPECT_EQ(c.auth.token_env, "DCOS_TOKEN");
}

TEST(ApplyEdit, ReportsAPasswordWithoutUser) {
  ContextConfig c;
  ContextEdit e;
  e.password_env = "PW";
  EXPECT_EQ(apply_edit(c, e), "a password needs a user");
}

}  // namespace
}  // namespace qctl::config
