#include "core/logs/files.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/json/decode.h"
#include "core/logs/read_response.h"
#include "core/util/strings.h"

namespace qctl::logs {

AgentFileReader::AgentFileReader(http::Client& http, std::string scheme)
    : http_(http), scheme_(std::move(scheme)) {}

std::string AgentFileReader::get(const FileRef& file, const std::string& endpoint,
                                 const std::string& query) {
  const std::string url = scheme_ + "://" + file.agent_address + "/files/" + endpoint +
                          "?path=" + http::url_encode(file.path) + query;
  auto response = http_.send(http::get_request(url));
  if (response.status == 404) {
    throw NotFoundError(file.path, "no such file on agent " + file.agent_address);
  }
  if (response.status != 200) {
    http::throw_for_status(response.status, "GET " + url, util::first_line(response.body));
  }
  return std::move(response.body);
}

model::FileChunk AgentFileReader::read(const FileRef& file, std::int64_t offset,
                                       std::int64_t length) {
  const auto body = get(file, "read",
                        "&offset=" + std::to_string(offset) + "&length=" + std::to_string(length));
  try {
    return decode_read_response(body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET /files/read on " + file.agent_address, e.what());
  }
}

std::int64_t AgentFileReader::size(const FileRef& file) {
  return read(file, -1, -1).offset;
}

std::vector<FileEntry> AgentFileReader::browse(const FileRef& directory) {
  const auto body = get(directory, "browse", "");
  const auto list = nlohmann::json::parse(body, nullptr, false);
  if (!list.is_array()) {
    throw ApiError("GET /files/browse on " + directory.agent_address,
                   "the answer is not a JSON array");
  }
  std::vector<FileEntry> out;
  for (const auto& e : list) {
    if (!e.is_object()) {
      continue;
    }
    FileEntry entry;
    entry.path = e.value("path", "");
    entry.size = e.value("size", std::int64_t{0});
    entry.mtime = e.value("mtime", 0.0);
    entry.directory = util::starts_with(e.value("mode", ""), "d");
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace qctl::logs
