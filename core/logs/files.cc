// The log engine's FileReader: a thin adapter over mesos::AgentClient.
#include "core/logs/files.h"

namespace qctl::logs {

model::FileChunk AgentFileReader::read(const FileRef& file, std::int64_t offset,
                                       std::int64_t length) {
  return agents_.read_file(file.agent_address, file.path, offset, length);
}

std::int64_t AgentFileReader::size(const FileRef& file) { return read(file, -1, -1).offset; }

std::vector<FileEntry> AgentFileReader::browse(const FileRef& directory) {
  return agents_.browse(directory.agent_address, directory.path);
}

}  // namespace qctl::logs
