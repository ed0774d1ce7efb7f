// The agent's /files/browse, /files/read and /files/download over the sandboxes it has
// attached (src/files/files.cpp): only attached paths resolve, everything else is 404.
#pragma once

#include <map>
#include <string>

#include "sandbox/http/message.h"
#include "sandbox/world/world.h"

namespace qctl::sandbox::mesos {

/// Virtual path → real directory, as the agent attaches each executor sandbox: the run
/// directory itself, `<work_dir>/…/runs/latest` and `/frameworks/<fw>/executors/<ex>/runs/latest`.
[[nodiscard]] std::map<std::string, std::string> attached_paths(const World& world,
                                                                const SimAgent& agent);

/// GET /files/browse?path=…
[[nodiscard]] http::Response files_browse(const http::Request& request,
                                          const std::map<std::string, std::string>& attached);
/// GET /files/read?path=…&offset=…&length=…
[[nodiscard]] http::Response files_read(const http::Request& request,
                                        const std::map<std::string, std::string>& attached);
/// GET /files/download?path=…
[[nodiscard]] http::Response files_download(const http::Request& request,
                                            const std::map<std::string, std::string>& attached);

}  // namespace qctl::sandbox::mesos
