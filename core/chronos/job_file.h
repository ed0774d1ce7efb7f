// Job documents as users write them: one JSON object, a JSON array, NDJSON, YAML (one or
// several documents), from a file, every job file of a directory, or stdin.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace qctl::chronos {

/// One job object as written, with where it came from ("jobs.json[3]", "a.yaml", "-[2]")
/// so that errors can name "jobs.json[3].schedule".
struct JobDocument {
  std::string where;
  nlohmann::json value;
};

/// Parses `text` read from `source` (a path, or "-" for stdin). `.yaml`/`.yml` is YAML and
/// `.json` JSON; anything else is JSON when it starts with '{' or '[' and YAML otherwise.
/// JSON may be an object, an array of objects, or one object per line (NDJSON); YAML may hold
/// several documents, each a job or a list of jobs. Quoted YAML scalars stay strings.
/// Throws UsageError "<source>:<line>:<column>: <what>" for malformed text, and
/// "<where>: expected a job object" for anything but objects.
[[nodiscard]] std::vector<JobDocument> parse_job_documents(const std::string& text,
                                                           const std::string& source);

/// Reads `path`: a file, or every *.json, *.yaml and *.yml file directly in a directory,
/// sorted by name. Throws UsageError when it cannot be read or a directory holds no job file.
[[nodiscard]] std::vector<JobDocument> read_job_documents(const std::string& path);

/// "<source>:<line>:<column>" for byte offset `offset` (0-based) of `text`.
[[nodiscard]] std::string text_position(const std::string& source, const std::string& text,
                                        std::size_t offset);

}  // namespace qctl::chronos
