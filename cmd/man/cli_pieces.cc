#include "cmd/man/cli_pieces.h"

#include <algorithm>
#include <sstream>

namespace qctl::cmd::man_pages {

namespace {

using man::Font;

bool hidden(const CLI::Option& opt) { return opt.get_group().empty(); }

bool is_help(const CLI::App& app, const CLI::Option* opt) {
  return opt == app.get_help_ptr() || opt == app.get_help_all_ptr();
}

bool repeats(const CLI::Option& opt) {
  return opt.get_expected_max() >= CLI::detail::expected_max_vector_size;
}

// The value's name as --help shows it, without the validator's suffix ("TEXT:{a,b}" -> "TEXT").
std::string value_name(const CLI::Option& opt) {
  auto name = opt.get_type_name();
  if (const auto colon = name.find(':'); colon != std::string::npos && colon > 0) {
    name.resize(colon);
  }
  return name;
}

man::Item positional_item(const CLI::Option& opt) {
  return {{{Font::kItalic, opt.get_name() + (repeats(opt) ? "..." : "")}},
          {{Font::kRoman, opt.get_description()}}};
}

man::Item option_item(const CLI::Option& opt) {
  man::Inline tag;
  auto add_name = [&tag](const std::string& name) {
    if (!tag.empty()) {
      tag.push_back({Font::kRoman, ", "});
    }
    tag.push_back({Font::kBold, name});
  };
  for (const auto& s : opt.get_snames()) {
    add_name("-" + s);
  }
  for (const auto& l : opt.get_lnames()) {
    add_name("--" + l);
  }
  if (opt.get_type_size() != 0 && !value_name(opt).empty()) {  // as --help decides
    tag.push_back({Font::kRoman, " "});
    tag.push_back({Font::kItalic, value_name(opt) + (repeats(opt) ? "..." : "")});
  }
  std::string body = opt.get_description();
  if (!opt.get_default_str().empty()) {
    body += " (default: " + opt.get_default_str() + ")";
  }
  if (opt.get_required()) {
    body += " (required)";
  }
  return {std::move(tag), {{Font::kRoman, body}}};
}

}  // namespace

std::string command_path(const CLI::App& app) {
  const auto* parent = app.get_parent();
  return parent == nullptr ? app.get_name() : command_path(*parent) + " " + app.get_name();
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::vector<const CLI::App*> descendants(const CLI::App& app) {
  std::vector<const CLI::App*> all;
  for (const auto* sub : visible_subcommands(app)) {
    all.push_back(sub);
    const auto below = descendants(*sub);
    all.insert(all.end(), below.begin(), below.end());
  }
  return all;
}

man::Inline positionals_synopsis(const CLI::App& app) {
  man::Inline spans;
  for (const auto* opt : app.get_options()) {
    if (opt->nonpositional() || hidden(*opt)) {
      continue;
    }
    const auto name = opt->get_name() + (repeats(*opt) ? "..." : "");
    const bool optional = !opt->get_required();
    spans.push_back({Font::kRoman, optional ? " [" : " "});
    spans.push_back({Font::kItalic, name});
    if (optional) {
      spans.push_back({Font::kRoman, "]"});
    }
  }
  return spans;
}

man::Inline synopsis_line(const CLI::App& app) {
  man::Inline line{{Font::kBold, command_path(app)},
                   {Font::kRoman, " ["},
                   {Font::kItalic, "OPTIONS"},
                   {Font::kRoman, "]"}};
  const auto positionals = positionals_synopsis(app);
  line.insert(line.end(), positionals.begin(), positionals.end());
  return line;
}

std::vector<man::Item> option_items(const CLI::App& app, bool with_help) {
  std::vector<man::Item> items;
  const auto options = app.get_options();
  for (const auto* opt : options) {
    if (!opt->nonpositional() && !hidden(*opt)) {
      items.push_back(positional_item(*opt));
    }
  }
  for (const auto* opt : options) {
    if (opt->nonpositional() && !hidden(*opt) && (with_help || !is_help(app, opt))) {
      items.push_back(option_item(*opt));
    }
  }
  return items;
}

std::vector<std::vector<std::string>> examples(const CLI::App& app) {
  std::vector<std::string> lines;
  std::istringstream footer(app.get_footer());
  bool in_examples = false;
  for (std::string line; std::getline(footer, line);) {
    if (line == "Examples:") {
      in_examples = true;
    } else if (in_examples && line.find_first_not_of(' ') != std::string::npos) {
      lines.push_back(line);
    }
  }
  std::size_t indent = std::string::npos;
  for (const auto& line : lines) {
    indent = std::min(indent, line.find_first_not_of(' '));
  }
  std::vector<std::vector<std::string>> out;
  bool continues = false;
  for (const auto& line : lines) {
    if (!continues) {
      out.emplace_back();
    }
    out.back().push_back(line.substr(indent));
    continues = line.back() == '\\';
  }
  return out;
}

}  // namespace qctl::cmd::man_pages
