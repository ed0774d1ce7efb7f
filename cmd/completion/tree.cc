// The CLI11 command tree turned into completion's plain CommandSpec.
#include <algorithm>
#include <cctype>

#include "cmd/completion/completion.h"
#include "core/completion/registry.h"

namespace qctl::cmd {

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto pos = text.find(sep); pos != std::string::npos; pos = text.find(sep, start)) {
    out.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

// Values a type name lists: "TEXT:{table,wide}" (a CLI::IsMember check) or "auto|v3|v2".
std::vector<std::string> listed_values(const std::string& type_name) {
  const auto open = type_name.find(":{");
  if (open != std::string::npos && type_name.back() == '}') {
    return split(type_name.substr(open + 2, type_name.size() - open - 3), ',');
  }
  const bool is_list = type_name.find('|') != std::string::npos &&
                       std::all_of(type_name.begin(), type_name.end(), [](char ch) {
                         return std::islower(static_cast<unsigned char>(ch)) != 0 ||
                                std::isdigit(static_cast<unsigned char>(ch)) != 0 || ch == '|' ||
                                ch == '-';
                       });
  return is_list ? split(type_name, '|') : std::vector<std::string>{};
}

completion::FlagSpec flag_spec(const CLI::Option& opt, const std::string& path) {
  completion::FlagSpec flag;
  for (const auto& l : opt.get_lnames()) {
    flag.names.push_back("--" + l);
  }
  for (const auto& s : opt.get_snames()) {
    flag.names.push_back("-" + s);
  }
  flag.description = opt.get_description();
  flag.takes_value = opt.get_items_expected_max() > 0;  // flags expect 0 items
  if (!flag.takes_value) {
    return flag;
  }
  const auto type_name = opt.get_type_name();
  flag.values = listed_values(type_name);
  if (type_name.rfind("FILE", 0) == 0) {
    flag.kind = completion::NameKind::kFiles;
  }
  if (const auto* source =
          flag.names.empty() ? nullptr : completion::find_flag_values(path, flag.names.front())) {
    flag.values = source->values;
    flag.kind = source->kind;
  }
  return flag;
}

void build(const CLI::App& app, const std::string& path, completion::CommandSpec& spec) {
  spec.name = app.get_name();
  spec.aliases = app.get_aliases();
  spec.description = app.get_description();
  for (const auto* opt : app.get_options()) {
    if (opt->get_group().empty()) {
      continue;  // hidden
    }
    if (opt->nonpositional()) {
      spec.flags.push_back(flag_spec(*opt, path));
    } else {
      if (spec.positionals == 0) {
        spec.kind_positionals = std::min(opt->get_items_expected_max(), 1000);
      }
      spec.positionals += std::min(opt->get_items_expected_max(), 1000);
      const auto values = listed_values(opt->get_type_name());
      spec.positional_values.insert(spec.positional_values.end(), values.begin(), values.end());
    }
  }
  const auto& kinds = completion::positional_kinds();
  if (const auto it = kinds.find(path); it != kinds.end()) {
    spec.positional_kind = it->second;
  }
  for (const auto* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    completion::CommandSpec child;
    build(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), child);
    spec.subcommands.push_back(std::move(child));
  }
}

}  // namespace

completion::CommandSpec command_spec(const CLI::App& app) {
  completion::CommandSpec spec;
  build(app, "", spec);
  return spec;
}

}  // namespace qctl::cmd
