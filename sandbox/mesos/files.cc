// Files endpoints with FilesProcess' path resolution, offset/length rules and errors.
#include "sandbox/mesos/files.h"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <variant>

#include "sandbox/mesos/json_writer.h"
#include "sandbox/mesos/libprocess.h"

namespace qctl::sandbox::mesos {

namespace {

namespace fs = std::filesystem;

// Result<string>: a path, None (404) or an error message (400).
struct Resolved {
  std::optional<std::string> path;
  std::string error;
};

std::optional<std::string> realpath_of(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) {
    return std::nullopt;
  }
  return std::string(buf);
}

bool is_dir(const std::string& path) {
  struct stat s {};
  return ::stat(path.c_str(), &s) == 0 && S_ISDIR(s.st_mode);
}

// FilesProcess::resolve: the longest attached prefix, then the suffix inside it, which
// must stay inside once canonicalised.
Resolved resolve(const std::string& requested, const std::map<std::string, std::string>& paths) {
  std::string path = requested;
  while (path.size() > 1 && path.back() == '/') {
    path.pop_back();
  }
  std::string prefix = path;
  std::string suffix;
  while (!prefix.empty()) {
    auto it = paths.find(prefix);
    if (it == paths.end()) {
      std::size_t slash = prefix.rfind('/');
      std::string last = slash == std::string::npos ? prefix : prefix.substr(slash + 1);
      suffix = suffix.empty() ? last : last + "/" + suffix;
      prefix = slash == std::string::npos ? std::string() : prefix.substr(0, slash);
      continue;
    }
    const std::string& target = it->second;
    if (!is_dir(target)) {
      return suffix.empty() ? Resolved{target, ""} : Resolved{};
    }
    std::string joined = suffix.empty() ? target : target + "/" + suffix;
    auto real = realpath_of(joined);
    if (!real) {
      return Resolved{};
    }
    if (real->compare(0, target.size(), target) != 0) {
      return Resolved{std::nullopt, "'" + joined + "' is inaccessible"};
    }
    return Resolved{real, ""};
  }
  return Resolved{};
}

std::string mode_string(mode_t mode) {
  char type = '-';
  if (S_ISDIR(mode)) {
    type = 'd';
  } else if (S_ISCHR(mode)) {
    type = 'c';
  } else if (S_ISBLK(mode)) {
    type = 'b';
  } else if (S_ISFIFO(mode)) {
    type = 'p';
  } else if (S_ISLNK(mode)) {
    type = 'l';
  } else if (S_ISSOCK(mode)) {
    type = 's';
  }
  std::string out(1, type);
  const char* rwx = "rwxrwxrwx";
  for (int i = 0; i < 9; ++i) {
    out += (mode & (1U << (8 - i))) != 0 ? rwx[i] : '-';
  }
  return out;
}

std::string user_name(uid_t uid) {
  struct passwd* pw = ::getpwuid(uid);
  return pw != nullptr ? pw->pw_name : std::to_string(uid);
}

std::string group_name(gid_t gid) {
  struct group* gr = ::getgrgid(gid);
  return gr != nullptr ? gr->gr_name : std::to_string(gid);
}

// model(FileInfo) is a JSON::Object: keys sorted.
void write_file_info(JsonWriter& w, const std::string& path, const struct stat& s) {
  w.begin_object();
  w.field("gid", group_name(s.st_gid));
  w.field("mode", mode_string(s.st_mode));
  w.field("mtime", static_cast<double>(s.st_mtim.tv_sec) +
                       static_cast<double>(s.st_mtim.tv_nsec) / 1e9);
  w.field_int("nlink", static_cast<std::int64_t>(s.st_nlink));
  w.field("path", path);
  w.field_int("size", static_cast<std::int64_t>(s.st_size));
  w.field("uid", user_name(s.st_uid));
  w.end_object();
}

// numify<long>: the whole text must be a number.
std::optional<long> parse_long(const std::string& s) {
  long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

http::Response resolve_error(const Resolved& r) {
  return r.error.empty() ? plain(404, "") : plain(400, r.error + ".\n");
}

struct ReadRange {
  long offset = -1;
  std::optional<std::size_t> length;
};

// FilesProcess::__read's parameter rules; a 400 response when they are broken.
std::variant<ReadRange, http::Response> read_range(const http::Request& request) {
  ReadRange range;
  if (auto it = request.params.find("offset"); it != request.params.end()) {
    auto v = parse_long(it->second);
    if (!v) {
      return plain(400, "Failed to parse offset: Failed to convert '" + it->second +
                            "' to number.\n");
    }
    if (*v < -1) {
      return plain(400, "Negative offset provided: " + std::to_string(*v) + ".\n");
    }
    range.offset = *v;
  }
  if (auto it = request.params.find("length"); it != request.params.end()) {
    auto v = parse_long(it->second);
    if (!v) {
      return plain(400, "Failed to parse length: Failed to convert '" + it->second +
                            "' to number.\n");
    }
    if (*v < -1) {
      return plain(400, "Negative length provided: " + std::to_string(*v) + ".\n");
    }
    if (*v > -1) {
      range.length = static_cast<std::size_t>(*v);
    }
  }
  return range;
}

}  // namespace

std::map<std::string, std::string> attached_paths(const World& world, const SimAgent& agent) {
  std::map<std::string, std::string> out;
  auto attach = [&](const SimTask& t) {
    if (t.sandbox_dir.empty()) {
      return;
    }
    std::string dir = realpath_of(t.sandbox_dir).value_or(t.sandbox_dir);
    std::string executor = "frameworks/" + t.spec.framework_id + "/executors/" + t.executor_id;
    out[t.sandbox_dir] = dir;
    out["/" + executor + "/runs/latest"] = dir;
    out[agent.work_dir + "/slaves/" + agent.info.id + "/" + executor + "/runs/latest"] = dir;
  };
  for (const auto& [fw, done] : world.completed_tasks()) {
    for (const auto& t : done) {
      if (t->agent_id == agent.info.id) {
        attach(*t);
      }
    }
  }
  for (const std::string& id : world.tasks_on(agent.info.id)) {
    if (auto it = world.active_tasks().find(id); it != world.active_tasks().end()) {
      attach(*it->second);  // live runs last: they are the "latest"
    }
  }
  return out;
}

http::Response files_browse(const http::Request& request,
                            const std::map<std::string, std::string>& attached) {
  std::string path = request.param("path");
  if (path.empty()) {
    return plain(400, "Expecting 'path=value' in query.\n");
  }
  Resolved r = resolve(path, attached);
  if (!r.path) {
    return resolve_error(r);
  }
  std::map<std::string, std::pair<std::string, struct stat>> entries;  // sorted on real path
  std::error_code ec;
  if (is_dir(*r.path)) {
    for (const auto& e : fs::directory_iterator(*r.path, ec)) {
      struct stat s {};
      std::string full = e.path().string();
      if (::stat(full.c_str(), &s) == 0) {
        std::string name = e.path().filename().string();
        std::string shown = path.back() == '/' ? path + name : path + "/" + name;
        entries[full] = {shown, s};
      }
    }
  }
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const auto& [full, entry] : entries) {
    write_file_info(w, entry.first, entry.second);
  }
  w.end_array();
  return ok_json(request, std::move(out));
}

http::Response files_read(const http::Request& request,
                          const std::map<std::string, std::string>& attached) {
  std::string path = request.param("path");
  if (path.empty()) {
    return plain(400, "Expecting 'path=value' in query.\n");
  }
  auto parsed = read_range(request);
  if (auto* bad = std::get_if<http::Response>(&parsed)) {
    return *bad;
  }
  ReadRange range = std::get<ReadRange>(parsed);
  // offset=-1 is the pailer's size probe: read(0, length 0) and report the size.
  std::size_t offset = range.offset == -1 ? 0 : static_cast<std::size_t>(range.offset);
  if (range.offset == -1) {
    range.length = 0;
  }
  Resolved r = resolve(path, attached);
  if (!r.path) {
    return resolve_error(r);
  }
  if (is_dir(*r.path)) {
    return plain(400, "Cannot read a directory.\n");
  }
  std::ifstream in(*r.path, std::ios::binary);
  if (!in) {
    return plain(500, "Failed to open file at '" + *r.path + "'.\n");
  }
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::size_t>(in.tellg());
  std::string data;
  if (offset < size && range.length.value_or(1) != 0) {
    std::size_t cap = static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) * 16;  // 16 pages
    std::size_t want = std::min(range.length.value_or(size - offset), cap);
    data.resize(want);
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(data.data(), static_cast<std::streamsize>(want));
    data.resize(static_cast<std::size_t>(in.gcount()));
  }
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("data", data);
  w.field_int("offset", range.offset == -1 ? static_cast<std::int64_t>(size) : range.offset);
  w.end_object();
  return ok_json(request, std::move(out));
}

http::Response files_download(const http::Request& request,
                              const std::map<std::string, std::string>& attached) {
  std::string path = request.param("path");
  if (path.empty()) {
    return plain(400, "Expecting 'path=value' in query.\n");
  }
  Resolved r = resolve(path, attached);
  if (!r.path) {
    return r.error.empty() ? plain(404, "404 Not Found.") : plain(400, r.error + ".\n");
  }
  if (is_dir(*r.path)) {
    return plain(400, "Cannot download a directory.\n");
  }
  std::ifstream in(*r.path, std::ios::binary);
  http::Response response;
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  // libprocess' mime table for the common extensions, else octet-stream.
  static const std::map<std::string, std::string> kTypes = {
      {".txt", "text/plain"}, {".json", "application/json"}, {".html", "text/html"},
      {".js", "application/javascript"}, {".css", "text/css"}, {".gz", "application/x-gzip"},
      {".tar", "application/x-tar"}, {".png", "image/png"}, {".jpg", "image/jpeg"}};
  fs::path real(*r.path);
  auto type = kTypes.find(real.extension().string());
  response.content_type = type == kTypes.end() ? "application/octet-stream" : type->second;
  response.with_header("Content-Disposition", "attachment; filename=" + real.filename().string());
  return response;
}

}  // namespace qctl::sandbox::mesos
