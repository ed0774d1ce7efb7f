// Error bodies the way Chronos' resources (ApiResult + ExceptionUtils.getStackTrace) and Jetty
// write them.
#include "sandbox/chronos/api_errors.h"

#include <nlohmann/json.hpp>

namespace qctl::sandbox::chronos {

namespace {

// The frames below the resource method are the same for every request (Jersey, Jetty).
std::string trace(const std::string& first_line, const std::string& frame, bool require) {
  const std::string resource = frame.substr(0, frame.find('.'));
  std::string t = first_line + "\n";
  if (require) {
    t += "\tat scala.Predef$.require(Predef.scala:224)\n";
  }
  t += "\tat org.apache.mesos.chronos.scheduler.api." + frame + "(" + resource + ".scala)\n" +
       "\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
       "\tat com.sun.jersey.spi.container.servlet.WebComponent.service(WebComponent.java:416)\n"
       "\tat org.eclipse.jetty.server.Server.handle(Server.java:499)\n"
       "\tat java.lang.Thread.run(Thread.java:748)\n";
  return t;
}

http::Response api_result(int status, const std::string& message, const std::string& status_text) {
  nlohmann::ordered_json body = {{"message", message}, {"status", status_text}};
  return http::Response::json(status, body.dump());
}

}  // namespace

http::Response require_failed(int api_version, const std::string& what, const std::string& frame) {
  const std::string message = "requirement failed: " + what;
  if (api_version < 3) {
    return http::Response::json(400, message);  // 2.x: ex.getMessage as the entity
  }
  return api_result(400, trace("java.lang.IllegalArgumentException: " + message, frame, true),
                    "Bad Request");
}

http::Response bad_request_message(int api_version, const std::string& message,
                                   const std::string& uri) {
  if (api_version < 3) {
    return jetty_page(api_version, 400, "Bad Request", uri);
  }
  return api_result(400, message, "Bad Request");
}

http::Response server_error(int api_version, const std::string& exception, const std::string& frame,
                            const std::string& uri) {
  if (api_version < 3) {
    return jetty_page(api_version, 500, "Internal Server Error", uri);
  }
  return api_result(500, trace(exception, frame, false), "Internal Server Error");
}

http::Response jetty_page(int api_version, int status, const std::string& reason, const std::string& uri) {
  const std::string code = std::to_string(status);
  std::string body = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
                     "<title>Error " + code + " " + reason + "</title>\n</head>\n<body>";
  if (api_version < 3) {
    // Jetty 8 (Chronos 2.x), as users reported it (mesos/chronos#389).
    body += "\n<h2>HTTP ERROR: " + code + "</h2>\n<p>Problem accessing " + uri +
            ". Reason:\n<pre>    " + reason + "</pre></p>\n<hr /><i><small>Powered by Jetty://</small></i>\n" +
            std::string(20, '\n') + "</body>\n</html>\n";
  } else {
    body += "<h2>HTTP ERROR " + code + "</h2>\n<p>Problem accessing " + uri + ". Reason:\n<pre>    " +
            reason + "</pre></p><hr><i><small>Powered by Jetty://</small></i><hr/>\n\n</body>\n</html>\n";
  }
  http::Response r = http::Response::text(status, body);
  r.content_type = "text/html;charset=ISO-8859-1";
  r.headers.emplace_back("Cache-Control", "must-revalidate,no-cache,no-store");
  return r;
}

}  // namespace qctl::sandbox::chronos
