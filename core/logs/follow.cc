#include "core/logs/follow.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::logs {

namespace {

double seconds(std::chrono::milliseconds d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

Follower::Drain Follower::drain(Source& source,
                                const std::function<void(const std::string&)>& on_notice) {
  for (int i = 0; i < options_.reads_per_poll; ++i) {
    model::FileChunk chunk;
    try {
      chunk = reader_.read(source.file, source.offset, kReadChunk);
    } catch (const NetworkError& e) {
      on_notice("agent " + source.file.agent_address + " is not answering (" + e.what() + ")");
      return Drain::kLost;
    } catch (const NotFoundError&) {
      on_notice(source.file.path + " is gone from agent " + source.file.agent_address +
                "; stopped following task " + source.task_id);
      return Drain::kGone;
    }
    if (chunk.data.empty()) {
      break;
    }
    out_.write(source.key, source.label, chunk.data);
    source.offset += static_cast<std::int64_t>(chunk.data.size());
    if (static_cast<std::int64_t>(chunk.data.size()) < kReadChunk) {
      break;  // a short read is the end of the file (the agent's cap is at least 64 KiB)
    }
  }
  return Drain::kOk;
}

void Follower::apply(SourceUpdate update,
                     const std::function<void(const std::string&)>& on_notice) {
  std::set<std::string> wanted;
  for (const Source& s : update.sources) {
    wanted.insert(s.key);
  }
  for (auto it = sources_.begin(); it != sources_.end();) {
    if (wanted.count(it->key) > 0) {
      ++it;
      continue;
    }
    drain(*it, on_notice);  // the task ended: whatever it wrote last still shows
    out_.finish(it->key, it->label);
    it = sources_.erase(it);
  }
  for (Source& s : update.sources) {
    if (std::find(dropped_.begin(), dropped_.end(), s.key) != dropped_.end()) {
      continue;
    }
    auto it = std::find_if(sources_.begin(), sources_.end(),
                           [&](const Source& have) { return have.key == s.key; });
    if (it != sources_.end()) {
      it->label = s.label;
    } else {
      sources_.push_back(std::move(s));
    }
  }
  for (const std::string& n : update.notices) {
    on_notice(n);
  }
}

FollowResult Follower::run(std::vector<Source> initial, const Refresh& refresh,
                           const std::function<void(const std::string&)>& on_notice) {
  sources_ = std::move(initial);
  double next_refresh = clock_.now() + seconds(options_.refresh);
  bool done = false;
  while (!(options_.cancelled && options_.cancelled())) {
    for (std::size_t i = 0; i < sources_.size();) {
      const Drain d = drain(sources_[i], on_notice);
      if (d == Drain::kOk) {
        ++i;
        continue;
      }
      // One agent gone: every file on it goes, with one line naming the tasks.
      const std::string agent = sources_[i].file.agent_address;
      const std::string key = sources_[i].key;
      std::vector<std::string> tasks;
      for (auto it = sources_.begin(); it != sources_.end();) {
        if (d == Drain::kLost ? it->file.agent_address != agent : it->key != key) {
          ++it;
          continue;
        }
        if (d == Drain::kLost && std::find(tasks.begin(), tasks.end(), it->task_id) == tasks.end()) {
          tasks.push_back(it->task_id);
          result_.lost.push_back(it->task_id);
        }
        out_.finish(it->key, it->label);
        dropped_.push_back(it->key);
        it = sources_.erase(it);
      }
      if (!tasks.empty()) {
        on_notice("stopped following task " + util::join(tasks, ", ") + " on agent " + agent);
      }
    }
    out_.flush();
    if (!out_.ok()) {
      result_.output_closed = true;
      break;
    }
    if (done) {
      break;
    }
    if (refresh && clock_.now() >= next_refresh) {
      SourceUpdate update = refresh(sources_);
      next_refresh = clock_.now() + seconds(options_.refresh);
      done = update.done;
      apply(std::move(update), on_notice);
      continue;  // new files are read at once
    }
    clock_.sleep_for(options_.poll);
  }
  for (const Source& s : sources_) {
    out_.finish(s.key, s.label);
  }
  out_.flush();
  return result_;
}

}  // namespace qctl::logs
