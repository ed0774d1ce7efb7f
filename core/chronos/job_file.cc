#include "core/chronos/job_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/util/strings.h"

namespace qctl::chronos {

namespace {

namespace fs = std::filesystem;

std::string display_name(const std::string& source) { return source == "-" ? "stdin" : source; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_yaml_name(const std::string& path) {
  return ends_with(path, ".yaml") || ends_with(path, ".yml");
}

/// nlohmann's message without its "[json.exception…] parse error at line 1, column 2: " head.
std::string json_reason(const nlohmann::json::parse_error& e) {
  const std::string what = e.what();
  const auto colon = what.find(": ", what.find("parse error"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

[[noreturn]] void json_error(const std::string& source, const std::string& text,
                             std::size_t line_start, const nlohmann::json::parse_error& e) {
  const std::size_t offset = line_start + (e.byte > 0 ? e.byte - 1 : 0);
  throw UsageError(
      text_position(source, text, std::min(offset, text.size())) + ": " + json_reason(e),
      "fix the JSON (an object, an array of objects, or one object per line)");
}

/// Adds the objects of one parsed value: an object, or an array of objects (`indexed` names
/// each "[i]"); `index` counts jobs across documents.
void add_jobs(nlohmann::json value, const std::string& name, bool indexed,
              std::vector<JobDocument>& out) {
  auto add = [&](nlohmann::json v) {
    std::string where = indexed ? name + "[" + std::to_string(out.size()) + "]" : name;
    if (!v.is_object()) {
      throw UsageError(where + ": expected a job object, got " + std::string(v.type_name()));
    }
    out.push_back({std::move(where), std::move(v)});
  };
  if (value.is_array()) {
    for (auto& v : value) {
      add(std::move(v));
    }
  } else {
    add(std::move(value));
  }
}

/// nlohmann's parse, with a number too large for a double ("1e309", out_of_range 406) as a
/// usage error naming the file like a syntax error, not an internal error.
nlohmann::json parse_value(std::string_view text, const std::string& source) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::out_of_range& e) {
    std::string what = e.what();
    if (const auto bracket = what.find("] "); bracket != std::string::npos) {
      what.erase(0, bracket + 2);
    }
    throw UsageError(display_name(source) + ": " + what + " (larger than any number Chronos reads)");
  }
}

std::vector<JobDocument> parse_json(const std::string& text, const std::string& source) {
  const std::string name = display_name(source);
  std::vector<JobDocument> out;
  try {
    auto value = parse_value(text, source);
    const bool indexed = value.is_array();
    add_jobs(std::move(value), name, indexed, out);
    return out;
  } catch (const nlohmann::json::parse_error& whole) {
    // NDJSON: one value per line. Anything else keeps the whole-text error.
    const auto first_end = text.find('\n', text.find_first_not_of(" \t\r\n"));
    if (first_end == std::string::npos ||
        !nlohmann::json::accept(std::string_view(text).substr(0, first_end))) {
      json_error(source, text, 0, whole);
    }
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const std::string_view line = std::string_view(text).substr(start, end - start);
    if (!util::trim(line).empty()) {
      try {
        add_jobs(parse_value(line, source), name, true, out);
      } catch (const nlohmann::json::parse_error& e) {
        json_error(source, text, start, e);
      }
    }
    start = end + 1;
  }
  return out;
}

nlohmann::json yaml_scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") {  // quoted: a string even when it reads like a number
    return s;
  }
  if (s == "true" || s == "True" || s == "TRUE") {
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    return false;
  }
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
    return nullptr;
  }
  std::int64_t i = 0;
  const char* end = s.data() + s.size();
  if (auto r = std::from_chars(s.data(), end, i); r.ec == std::errc() && r.ptr == end) {
    return i;
  }
  double d = 0;
  if (auto r = std::from_chars(s.data(), end, d); r.ec == std::errc() && r.ptr == end) {
    return d;
  }
  return s;
}

nlohmann::json yaml_value(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return yaml_scalar(node);
    case YAML::NodeType::Sequence: {
      auto out = nlohmann::json::array();
      for (const auto& item : node) {
        out.push_back(yaml_value(item));
      }
      return out;
    }
    case YAML::NodeType::Map: {
      auto out = nlohmann::json::object();
      for (const auto& entry : node) {
        out[entry.first.as<std::string>()] = yaml_value(entry.second);
      }
      return out;
    }
    default:
      return nullptr;
  }
}

std::vector<JobDocument> parse_yaml(const std::string& text, const std::string& source) {
  std::vector<nlohmann::json> docs;
  try {
    for (const auto& node : YAML::LoadAll(text)) {
      if (!node.IsNull()) {
        docs.push_back(yaml_value(node));
      }
    }
  } catch (const YAML::Exception& e) {
    const std::string where = e.mark.is_null()
                                  ? display_name(source)
                                  : display_name(source) + ":" + std::to_string(e.mark.line + 1) +
                                        ":" + std::to_string(e.mark.column + 1);
    throw UsageError(where + ": " + e.msg, "fix the YAML (a job map, or a list of job maps)");
  }
  const bool indexed = docs.size() > 1 || (docs.size() == 1 && docs[0].is_array());
  std::vector<JobDocument> out;
  for (auto& doc : docs) {
    add_jobs(std::move(doc), display_name(source), indexed, out);
  }
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read " + path.string(), "check the path given to -f");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string text_position(const std::string& source, const std::string& text, std::size_t offset) {
  const auto head = std::string_view(text).substr(0, std::min(offset, text.size()));
  const auto line = std::count(head.begin(), head.end(), '\n') + 1;
  const auto last_newline = head.rfind('\n');
  const auto column =
      last_newline == std::string_view::npos ? head.size() + 1 : head.size() - last_newline;
  return display_name(source) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::vector<JobDocument> parse_job_documents(const std::string& text, const std::string& source) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    throw UsageError(display_name(source) + ": no job in it (the input is empty)");
  }
  if (is_yaml_name(source)) {
    return parse_yaml(text, source);
  }
  if (ends_with(source, ".json") || text[first] == '{' || text[first] == '[') {
    return parse_json(text, source);
  }
  return parse_yaml(text, source);
}

std::vector<JobDocument> read_job_documents(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    if (!fs::exists(path, ec)) {
      throw UsageError(path + ": no such file or directory", "check the path given to -f");
    }
    return parse_job_documents(read_file(path), path);
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    // Hidden files are editor locks and backups (".#jobs.json"), never jobs.
    if (entry.is_regular_file() && name.front() != '.' &&
        (ends_with(name, ".json") || is_yaml_name(name))) {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    throw UsageError("cannot list " + path + ": " + ec.message());
  }
  if (files.empty()) {
    throw UsageError(path + ": no *.json, *.yaml or *.yml file in this directory");
  }
  std::sort(files.begin(), files.end());
  std::vector<JobDocument> out;
  for (const auto& file : files) {
    auto docs = parse_job_documents(read_file(file), file.string());
    std::move(docs.begin(), docs.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace qctl::chronos
