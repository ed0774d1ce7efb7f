// Request-rate measurement against one HTTP endpoint.
#pragma once

#include <string>

namespace bench {

/// GETs `url` from `threads` keep-alive connections for `seconds`; prints the rate and
/// latency percentiles; returns 1 when any request failed.
int hammer(const std::string& url, double seconds, int threads);

}  // namespace bench
