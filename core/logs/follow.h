// The follow loop of `qctl logs -f`: polls every file's end through /files/read on an
// injectable clock, adds and drops files as the target's tasks come and go.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/logs/files.h"
#include "core/logs/writer.h"

namespace qctl::logs {

/// One file of one task being read.
struct Source {
  std::string key;    // unique: "<task id>/<file>"
  std::string label;  // output prefix; "" = raw
  std::string task_id;
  FileRef file;
  std::int64_t offset = 0;  // next byte to read
};

/// What the target side says at each refresh.
struct SourceUpdate {
  /// Every file that should be followed now. New keys are added (from their offset); keys
  /// left out are read to their current end and then dropped; labels of kept keys follow.
  std::vector<Source> sources;
  std::vector<std::string> notices;  // one line each: "task … ended (TASK_FAILED); following …"
  bool done = false;                 // nothing more will come: stop once drained
};

/// Called every FollowOptions::refresh with the files currently followed.
using Refresh = std::function<SourceUpdate(const std::vector<Source>& current)>;

struct FollowOptions {
  std::chrono::milliseconds poll{250};      // how often each file's end is read
  std::chrono::milliseconds refresh{2000};  // how often the target's tasks are looked up
  int reads_per_poll = 16;                  // per file, so one busy file cannot starve others
  std::function<bool()> cancelled;          // polled every poll
};

/// How following ended.
struct FollowResult {
  std::vector<std::string> lost;  // task ids dropped because their agent stopped answering
  bool output_closed = false;     // stdout went away
};

class Follower {
 public:
  Follower(FileReader& reader, Clock& clock, LogWriter& out, FollowOptions options)
      : reader_(reader), clock_(clock), out_(out), options_(std::move(options)) {}

  /// Follows `initial` until cancelled, the output closes, or a refresh says done and
  /// everything is drained. An agent that stops answering (NetworkError) or a file that
  /// disappears (404) is reported through `on_notice` and dropped; the others go on.
  FollowResult run(std::vector<Source> initial, const Refresh& refresh,
                   const std::function<void(const std::string&)>& on_notice);

 private:
  enum class Drain { kOk, kLost, kGone };
  Drain drain(Source& source, const std::function<void(const std::string&)>& on_notice);
  void apply(SourceUpdate update, const std::function<void(const std::string&)>& on_notice);

  FileReader& reader_;
  Clock& clock_;
  LogWriter& out_;
  FollowOptions options_;
  std::vector<Source> sources_;
  std::vector<std::string> dropped_;  // keys never to take back (lost agent, file gone)
  FollowResult result_;
};

}  // namespace qctl::logs
