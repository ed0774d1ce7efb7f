#include "core/ssh/remote.h"

#include <gtest/gtest.h>

#include <csignal>

#include "core/error.h"
#include "core/ssh/audit.h"
#include "core/ssh/endpoint.h"
#include "core/ssh/session.h"

namespace qctl::ssh {
namespace {

TEST(SshRemoteTest, QuotingKeepsEveryByteLiteralForThePosixShell) {
  EXPECT_EQ(shell_quote("mesos-0c3f6a1e.x"), "mesos-0c3f6a1e.x");
  EXPECT_EQ(shell_quote(""), "''");
  EXPECT_EQ(shell_quote("a b"), "'a b'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote("$(rm -rf /)"), "'$(rm -rf /)'");
  EXPECT_EQ(shell_quote("`x`;|&<>*?\n"), "'`x`;|&<>*?\n'");
}

TEST(SshRemoteTest, DockerTasksAreEnteredWithDockerExec) {
  ContainerExec e;
  e.docker = true;
  e.docker_name = "mesos-c1";
  e.tty = true;
  e.user = "nobody";
  e.workdir = "/srv/my app";
  e.command = {"ls", "-la"};
  EXPECT_EQ(container_command_line(e),
            "docker exec -i -t -u nobody -w '/srv/my app' mesos-c1 ls -la");
}

TEST(SshRemoteTest, MesosTasksAreEnteredWithNsenterAndSudoWhenNotRoot) {
  ContainerExec e;
  e.executor_pid = 4242;
  e.sudo = true;
  e.command = {"cat", "/etc/hostname"};
  EXPECT_EQ(container_command_line(e), "sudo -n nsenter -t 4242 -a -r -w -- cat /etc/hostname");
  e.sudo = false;
  e.workdir = "/tmp";
  EXPECT_EQ(container_command_line(e),
            "nsenter -t 4242 -a -r -w -- sh -c 'cd \"$1\" && shift && exec \"$@\"' sh /tmp cat "
            "/etc/hostname");
}

TEST(SshRemoteTest, TheDefaultCommandPrefersTheUsersShellThenBashThenSh) {
  ContainerExec e;
  e.docker = true;
  e.docker_name = "mesos-c1";
  e.preferred_shell = "/bin/zsh; reboot";
  const auto argv = container_argv(e);
  ASSERT_GE(argv.size(), 4U);
  EXPECT_EQ(argv.back(), "/bin/zsh; reboot");  // an argument ($1), never part of the script
  EXPECT_EQ(argv[argv.size() - 5], "sh");
  EXPECT_NE(argv[argv.size() - 3].find("command -v bash"), std::string::npos);
}

TEST(SshRemoteTest, HostSpecsAndJumpCommands) {
  const auto s = parse_host_spec("ops@bastion.example.com:2222");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user, "ops");
  EXPECT_EQ(s->host, "bastion.example.com");
  EXPECT_EQ(s->port, 2222);
  EXPECT_FALSE(parse_host_spec("host:99999"));
  EXPECT_FALSE(parse_host_spec("-oProxyCommand=x"));
  EXPECT_FALSE(parse_host_spec(""));
  Endpoint e;
  e.known_hosts = "/home/a/.ssh/known_hosts";
  e.config_file = "/home/a/.ssh/config";
  EXPECT_EQ(
      jump_proxy_command(*s, e),
      "ssh -W '[%h]:%p' -F /home/a/.ssh/config -o UserKnownHostsFile=/home/a/.ssh/known_hosts "
      "-o StrictHostKeyChecking=yes -o BatchMode=yes -p 2222 -l ops -- bastion.example.com");
  // On a terminal OpenSSH may ask for a password, never whether to trust the bastion's key.
  e.interactive = true;
  EXPECT_EQ(
      jump_proxy_command(*s, e),
      "ssh -W '[%h]:%p' -F /home/a/.ssh/config -o UserKnownHostsFile=/home/a/.ssh/known_hosts "
      "-o StrictHostKeyChecking=yes -p 2222 -l ops -- bastion.example.com");
  e.accept_new_host_key = true;
  EXPECT_NE(jump_proxy_command(*s, e).find("-o StrictHostKeyChecking=accept-new"),
            std::string::npos);
}

TEST(SshRemoteTest, AgentHostNamesFromTheMasterMustBePlain) {
  const config::Getenv env = [](const std::string&) { return std::nullopt; };
  for (const std::string ok : {"agent1.dc1.example.com", "10.0.1.11", "fe80::1", "node_7-b"}) {
    EXPECT_EQ(make_endpoint(ok, {}, {}, env).host, ok);
  }
  // '@' would change the login user; the others would reach /bin/sh through %h.
  for (const std::string bad : {"", "-oProxyCommand=x", "root@10.0.1.11", "a;reboot", "a b",
                                "$(id)", "a'b", "a\nb", "[::1]", "h%p"}) {
    try {
      (void)make_endpoint(bad, {}, {}, env);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ApiError& e) {
      EXPECT_NE(e.line().find("\"" + bad + "\""), std::string::npos) << e.line();
    }
  }
}

TEST(SshRemoteTest, FlagsBeatTheContextAndPathsUseHome) {
  config::SshConfig ctx;
  ctx.user = "core";
  ctx.port = 2200;
  ctx.identity = "~/.ssh/cluster";
  ctx.proxy_jump = "bastion";
  const config::Getenv env = [](const std::string& k) -> std::optional<std::string> {
    if (k == "HOME") {
      return "/home/alice";
    }
    return std::nullopt;
  };
  auto e = make_endpoint("10.0.1.11", ctx, {}, env);
  EXPECT_EQ(e.user, "core");
  EXPECT_EQ(e.port, 2200);
  EXPECT_EQ(e.identities, std::vector<std::string>{"/home/alice/.ssh/cluster"});
  EXPECT_EQ(e.ssh_dir, "/home/alice/.ssh");
  EXPECT_EQ(e.proxy_jump, "bastion");
  EndpointFlags flags;
  flags.user = "root";
  flags.port = 22;
  flags.proxy_command = "nc %h %p";
  e = make_endpoint("10.0.1.11", ctx, flags, env);
  EXPECT_EQ(e.user, "root");
  EXPECT_EQ(e.port, 22);
  EXPECT_EQ(e.proxy_command, "nc %h %p");
  EXPECT_EQ(e.proxy_jump, "");
  EXPECT_EQ(openssh_command_line(e, true, "docker exec -i -t mesos-c1 sh"),
            "ssh -t -p 22 -l root -i /home/alice/.ssh/cluster -o 'ProxyCommand=nc %h %p' -- "
            "10.0.1.11 'docker exec -i -t mesos-c1 sh'");
  ctx.proxy_jump = "-oProxyCommand=evil";
  EXPECT_THROW((void)make_endpoint("h", ctx, {}, env), ConfigError);
}

TEST(SshRemoteTest, ExitStatusFollowsTheShellConvention) {
  EXPECT_EQ((ExitStatus{3, ""}).qctl_code(), 3);
  EXPECT_EQ((ExitStatus{-1, "TERM"}).qctl_code(), 143);
  EXPECT_EQ((ExitStatus{-1, "KILL"}).qctl_code(), 137);
  EXPECT_EQ((ExitStatus{-1, ""}).qctl_code(), 255);
  // Local signals forwarded to the remote command go by their SSH names.
  EXPECT_EQ(signal_name(SIGINT), "INT");
  EXPECT_EQ(signal_name(SIGQUIT), "QUIT");
  EXPECT_EQ(signal_number(signal_name(SIGHUP)), SIGHUP);
  EXPECT_EQ(signal_name(0), "");
}

TEST(SshRemoteTest, AuditLinesAreOneQuotedLine) {
  AuditRecord r;
  r.time = 1717171200;
  r.local_user = "alice";
  r.target = "/team/web";
  r.task_id = "team_web.1";
  r.agent = "agent1";
  r.container = "mesos-c1";
  r.command = "sh -c 'echo hi'";
  r.exit_status = 3;
  EXPECT_EQ(audit_line(r),
            "2024-05-31T16:00:00Z user=alice target=/team/web task=team_web.1 agent=agent1 "
            "container=mesos-c1 exit=3 command='sh -c '\\''echo hi'\\'''");
}

}  // namespace
}  // namespace qctl::ssh
