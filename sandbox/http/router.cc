// Exact and prefix routing for the sandbox servers.
#include "sandbox/http/router.h"

#include <algorithm>

namespace qctl::sandbox::http {

void Router::add(const std::string& method, const std::string& path, Handler handler) {
  exact_[path][method] = std::move(handler);
}

void Router::add_prefix(const std::string& method, const std::string& prefix, Handler handler) {
  auto it = std::find_if(prefixes_.begin(), prefixes_.end(),
                         [&](const Prefix& p) { return p.prefix == prefix; });
  if (it == prefixes_.end()) {
    prefixes_.push_back(Prefix{prefix, {}});
    it = prefixes_.end() - 1;
  }
  it->by_method[method] = std::move(handler);
  std::stable_sort(prefixes_.begin(), prefixes_.end(), [](const Prefix& a, const Prefix& b) {
    return a.prefix.size() > b.prefix.size();
  });
}

Response Router::dispatch(Request& request) const {
  const std::map<std::string, Handler>* methods = nullptr;
  if (auto it = exact_.find(request.path); it != exact_.end()) {
    methods = &it->second;
    request.rest.clear();
  } else {
    for (const Prefix& p : prefixes_) {
      if (request.path.compare(0, p.prefix.size(), p.prefix) == 0) {
        methods = &p.by_method;
        request.rest = request.path.substr(p.prefix.size());
        break;
      }
    }
  }
  if (methods == nullptr) {
    return not_found_ ? not_found_(request) : Response::empty(404);
  }
  auto handler = methods->find(request.method);
  if (handler == methods->end() && request.method == "HEAD") {
    handler = methods->find("GET");
  }
  if (handler == methods->end()) {
    return not_allowed_ ? not_allowed_(request) : Response::empty(405);
  }
  return handler->second(request);
}

}  // namespace qctl::sandbox::http
