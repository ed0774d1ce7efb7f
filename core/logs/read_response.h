// Decodes an agent's /files/read answer byte-exactly, whatever the file holds.
#pragma once

#include <string_view>

#include "core/model/mesos.h"

namespace qctl::logs {

/// `{"data":"…","offset":N}` as Mesos writes it (rapidjson without validation): the file's
/// bytes go into the JSON string unchanged except for `"`, `\` and control characters, so
/// binary data and UTF-8 sequences cut at a chunk edge arrive as raw bytes that a strict
/// JSON parser rejects. This decoder keeps every byte; `\uXXXX` escapes become UTF-8 (a lone
/// surrogate becomes U+FFFD). Throws json::DecodeError for anything else.
[[nodiscard]] model::FileChunk decode_read_response(std::string_view body);

}  // namespace qctl::logs
