// The httplib adapter: socket requests in, Router responses out.
#include "sandbox/server/http_server.h"

#include <httplib.h>

#include <cctype>
#include <chrono>
#include <stdexcept>

#include "core/util/base64.h"

namespace qctl::sandbox::server {

struct HttpServer::Impl {
  std::unique_ptr<httplib::Server> server;
};

namespace {

/// Requests served on one keep-alive connection before the server closes it.
constexpr std::size_t kKeepAliveMaxCount = 1000000;

http::Request convert(const httplib::Request& in) {
  http::Request out;
  out.method = in.method;
  out.path = in.path;
  auto q = in.target.find('?');
  if (q != std::string::npos) {
    out.query = in.target.substr(q + 1);
  }
  for (const auto& [k, v] : in.params) {
    out.params.emplace(k, v);
  }
  for (const auto& [k, v] : in.headers) {
    out.headers.emplace(k, v);
  }
  out.body = in.body;
  return out;
}

bool announces_chunked(const httplib::Request& req) {
  std::string te = req.get_header_value("Transfer-Encoding");
  for (char& c : te) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return te.find("chunked") != std::string::npos;
}

void write_back(http::Response response, bool drop, httplib::Response& res) {
  res.status = response.status;
  for (auto& [k, v] : response.headers) {
    res.set_header(k, v);
  }
  if (drop) {
    // Headers go out, then the provider fails: the client sees the connection cut.
    res.set_chunked_content_provider(
        response.content_type.empty() ? "application/json" : response.content_type,
        [](std::size_t, httplib::DataSink&) { return false; });
    return;
  }
  if (response.stream) {
    auto stream = std::move(response.stream);
    res.set_chunked_content_provider(response.content_type,
                                     [stream](std::size_t, httplib::DataSink& sink) {
                                       stream([&sink](std::string_view piece) {
                                         return sink.is_writable() &&
                                                sink.write(piece.data(), piece.size());
                                       });
                                       sink.done();
                                       return true;
                                     });
    return;
  }
  if (response.content_type.empty()) {
    res.body = std::move(response.body);
  } else {
    res.set_content(std::move(response.body), response.content_type);
  }
}

using Serve = std::function<void(http::Request&, httplib::Response&)>;

// Every method on every path goes to the Router.
void install_handlers(httplib::Server& s, const Serve& serve) {
  auto handler = [serve](const httplib::Request& req, httplib::Response& res) {
    http::Request request = convert(req);
    serve(request, res);
  };
  // RFC 7230 §3.3.3: a request with neither Content-Length nor chunked Transfer-Encoding has
  // no body, and libprocess and Jetty answer such a `curl -X POST` (or a bodiless DELETE) at
  // once. httplib 0.11 would read until the client closes and answer 400 after its read
  // timeout, so the body is read here, only when the request announces one.
  auto with_body = [serve](const httplib::Request& req, httplib::Response& res,
                           const httplib::ContentReader& reader) {
    http::Request request = convert(req);
    if (req.has_header("Content-Length") || announces_chunked(req)) {
      reader([&request](const char* data, std::size_t n) {
        request.body.append(data, n);
        return true;
      });
    }
    serve(request, res);
  };
  s.Get(".*", handler);
  s.Post(".*", with_body);
  s.Put(".*", with_body);
  s.Patch(".*", with_body);
  s.Delete(".*", with_body);
  s.Options(".*", handler);
}

}  // namespace

bool basic_auth_ok(const std::string& header, const Credentials& credentials, bool strict) {
  if (header.size() < 6) {
    return false;
  }
  if (strict) {
    const bool colon = credentials.user.find(':') != std::string::npos ||
                       credentials.password.find(':') != std::string::npos;
    return !colon && header == "Basic " + util::base64_encode(credentials.user + ":" +
                                                              credentials.password);
  }
  std::string scheme = header.substr(0, 6);
  for (char& c : scheme) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme == "basic " &&
         header.substr(6) == util::base64_encode(credentials.user + ":" + credentials.password);
}

HttpServer::HttpServer(std::string name, http::Router router, ServerOptions options)
    : name_(std::move(name)), router_(std::move(router)), options_(std::move(options)),
      impl_(std::make_unique<Impl>()) {}

HttpServer::~HttpServer() { stop(); }

std::string HttpServer::url() const {
  return std::string(options_.tls ? "https" : "http") + "://" + options_.host + ":" +
         std::to_string(port_);
}

http::Response HttpServer::handle(http::Request& request, bool& drop) {
  drop = false;
  const bool admin = request.path.rfind(options_.admin_prefix, 0) == 0;
  if (!admin && options_.faults != nullptr) {
    FaultSpec f = options_.faults->get();
    if (f.latency_ms > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(f.latency_ms));
    }
    if (f.hang) {
      options_.faults->wait_while_hanging();
    }
    double roll_error = 0;
    double roll_drop = 0;
    {
      std::lock_guard guard(rng_mu_);
      std::uniform_real_distribution<double> u(0.0, 1.0);
      roll_error = u(rng_);
      roll_drop = u(rng_);
    }
    if (roll_drop < f.drop_rate) {
      drop = true;
      return http::Response::empty(200);
    }
    if (roll_error < f.error_rate) {
      return http::Response::text(503, "Service Unavailable (sandbox fault injection)");
    }
  }
  if (!admin && options_.credentials) {
    const auto& auth = router_.auth();
    std::string realm = auth.realm ? auth.realm(request) : "sandbox";
    if (!realm.empty() && !basic_auth_ok(request.header("Authorization"), *options_.credentials,
                                        auth.strict_basic)) {
      if (auth.unauthorized) {
        return auth.unauthorized(request, realm);
      }
      return http::Response::empty(401).with_header("WWW-Authenticate",
                                                    "Basic realm=\"" + realm + "\"");
    }
  }
  return router_.dispatch(request);
}

int HttpServer::bind() {
  if (bound_) {
    return port_;
  }
  if (options_.tls) {
    impl_->server = std::make_unique<httplib::SSLServer>(options_.tls->cert_file.c_str(),
                                                         options_.tls->key_file.c_str());
    if (!impl_->server->is_valid()) {
      throw std::runtime_error(name_ + ": cannot load the TLS certificate " +
                               options_.tls->cert_file);
    }
  } else {
    impl_->server = std::make_unique<httplib::Server>();
  }
  httplib::Server& s = *impl_->server;
  int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_keep_alive_timeout(5);
  // httplib closes a connection after 5 requests by default; Jetty (Marathon, Chronos) and
  // libprocess keep it open. Reconnecting every 5 requests overflowed the listen backlog
  // under parallel clients, and each dropped SYN cost a 1 s retransmit.
  s.set_keep_alive_max_count(kKeepAliveMaxCount);
  // httplib writes headers and body separately; without TCP_NODELAY Nagle's algorithm and
  // the client's delayed ACK add ~40 ms to every response with a body.
  s.set_tcp_nodelay(true);
  install_handlers(s, [this](http::Request& request, httplib::Response& res) {
    bool drop = false;
    http::Response response = handle(request, drop);
    write_back(std::move(response), drop, res);
  });
  if (options_.port == 0) {
    port_ = s.bind_to_any_port(options_.host);
  } else {
    port_ = s.bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) + " for " + name_ +
                             " (address in use or not available)");
  }
  bound_ = true;
  return port_;
}

/// httplib's stop() does nothing until the listener thread has marked itself running, and
/// the join then waits forever: a server stopped right after start() (an agent "lost" as
/// the first admin call) hung. So both sides wait for that moment, or for the listener's end.
void HttpServer::wait_for_listener() const {
  const httplib::Server& s = *impl_->server;
  while (!s.is_running() && !listener_done_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void HttpServer::start() {
  bind();
  httplib::Server& s = *impl_->server;
  listener_done_ = false;
  thread_ = std::thread([this, &s] {
    s.listen_after_bind();
    listener_done_ = true;
  });
  wait_for_listener();
}

void HttpServer::stop() {
  if (!thread_.joinable()) {
    return;
  }
  wait_for_listener();
  impl_->server->stop();
  thread_.join();
}

}  // namespace qctl::sandbox::server
