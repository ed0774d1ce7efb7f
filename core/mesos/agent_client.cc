#include "core/mesos/agent_client.h"

#include "core/error.h"
#include "core/http/errors.h"
#include "core/http/url.h"
#include "core/mesos/decode.h"
#include "core/util/strings.h"

namespace qctl::mesos {

namespace {

template <class T, class F>
T get_decoded(http::Client& http, const std::string& url, F decode) {
  auto response = http.send(http::get_request(url));
  if (response.status != 200) {
    http::throw_for_status(response.status, "GET " + url, util::first_line(response.body));
  }
  try {
    return decode(response.body);
  } catch (const json::DecodeError& e) {
    throw ApiError("GET " + url, e.what());
  }
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

}  // namespace qctl::mesos
