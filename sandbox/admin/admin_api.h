// The sandbox admin API under /__sandbox/ (a prefix no real server uses): change the
// cluster and inject faults while qctl talks to it. Documented in docs/sandbox.md.
#pragma once

#include "sandbox/http/router.h"

namespace qctl::sandbox {
class Sandbox;
}

namespace qctl::sandbox::admin {

inline constexpr const char* kPrefix = "/__sandbox/";

/// Adds the admin routes to a server's router (they bypass auth and faults).
void mount_admin(http::Router& router, Sandbox& sandbox);

}  // namespace qctl::sandbox::admin
