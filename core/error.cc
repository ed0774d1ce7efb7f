#include "core/error.h"

namespace qctl {

std::string Error::line() const {
  if (subject_.empty()) {
    return what();
  }
  return subject_ + ": " + what();
}

}  // namespace qctl
