#include "core/mesos/agent_client.h"

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/mesos/decode.h"
#include "core/mesos/decode_internal.h"
#include "core/mesos/http_status.h"
#include "core/util/strings.h"

namespace qctl::mesos {

namespace {

template <class T, class F>
T get_decoded(http::Client& http, const std::string& url, F decode) {
  auto response = http.send(http::get_request(url));
  if (response.status != 200) {
    throw_mesos_status(response, "GET " + url, http.options().auth);
  }
  try {
    return decode(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + url, e.what());
  }
}

std::vector<FileEntry> decode_file_list(std::string& body) {
  std::vector<FileEntry> out;
  json::parse(body, [&](json::Value& root) {
    detail::require_array(root, "/files/browse");
    json::elements(root, [&](json::Value& e) {
      if (e.type() != simdjson::ondemand::json_type::object) {
        return;
      }
      FileEntry entry;
      json::fields(e, [&](std::string_view key, json::Value& value) {
        if (key == "path") {
          entry.path = json::string(value);
        } else if (key == "size") {
          entry.size = json::integer(value);
        } else if (key == "mtime") {
          entry.mtime = json::number(value);
        } else if (key == "mode") {
          entry.directory = util::starts_with(json::string(value), "d");
        }
      });
      out.push_back(std::move(entry));
    });
  });
  return out;
}

}  // namespace

AgentClient::AgentClient(http::Client& http, std::string scheme)
    : http_(http), scheme_(std::move(scheme)) {}

model::AgentState AgentClient::state(const std::string& address) {
  return get_decoded<model::AgentState>(http_, scheme_ + "://" + address + "/state",
                                        decode_agent_state);
}

std::vector<model::AgentContainer> AgentClient::containers(const std::string& address) {
  return get_decoded<std::vector<model::AgentContainer>>(
      http_, scheme_ + "://" + address + "/containers", decode_containers);
}

model::FileChunk AgentClient::read_file(const std::string& address, const std::string& path,
                                        std::int64_t offset, std::int64_t length) {
  const auto url = scheme_ + "://" + address + "/files/read?path=" + http::url_encode(path) +
                   "&offset=" + std::to_string(offset) + "&length=" + std::to_string(length);
  return get_decoded<model::FileChunk>(http_, url, decode_file_chunk);
}

std::vector<FileEntry> AgentClient::browse(const std::string& address, const std::string& path) {
  const auto url = scheme_ + "://" + address + "/files/browse?path=" + http::url_encode(path);
  return get_decoded<std::vector<FileEntry>>(http_, url, decode_file_list);
}

}  // namespace qctl::mesos
