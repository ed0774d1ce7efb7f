// libprocess path resolution and stock responses for the Mesos master and agent.
#include "sandbox/mesos/libprocess.h"

#include <utility>

namespace qctl::sandbox::mesos {

namespace {

std::vector<std::string> tokenize(const std::string& path) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string::npos) {
      slash = path.size();
    }
    if (slash > i) {
      tokens.push_back(path.substr(i, slash - i));
    }
    i = slash + 1;
  }
  return tokens;
}

std::string join(const std::vector<std::string>& tokens, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) {
      out += '/';
    }
    out += tokens[i];
  }
  return out;
}

}  // namespace

void Processes::add(const std::string& process, const std::string& name, std::string realm,
                    Endpoint endpoint) {
  processes_[process][name] = Entry{std::move(realm), std::move(endpoint)};
}

std::optional<Processes::Match> Processes::resolve(const std::string& path) const {
  // libprocess ignores requests with relative paths (process.cpp: "/..").
  if (path.find("/..") != std::string::npos) {
    return std::nullopt;
  }
  std::vector<std::string> tokens = tokenize(path);
  Match match;
  auto process = tokens.empty() ? processes_.end() : processes_.find(tokens[0]);
  std::size_t first = 1;
  if (process == processes_.end()) {
    // No such process: the delegate takes it, and the path is rewritten to say so.
    process = processes_.find(delegate_);
    first = 0;
    match.path = "/" + delegate_ + path;
  } else {
    match.path = path;
  }
  if (process == processes_.end()) {
    return std::nullopt;
  }
  // Longest prefix first: '/a/b/c', then '/a/b', then '/a' (ProcessBase::consume).
  for (std::size_t end = tokens.size(); end > first; --end) {
    auto it = process->second.find(join(tokens, first, end));
    if (it != process->second.end()) {
      match.realm = &it->second.realm;
      match.endpoint = &it->second.endpoint;
      return match;
    }
  }
  // A process' root route ("/version" is the version process' "/").
  if (tokens.size() <= first) {
    if (auto it = process->second.find(""); it != process->second.end()) {
      match.realm = &it->second.realm;
      match.endpoint = &it->second.endpoint;
      return match;
    }
  }
  return std::nullopt;
}

std::multimap<std::string, std::string> libprocess_query(std::string_view query) {
  // http::query::decode: tokens split at ';' and '&' into a hashmap, so the last value of a
  // repeated key wins.
  std::map<std::string, std::string> last;
  for (auto& [key, value] : http::parse_query(query, ";&")) {
    last[key] = value;
  }
  return {last.begin(), last.end()};
}

void Processes::install(const std::shared_ptr<Processes>& self, http::Router& router) {
  router.set_not_found([self](http::Request& request) {
    request.params = libprocess_query(request.query);
    auto match = self->resolve(request.path);
    if (!match) {
      return plain(404, "404 Not Found.");
    }
    return (*match->endpoint)(request, match->path);
  });
  http::Router::AuthPolicy policy;
  policy.realm = [self](const http::Request& request) {
    auto match = self->resolve(request.path);
    return match ? *match->realm : std::string();
  };
  // libprocess' BasicAuthenticator: one challenge, the stock "401 Unauthorized." body.
  policy.unauthorized = [](const http::Request&, const std::string& realm) {
    return plain(401, "401 Unauthorized.")
        .with_header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
  };
  policy.strict_basic = true;
  router.set_auth(std::move(policy));
}

http::Response ok_json(const http::Request& request, std::string body) {
  auto jsonp = request.params.find("jsonp");
  if (jsonp == request.params.end()) {
    return http::Response::json(200, std::move(body));
  }
  http::Response r;
  r.content_type = "text/javascript";
  r.body.reserve(jsonp->second.size() + body.size() + 2);
  r.body += jsonp->second;
  r.body += '(';
  r.body += body;
  r.body += ')';
  return r;
}

http::Response plain(int status, std::string body) {
  return http::Response::text(status, std::move(body));
}

http::Response method_not_allowed(const std::vector<std::string>& allowed,
                                  const std::string& method) {
  std::string list;
  for (const std::string& m : allowed) {
    list += list.empty() ? m : ", " + m;
  }
  std::string quoted;
  for (const std::string& m : allowed) {
    quoted += quoted.empty() ? "'" + m + "'" : ", '" + m + "'";
  }
  return plain(405, "405 Method Not Allowed. Expecting one of { " + quoted +
                        " }, but received '" + method + "'.")
      .with_header("Allow", list);
}

}  // namespace qctl::sandbox::mesos
