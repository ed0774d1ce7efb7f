// qctl_bench unique-serve: synthetic Mesos + Marathon for the `qctl unique sync` benchmark.
#pragma once

namespace qctl::bench {

/// `unique-serve [--port P] [--agents N] [--apps M]`: serves until killed; prints its URL.
int unique_serve(int argc, char** argv);

}  // namespace qctl::bench
