// TLS end to end: a real TLS server (openssl s_server) with a self-signed certificate.
#include <gtest/gtest.h>

#include "tests/integration/cluster_fixture.h"
#include "tests/support/child_process.h"

namespace qctl::testing {
namespace {

class TlsTest : public ClusterTest {
 protected:
  void SetUp() override {
    cert = certs.path() + "/cert.pem";
    key = certs.path() + "/key.pem";
    ASSERT_EQ(run_command({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                           "1", "-subj", "/CN=127.0.0.1", "-addext",
                           "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert}),
              0);
    port = closed_port();
    server = std::make_unique<ChildProcess>(std::vector<std::string>{
        "openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port), "-cert", cert,
        "-key", key, "-www", "-quiet"});
    ASSERT_TRUE(wait_for_port(port, std::chrono::seconds(10)));
  }

  void write_config(const std::string& tls) {
    home.write("config", "current-context: tls\ncontexts:\n  tls:\n    mesos: [https://127.0.0.1:" +
                             std::to_string(port) + "]\n    tls:\n" + tls);
  }

  TempDir certs;
  std::string cert;
  std::string key;
  int port = 0;
  std::unique_ptr<ChildProcess> server;
};

TEST_F(TlsTest, AnUntrustedCertificateIsRefusedByDefault) {
  write_config("      insecure: false\n");
  const auto r = qctl({"status", "--timeout", "5s"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("TLS failure"), std::string::npos) << r.err;
}

TEST_F(TlsTest, TheContextsCaFileMakesItTrusted) {
  write_config("      ca-file: " + cert + "\n");
  const auto r = qctl({"status", "--timeout", "5s"});
  // The handshake succeeds; s_server -www then answers with its HTML status page.
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("HTML page"), std::string::npos) << r.err;
}

TEST_F(TlsTest, InsecureIsAnExplicitOptIn) {
  write_config("      insecure: true\n");
  const auto r = qctl({"status", "--timeout", "5s"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err.find("TLS failure"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::testing
