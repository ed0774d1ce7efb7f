// Builds the command tree, parses argv, runs the chosen command, maps errors to exit codes.
#pragma once

#include "cmd/context.h"

namespace qctl::cmd {

struct RunOptions {
  config::Getenv env;                            // process_env() in main
  Clock* clock = nullptr;                        // SystemClock when null
  http::Transport* transport = nullptr;          // CurlTransport per context when null
};

/// The whole CLI: returns the process exit code. Errors are printed here and nowhere else.
int run_cli(int argc, const char* const* argv, Streams& io, const RunOptions& options);

}  // namespace qctl::cmd
