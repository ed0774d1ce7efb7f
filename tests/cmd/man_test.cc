// The committed man pages against the command definitions: regenerated, they must match byte
// for byte, name every flag --help shows, and state the README's exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/app.h"
#include "core/man/reference.h"
#include "tests/core/config/config_test_util.h"
#include "tests/support/cli.h"
#include "tests/support/paths.h"

namespace qctl::cmd {
namespace {

namespace fs = std::filesystem;
using qctl::testing::read_file;
using qctl::testing::TempDir;

const fs::path kSourceDir = fs::path(testing::kSourceDir);

using Outcome = qctl::testing::CliOutcome;

Outcome qctl(const std::vector<std::string>& args) {
  return qctl::testing::run_cli_in_process(args, {{"HOME", "/nonexistent"}});
}

std::map<std::string, std::string> pages_in(const fs::path& dir) {
  std::map<std::string, std::string> pages;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".1") {
      pages[entry.path().filename().string()] = read_file(entry.path().string());
    }
  }
  return pages;
}

// The first lines of each section of a --help text: "Options:" -> its lines.
std::map<std::string, std::vector<std::string>> help_sections(const std::string& help) {
  std::map<std::string, std::vector<std::string>> sections;
  std::istringstream in(help);
  std::string current;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == ':' && line.front() != ' ') {
      current = line.substr(0, line.size() - 1);
    } else if (line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      sections[current].push_back(line.substr(2));
    }
  }
  return sections;
}

struct HelpFacts {
  std::set<std::string> flags;           // "--selector"
  std::vector<std::string> subcommands;  // "agents"
};

// What `qctl <path> --help` lists: its long flags (not --help) and its subcommands.
HelpFacts help_of(const std::vector<std::string>& path) {
  auto args = path;
  args.emplace_back("--help");
  const auto help = qctl(args);
  EXPECT_EQ(help.code, 0) << help.err;
  auto sections = help_sections(help.out);
  HelpFacts facts;
  for (const auto& line : sections["Options"]) {
    std::istringstream names(line.substr(0, line.find(' ')));
    for (std::string name; std::getline(names, name, ',');) {
      if (name.rfind("--", 0) == 0 && name != "--help") {
        facts.flags.insert(name);
      }
    }
  }
  for (const auto& line : sections["Subcommands"]) {
    facts.subcommands.push_back(line.substr(0, line.find_first_of(", ")));
  }
  return facts;
}

// "line 12: man/ has '…', the commands give '…'" for the first line that differs.
std::string first_difference(const std::string& committed, const std::string& generated) {
  std::istringstream a(committed);
  std::istringstream b(generated);
  std::string la;
  std::string lb;
  for (int n = 1;; ++n) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) {
      return "same lines, different line ends";
    }
    if (!more_a || !more_b || la != lb) {
      return "line " + std::to_string(n) + ": man/ has '" + (more_a ? la : "<end>") +
             "', the commands give '" + (more_b ? lb : "<end>") + "'";
    }
  }
}

std::string roff_escaped(const std::string& flag) {
  std::string out;
  for (const char c : flag) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

TEST(ManPages, CommittedPagesMatchTheCommandDefinitions) {
  TempDir dir;
  const auto r = qctl({"__man", dir.path()});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto generated = pages_in(dir.path());
  const auto committed = pages_in(kSourceDir / "man");
  const std::string fix =
      "the man pages are out of date with the command definitions: run `make "
      "man` and commit man/";
  for (const auto& [file, text] : generated) {
    const auto it = committed.find(file);
    ASSERT_NE(it, committed.end()) << "man/" << file << " is missing; " << fix;
    EXPECT_TRUE(it->second == text)
        << "man/" << file << " differs (" << first_difference(it->second, text) << "); " << fix;
  }
  for (const auto& [file, text] : committed) {
    EXPECT_TRUE(generated.count(file) == 1) << "man/" << file << " has no command; " << fix;
  }
  EXPECT_NE(r.out.find("qctl-status.1\n"), std::string::npos) << r.out;
}

TEST(ManPages, OnePagePerVisibleCommandAndTheGeneratorStaysHidden) {
  TempDir dir;
  ASSERT_EQ(qctl({"__man", dir.path()}).code, 0);
  const auto pages = pages_in(dir.path());
  std::set<std::string> expected{"qctl.1"};
  auto help = help_sections(qctl({"--help"}).out);
  for (const auto& line : help["Subcommands"]) {
    expected.insert("qctl-" + line.substr(0, line.find(' ')) + ".1");
  }
  std::set<std::string> files;
  for (const auto& [file, text] : pages) {
    files.insert(file);
  }
  EXPECT_EQ(files, expected);
  EXPECT_TRUE(expected.count("qctl-status.1") == 1 && expected.count("qctl-config.1") == 1);
  EXPECT_EQ(qctl({"--help"}).out.find("__man"), std::string::npos);
}

TEST(ManPages, EveryFlagThatHelpShowsIsInItsPage) {
  TempDir dir;
  ASSERT_EQ(qctl({"__man", dir.path()}).code, 0);
  const auto pages = pages_in(dir.path());
  const auto root = help_of({});
  for (const auto& flag : root.flags) {
    EXPECT_NE(pages.at("qctl.1").find("\\fB" + roff_escaped(flag) + "\\fR"), std::string::npos)
        << "qctl.1 lacks " << flag;
  }
  for (const auto& command : root.subcommands) {
    const auto& page = pages.at("qctl-" + command + ".1");
    // The command and every verb below it, depth first, all on the command's page.
    std::vector<std::vector<std::string>> pending{{command}};
    while (!pending.empty()) {
      const auto path = pending.back();
      pending.pop_back();
      const auto facts = help_of(path);
      for (const auto& flag : facts.flags) {
        EXPECT_NE(page.find("\\fB" + roff_escaped(flag) + "\\fR"), std::string::npos)
            << "qctl-" << command << ".1 lacks " << flag << " of " << path.back();
      }
      for (const auto& verb : facts.subcommands) {
        EXPECT_NE(page.find("\\fB" + roff_escaped(verb)), std::string::npos)
            << "qctl-" << command << ".1 lacks the verb " << verb;
        auto next = path;
        next.push_back(verb);
        pending.push_back(next);
      }
    }
  }
}

TEST(ManPages, ExitStatusIsTheReadmeTable) {
  std::vector<man::Entry> readme;
  std::istringstream in(read_file((kSourceDir / "README.md").string()));
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "## Exit codes") {
      in_table = true;
    } else if (in_table && line.rfind("| ", 0) == 0 && line.find("---") == std::string::npos &&
               line.rfind("| code", 0) != 0) {
      const auto bar = line.find(" | ", 2);
      std::string text = line.substr(bar + 3, line.size() - bar - 5);
      std::erase(text, '`');
      readme.push_back({line.substr(2, bar - 2), text});
    } else if (in_table && line.rfind("## ", 0) == 0) {
      break;
    }
  }
  const auto& ours = man::exit_codes();
  ASSERT_EQ(readme.size(), ours.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    EXPECT_EQ(readme[i].term, ours[i].term);
    EXPECT_EQ(readme[i].text, ours[i].text) << "exit code " << ours[i].term;
  }
}

TEST(ManPages, TheGeneratorNeedsADirectory) {
  const auto r = qctl({"__man"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("DIR"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace qctl::cmd
