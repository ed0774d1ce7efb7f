// libcurl implementation of http::Transport: pooled handles, shared connections, TLS on.
#pragma once

#include <memory>
#include <string>

#include "core/http/transport.h"

namespace qctl::http {

struct TlsOptions {
  std::string ca_file;    // extra CA bundle; system store when empty
  std::string cert_file;  // client certificate (PEM)
  std::string key_file;   // client key (PEM)
  bool insecure = false;  // skip peer and host verification (explicit opt-in only)
};

/// Reuses connections across requests and threads (a libcurl share), honours the proxy
/// environment variables (libcurl's own handling), never follows redirects itself.
class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(TlsOptions tls = {});
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result perform(const Request& request) override;
  std::vector<Result> perform_all(const std::vector<Request>& requests, std::size_t parallel,
                                  const std::function<bool()>& stop) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace qctl::http

namespace qctl::http {
/// The linked libcurl's version and TLS backend, e.g. "libcurl/7.88.1 OpenSSL/3.0.11".
std::string curl_version();
}  // namespace qctl::http
