// Base64 (RFC 4648) encoding for HTTP basic auth.
#pragma once

#include <string>
#include <string_view>

namespace qctl::util {

[[nodiscard]] std::string base64_encode(std::string_view in);

}  // namespace qctl::util
