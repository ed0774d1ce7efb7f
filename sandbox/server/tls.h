// A self-signed certificate for the sandbox's HTTPS mode.
#pragma once

#include <string>
#include <vector>

namespace qctl::sandbox::server {

struct GeneratedCert {
  std::string cert_file;  // PEM; also the CA file clients trust
  std::string key_file;   // PEM, mode 0600
};

/// Writes a fresh P-256 key and a self-signed certificate (valid 30 days, CA:TRUE) into
/// `dir`, with every name in `hosts` as a subjectAltName (IP addresses as IP entries).
/// Throws std::runtime_error when OpenSSL or the filesystem fails.
[[nodiscard]] GeneratedCert generate_self_signed(const std::string& dir,
                                                 const std::vector<std::string>& hosts);

}  // namespace qctl::sandbox::server
