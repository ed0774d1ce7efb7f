// Jackson's coercions as Chronos' JobDeserializer applies them (asText, asBoolean, …), and
// the container part of a job (Containers.scala at 3.x and at 2.5). Used by job.cc.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qctl::sandbox::chronos::jackson {

/// JsonNode.asText: JSON null reads "null", containers read "".
[[nodiscard]] std::string as_text(const nlohmann::json& v);
[[nodiscard]] bool as_bool(const nlohmann::json& v);
[[nodiscard]] double as_double(const nlohmann::json& v);
[[nodiscard]] std::int64_t as_long(const nlohmann::json& v);
/// `node.has(key) && node.get(key) != null`: a JSON null still counts as present.
[[nodiscard]] const nlohmann::json* field(const nlohmann::json& node, const char* key);
/// The field, or JobFormatError (the deserializer's NullPointerException).
[[nodiscard]] const nlohmann::json& required(const nlohmann::json& node, const char* key);
[[nodiscard]] std::string text_or(const nlohmann::json& node, const char* key,
                                  const std::string& fallback);
[[nodiscard]] bool bool_or(const nlohmann::json& node, const char* key, bool fallback);
[[nodiscard]] std::vector<std::string> texts(const nlohmann::json& node, const char* key);
/// Scala's Enumeration.withName: an unknown value throws JobFormatError.
[[nodiscard]] std::string enum_value(const std::string& v, std::initializer_list<const char*> allowed);
/// [{key, value}] lists (parameters, labels, options).
[[nodiscard]] nlohmann::ordered_json key_values(const nlohmann::json& node, const char* key);

/// The job's "container" in JobSerializer's shape; nullopt = none. 3.x builds one only when
/// it has an image; 2.5 (`v2`) needs the image once the key is there and knows Docker with
/// BRIDGE or HOST only.
[[nodiscard]] std::optional<nlohmann::ordered_json> parse_container(const nlohmann::json& node,
                                                                    bool v2);

}  // namespace qctl::sandbox::chronos::jackson
