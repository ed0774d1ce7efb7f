// Shell completion: which words fit the command line typed so far, from a plain command tree.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace qctl::completion {

/// Where the values of a flag or positional argument come from when they are not a fixed set.
enum class NameKind {
  kNone, kFiles, kContexts, kAgents, kFrameworks, kApps, kTasks, kJobs,
  kMarathonTasks,  // Marathon's live tasks (restart task takes no other)
};

/// "agents", "apps", …: the cache key of a kind ("" for kNone and kFiles).
[[nodiscard]] const char* kind_name(NameKind kind);

struct Candidate {
  std::string value;
  std::string description;  // shown by zsh and fish; bash drops it
  bool operator==(const Candidate&) const = default;
};

/// One flag of a command, with every spelling ("--output", "-o").
struct FlagSpec {
  std::vector<std::string> names;
  std::string description;
  bool takes_value = false;
  std::vector<std::string> values;  // a fixed set of values, when known
  NameKind kind = NameKind::kNone;  // live values, when values is empty
};

/// A command as completion sees it: built from the CLI11 tree in cmd/completion.
struct CommandSpec {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<FlagSpec> flags;
  std::vector<CommandSpec> subcommands;        // hidden commands are left out by the builder
  int positionals = 0;                         // how many positional arguments it takes
  std::vector<std::string> positional_values;  // fixed set for its positionals
  NameKind positional_kind = NameKind::kNone;  // live names for its first positional argument
  int kind_positionals = 1;  // how many words that first argument takes (NAME... : many)
};

/// What to offer for the word under the cursor.
struct Completion {
  std::vector<Candidate> candidates;  // fixed candidates, already matched against the word
  NameKind kind = NameKind::kNone;    // live names to add (the caller looks them up)
  std::string word;                   // the part of the word live names must start with
  std::string insert_prefix;          // "--flag=" to put in front of each live name
  std::string context;                // the --context given on the line, "" when none
  std::string config_path;            // the --config given on the line, "" when none
};

/// Completes `words`: the words after "qctl", the last being the (possibly empty) word under
/// the cursor. The root's flags are global: they are offered at every level. Pure.
[[nodiscard]] Completion complete(const CommandSpec& root, const std::vector<std::string>& words);

/// `names` that start with `word`, each prefixed with `insert_prefix`; duplicates dropped.
[[nodiscard]] std::vector<Candidate> match(const std::vector<Candidate>& names,
                                           const std::string& word,
                                           const std::string& insert_prefix = "");

/// The output protocol of `qctl __complete`: one "value\tdescription" (or "value") per line;
/// a first line ":files" asks the shell to complete file names instead.
void print(std::ostream& out, const std::vector<Candidate>& candidates, bool files);

}  // namespace qctl::completion
