#include "core/logs/session.h"

#include <algorithm>

#include "core/error.h"
#include "core/logs/sources.h"
#include "core/logs/tail.h"

namespace qctl::logs {

std::int64_t copy_to_end(FileReader& reader, Source& source, LogWriter& out) {
  std::int64_t copied = 0;
  for (;;) {
    auto chunk = reader.read(source.file, source.offset, kReadChunk);
    if (chunk.data.empty()) {
      return copied;
    }
    out.write(source.key, source.label, chunk.data);
    const auto n = static_cast<std::int64_t>(chunk.data.size());
    source.offset += n;
    copied += n;
    if (!out.ok()) {
      return copied;
    }
  }
}

namespace {

[[noreturn]] void throw_missing(FileReader& reader, const Source& source) {
  const std::string& path = source.file.path;
  const std::string name = source.key.substr(source.task_id.size() + 1);
  // The file's directory; when that is missing too, the nearest directory of the name that
  // exists ("no directory a/b in a; files there: …"), up to the sandbox itself.
  const bool rooted = path.size() > name.size() &&
                      path.compare(path.size() - name.size(), name.size(), name) == 0;
  const std::string root = rooted ? path.substr(0, path.size() - name.size() - 1) : "";
  std::string rel = name;  // the part of the name being tried, relative to the sandbox
  std::string hint = "the sandbox itself is gone (garbage-collected by the agent?)";
  for (bool first = true;; first = false) {
    const auto slash = rel.rfind('/');
    rel = slash == std::string::npos ? "" : rel.substr(0, slash);
    const std::string dir = rooted ? (rel.empty() ? root : root + "/" + rel)
                                   : path.substr(0, path.rfind('/'));
    try {
      const auto files = list_directory(reader, {source.file.agent_address, dir});
      const std::string missing = name.substr(0, name.rfind('/'));
      hint = first ? "files there: " + files
                   : "no directory " + missing + (rel.empty() ? " in the sandbox" : " in " + rel) +
                         "; files in " + (rel.empty() ? "the sandbox" : rel) + ": " + files;
      break;
    } catch (const Error&) {
      if (!rooted || rel.empty()) {
        break;
      }
    }
  }
  throw NotFoundError(name, "no such file in the sandbox of task " + source.task_id, hint);
}

// Prints the part of one file the options ask for; leaves source.offset after it.
void read_one(FileReader& reader, Source& source, const ReadOptions& options, LogWriter& out,
              const std::function<void(const std::string&)>& on_notice) {
  if (options.since) {
    const auto mtime = file_mtime(reader, source.file);
    if (mtime && *mtime < *options.since) {
      source.offset = options.follow ? reader.size(source.file) : -1;
      return;
    }
  }
  if (options.tail >= 0) {
    const auto tail = read_tail(reader, source.file, options.tail, default_tail_scan(options.tail));
    out.write(source.key, source.label, tail.data);
    source.offset = tail.end;
    if (tail.clipped) {
      on_notice(source.key + ": fewer than " + std::to_string(options.tail) + " lines in its last " +
                std::to_string(default_tail_scan(options.tail) / 1024) + " KiB; showing those");
    }
    return;
  }
  copy_to_end(reader, source, out);
}

}  // namespace

ReadReport read_initial(FileReader& reader, std::vector<Source> sources,
                        const ReadOptions& options, LogWriter& out,
                        const std::function<void(const std::string&)>& on_notice) {
  ReadReport report;
  std::vector<std::string> dead_agents;  // asked once: its other files are skipped at once
  for (Source& s : sources) {
    if (std::find(dead_agents.begin(), dead_agents.end(), s.file.agent_address) !=
        dead_agents.end()) {
      continue;
    }
    try {
      read_one(reader, s, options, out, on_notice);
    } catch (const NotFoundError&) {
      throw_missing(reader, s);
    } catch (const NetworkError& e) {
      on_notice("agent " + s.file.agent_address + " is not answering (" + e.what() +
                "); skipped task " + s.task_id);
      report.failed.push_back(s.task_id);
      dead_agents.push_back(s.file.agent_address);
      continue;
    }
    if (!options.follow) {
      out.finish(s.key, s.label);
    }
    if (s.offset >= 0) {
      report.sources.push_back(s);
    }
    if (!out.ok()) {
      break;
    }
  }
  out.flush();
  return report;
}

}  // namespace qctl::logs
