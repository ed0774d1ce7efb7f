#include "tests/support/sandbox_process.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "tests/support/paths.h"

namespace qctl::testing {

namespace {

std::string read_available(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

size_t collect(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

size_t collect_header(char* data, size_t size, size_t n, void* user) {
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) {
      value.pop_back();
    }
    (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
  }
  return size * n;
}

}  // namespace

SandboxProcess::SandboxProcess(const std::vector<std::string>& args, std::chrono::seconds ready) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    error_ = "pipe failed";
    return;
  }
  std::vector<std::string> argv = {kQctlBinary, "sandbox", "--port-base", "0", "--print-endpoints"};
  if (std::find(args.begin(), args.end(), "--write-context") == args.end()) {
    argv.push_back("--no-write-context");
  }
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> cargs;
    for (auto& a : argv) {
      cargs.push_back(a.data());
    }
    cargs.push_back(nullptr);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
  fcntl(err_fd_, F_SETFL, O_NONBLOCK);
  std::string line;
  const auto until = std::chrono::steady_clock::now() + ready;
  while (std::chrono::steady_clock::now() < until && line.find('\n') == std::string::npos) {
    pollfd p{out_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) > 0) {
      char buf[4096];
      ssize_t n = ::read(out_fd_, buf, sizeof buf);
      if (n <= 0) {
        break;  // exited
      }
      line.append(buf, static_cast<std::size_t>(n));
    }
  }
  auto nl = line.find('\n');
  if (nl != std::string::npos) {
    endpoints_ = nlohmann::json::parse(line.substr(0, nl), nullptr, false);
    if (endpoints_.is_discarded()) {
      endpoints_ = nullptr;
    }
  }
  if (endpoints_.is_null()) {
    error_ = "sandbox did not start: " + line + read_available(err_fd_);
  }
}

SandboxProcess::~SandboxProcess() {
  if (pid_ > 0) {
    stop(SIGKILL);
  }
}

int SandboxProcess::stop(int signal, std::string* err) {
  if (pid_ <= 0) {
    return -1;
  }
  ::kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (err != nullptr) {
    fcntl(err_fd_, F_SETFL, 0);
    *err = read_available(err_fd_);
  }
  close(out_fd_);
  close(err_fd_);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string SandboxProcess::mesos() const { return endpoints_["mesos"][0].get<std::string>(); }
std::string SandboxProcess::marathon() const { return endpoints_["marathon"].get<std::string>(); }
std::string SandboxProcess::chronos() const { return endpoints_["chronos"].get<std::string>(); }

std::map<std::string, std::string> SandboxProcess::env() const {
  std::string masters;
  for (const auto& m : endpoints_["mesos"]) {
    masters += (masters.empty() ? "" : ",") + m.get<std::string>();
  }
  return {{"QCTL_MESOS", masters},
          {"QCTL_MARATHON", marathon()},
          {"QCTL_CHRONOS", chronos()},
          {"QCTL_CONFIG", "/nonexistent/qctl-config"},
          {"NO_COLOR", "1"}};
}

HttpReply http_call(const std::string& method, const std::string& url, const std::string& body,
                    const std::map<std::string, std::string>& headers, const std::string& ca_file) {
  HttpReply reply;
  CURL* curl = curl_easy_init();
  curl_slist* list = nullptr;
  for (const auto& [k, v] : headers) {
    list = curl_slist_append(list, (k + ": " + v).c_str());
  }
  if (!body.empty()) {
    list = curl_slist_append(list, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  if (!ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
  }
  if (curl_easy_perform(curl) == CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    reply.status = static_cast<int>(code);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return reply;
}

}  // namespace qctl::testing
