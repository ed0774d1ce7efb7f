#include "core/model/resources.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/util/strings.h"

namespace qctl::model {

std::optional<std::vector<Range>> parse_ranges(std::string_view text) {
  text = util::trim(text);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') {
    return std::nullopt;
  }
  std::vector<Range> out;
  // Walks the commas in place: a task's "[31000-31000]" costs one allocation, its result.
  std::string_view rest = text.substr(1, text.size() - 2);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto item = util::trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) {
      continue;
    }
    const auto dash = item.find('-');
    Range r;
    const auto parse = [](std::string_view s, std::uint64_t& v) {
      s = util::trim(s);
      const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      return ec == std::errc() && ptr == s.data() + s.size();
    };
    if (dash == std::string_view::npos) {
      if (!parse(item, r.begin)) {
        return std::nullopt;
      }
      r.end = r.begin;
    } else if (!parse(item.substr(0, dash), r.begin) || !parse(item.substr(dash + 1), r.end) ||
               r.end < r.begin) {
      return std::nullopt;
    }
    out.push_back(r);
  }
  return out;
}

std::string format_ranges(const std::vector<Range>& ranges) {
  if (ranges.empty()) {
    return "";
  }
  std::string out = "[";
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += std::to_string(ranges[i].begin) + "-" + std::to_string(ranges[i].end);
  }
  return out + "]";
}

std::uint64_t range_count(const std::vector<Range>& ranges) {
  std::uint64_t n = 0;
  for (const auto& r : ranges) {
    n += r.end - r.begin + 1;
  }
  return n;
}

std::vector<Range> subtract_ranges(std::vector<Range> ranges, std::vector<Range> used) {
  const auto by_begin = [](const Range& x, const Range& y) { return x.begin < y.begin; };
  std::sort(ranges.begin(), ranges.end(), by_begin);
  std::sort(used.begin(), used.end(), by_begin);
  std::vector<Range> out;
  std::size_t u = 0;
  for (const auto& r : ranges) {
    std::uint64_t next = r.begin;
    while (u < used.size() && used[u].end < next) {
      ++u;
    }
    for (std::size_t k = u; k < used.size() && used[k].begin <= r.end && next <= r.end; ++k) {
      if (used[k].begin > next) {
        out.push_back({next, used[k].begin - 1});
      }
      next = std::max(next, used[k].end + 1);
    }
    if (next <= r.end) {
      out.push_back({next, r.end});
    }
  }
  return out;
}

double Resources::scalar(std::string_view name) const {
  if (name == "cpus") {
    return cpus;
  }
  if (name == "mem") {
    return mem;
  }
  if (name == "disk") {
    return disk;
  }
  if (name == "gpus") {
    return gpus;
  }
  const auto it = scalars.find(std::string(name));
  return it == scalars.end() ? 0.0 : it->second;
}

Resources& Resources::operator+=(const Resources& o) {
  cpus += o.cpus;
  mem += o.mem;
  disk += o.disk;
  gpus += o.gpus;
  for (const auto& [name, v] : o.scalars) {
    scalars[name] += v;
  }
  return *this;
}

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace qctl::model
