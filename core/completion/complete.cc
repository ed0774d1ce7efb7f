#include "core/completion/complete.h"

#include <algorithm>
#include <ostream>
#include <set>

namespace qctl::completion {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool has_name(const FlagSpec& flag, const std::string& name) {
  return std::find(flag.names.begin(), flag.names.end(), name) != flag.names.end();
}

// The flag spelled `name` on `cmd`, else among the root's (global) flags.
const FlagSpec* find_flag(const CommandSpec& cmd, const CommandSpec& root,
                          const std::string& name) {
  for (const auto* owner : {&cmd, &root}) {
    for (const auto& flag : owner->flags) {
      if (has_name(flag, name)) {
        return &flag;
      }
    }
  }
  return nullptr;
}

const CommandSpec* find_subcommand(const CommandSpec& cmd, const std::string& word) {
  for (const auto& sub : cmd.subcommands) {
    if (sub.name == word ||
        std::find(sub.aliases.begin(), sub.aliases.end(), word) != sub.aliases.end()) {
      return &sub;
    }
  }
  return nullptr;
}

std::vector<Candidate> plain(const std::vector<std::string>& values) {
  std::vector<Candidate> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    out.push_back({v, ""});
  }
  return out;
}

// What the words before the cursor establish: the command, the positionals given, a flag
// still waiting for its value, and the --context/--config chosen.
struct LineState {
  const CommandSpec* command = nullptr;
  const FlagSpec* pending = nullptr;
  int positionals = 0;
  bool only_positionals = false;  // after "--"
  std::string context;
  std::string config_path;

  void record(const FlagSpec& flag, const std::string& value) {
    if (has_name(flag, "--context")) {
      context = value;
    } else if (has_name(flag, "--config")) {
      config_path = value;
    }
  }
};

void read_flag(LineState& s, const CommandSpec& root, const std::string& word) {
  const bool is_long = starts_with(word, "--");
  const auto eq = word.find('=');
  const auto name = is_long ? word.substr(0, eq) : word.substr(0, 2);
  const auto* flag = find_flag(*s.command, root, name);
  if (flag == nullptr || !flag->takes_value) {
    return;
  }
  if (is_long && eq != std::string::npos) {
    s.record(*flag, word.substr(eq + 1));
  } else if (!is_long && word.size() > 2) {
    s.record(*flag, word.substr(2));  // "-ojson"
  } else {
    s.pending = flag;
  }
}

LineState read_line(const CommandSpec& root, const std::vector<std::string>& words) {
  LineState s;
  s.command = &root;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const auto& w = words[i];
    if (s.pending != nullptr) {
      s.record(*s.pending, w);
      s.pending = nullptr;
    } else if (!s.only_positionals && w == "--") {
      s.only_positionals = true;
    } else if (!s.only_positionals && w.size() > 1 && w[0] == '-') {
      read_flag(s, root, w);
    } else if (const auto* sub = s.positionals == 0 && !s.only_positionals
                                     ? find_subcommand(*s.command, w)
                                     : nullptr) {
      s.command = sub;
    } else {
      ++s.positionals;
    }
  }
  return s;
}

void offer_values(Completion& c, const FlagSpec& flag, const std::string& word,
                  const std::string& insert_prefix) {
  c.candidates = match(plain(flag.values), word, insert_prefix);
  if (flag.values.empty()) {
    c.kind = flag.kind;
    c.word = word;
    c.insert_prefix = insert_prefix;
  }
}

std::vector<Candidate> flag_candidates(const CommandSpec& cmd, const CommandSpec& root,
                                       const std::string& word) {
  std::vector<Candidate> all;
  for (const auto* owner : {&cmd, &root}) {
    for (const auto& flag : owner->flags) {
      for (const auto& name : flag.names) {
        all.push_back({name, flag.description});
      }
    }
  }
  return match(all, word);
}

}  // namespace

const char* kind_name(NameKind kind) {
  switch (kind) {
    case NameKind::kContexts:
      return "contexts";
    case NameKind::kAgents:
      return "agents";
    case NameKind::kFrameworks:
      return "frameworks";
    case NameKind::kApps:
      return "apps";
    case NameKind::kTasks:
      return "tasks";
    case NameKind::kJobs:
      return "jobs";
    case NameKind::kMarathonTasks:
      return "marathon-tasks";
    case NameKind::kNone:
    case NameKind::kFiles:
      break;
  }
  return "";
}

Completion complete(const CommandSpec& root, const std::vector<std::string>& words) {
  const auto s = read_line(root, words);
  const std::string word = words.empty() ? std::string() : words.back();
  Completion c;
  c.context = s.context;
  c.config_path = s.config_path;
  const auto& cmd = *s.command;
  if (s.pending != nullptr) {
    offer_values(c, *s.pending, word, "");
  } else if (!s.only_positionals && starts_with(word, "--") &&
             word.find('=') != std::string::npos) {
    const auto eq = word.find('=');
    if (const auto* flag = find_flag(cmd, root, word.substr(0, eq));
        flag != nullptr && flag->takes_value) {
      offer_values(c, *flag, word.substr(eq + 1), word.substr(0, eq + 1));
    }
  } else if (!s.only_positionals && starts_with(word, "-")) {
    c.candidates = flag_candidates(cmd, root, word);
  } else {
    std::vector<Candidate> all;
    if (s.positionals == 0 && !s.only_positionals) {
      for (const auto& sub : cmd.subcommands) {
        all.push_back({sub.name, sub.description});
      }
    }
    if (s.positionals < cmd.positionals) {
      const auto values = plain(cmd.positional_values);
      all.insert(all.end(), values.begin(), values.end());
      // Live names fill the first positional argument only: `logs TARGET FILE` offers apps
      // for TARGET, not for FILE; `job delete NAME...` offers jobs for every word.
      c.kind = cmd.positional_values.empty() && s.positionals < cmd.kind_positionals
                   ? cmd.positional_kind
                   : NameKind::kNone;
      c.word = word;
    }
    c.candidates = match(all, word);
  }
  return c;
}

std::vector<Candidate> match(const std::vector<Candidate>& names, const std::string& word,
                             const std::string& insert_prefix) {
  std::vector<Candidate> out;
  std::set<std::string> seen;
  for (const auto& n : names) {
    if (starts_with(n.value, word) && seen.insert(n.value).second) {
      out.push_back({insert_prefix + n.value, n.description});
    }
  }
  return out;
}

void print(std::ostream& out, const std::vector<Candidate>& candidates, bool files) {
  // A tab or newline inside a value or description would break the line protocol.
  const auto clean = [](std::string text) {
    std::replace_if(
        text.begin(), text.end(), [](char ch) { return ch == '\t' || ch == '\n'; }, ' ');
    return text;
  };
  if (files) {
    out << ":files\n";
  }
  for (const auto& c : candidates) {
    out << clean(c.value);
    if (!c.description.empty()) {
      out << '\t' << clean(c.description);
    }
    out << '\n';
  }
}

}  // namespace qctl::completion
