// qctl entry point: binds the real streams and environment, nothing else.
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <sys/ioctl.h>

#include "cmd/app.h"

namespace {

int terminal_width() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A closed pipe (qctl … | head) must end quietly with the usual status, not SIGPIPE noise.
  std::signal(SIGPIPE, SIG_IGN);
  qctl::cmd::Streams io{std::cin, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                        isatty(STDIN_FILENO) == 1, terminal_width()};
  io.err_is_tty = isatty(STDERR_FILENO) == 1;
  qctl::cmd::RunOptions options;
  options.env = qctl::config::process_env();
  const int code = qctl::cmd::run_cli(argc, argv, io, options);
  std::cout.flush();
  return code;
}
