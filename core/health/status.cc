#include "core/health/status.h"

namespace qctl::health {

const char* status_name(Status s) {
  switch (s) {
    case Status::kOk:
      return "OK";
    case Status::kWarning:
      return "WARNING";
    case Status::kCritical:
      return "CRITICAL";
    case Status::kUnknown:
      break;
  }
  return "UNKNOWN";
}

int severity(Status s) {
  switch (s) {
    case Status::kOk:
      return 0;
    case Status::kWarning:
      return 1;
    case Status::kUnknown:
      return 2;
    case Status::kCritical:
      break;
  }
  return 3;
}

Status worst(Status a, Status b) { return severity(b) > severity(a) ? b : a; }

}  // namespace qctl::health
