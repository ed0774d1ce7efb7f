// The board: one cell per agent, shaded by load, grouped and wrapped to the terminal.
#include "core/stats/board.h"

#include <algorithm>
#include <array>
#include <map>

namespace qctl::stats {

namespace {

constexpr std::array<char, 5> kChars = {'.', '-', '+', '*', '#'};
// 256-colour greens to reds; grey for agents that take no tasks.
constexpr std::array<int, 5> kColors = {28, 70, 178, 208, 196};
constexpr int kUnavailableColor = 244;

std::string cell(const AgentLoad& l, bool color) {
  const bool down = l.availability != Availability::kAvailable;
  if (!color) {
    return std::string(1, down ? 'x' : kChars[static_cast<std::size_t>(shade_of(l.load()))]);
  }
  const int c = down ? kUnavailableColor : kColors[static_cast<std::size_t>(shade_of(l.load()))];
  return "\x1b[38;5;" + std::to_string(c) + "m" + (down ? "\xc2\xb7" : "\xe2\x96\xa0") + "\x1b[0m";
}

// "host-9" before "host-10": digit runs compare as numbers, so racks read in order.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  std::size_t j = 0;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i;
      std::size_t ej = j;
      while (ei < a.size() && digit(a[ei])) {
        ++ei;
      }
      while (ej < b.size() && digit(b[ej])) {
        ++ej;
      }
      const auto na = a.substr(i, ei - i).erase(0, std::min(a.find_first_not_of('0', i), ei) - i);
      const auto nb = b.substr(j, ej - j).erase(0, std::min(b.find_first_not_of('0', j), ej) - j);
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) {
        return a[i] < b[j];
      }
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::string percent(double used, double total) {
  return total > 0 ? std::to_string(static_cast<int>(used * 100.0 / total + 0.5)) + "%" : "-";
}

std::string header(const std::string& group, const std::vector<const AgentLoad*>& agents) {
  double cu = 0;
  double ct = 0;
  double mu = 0;
  double mt = 0;
  std::size_t down = 0;
  for (const auto* l : agents) {
    cu += l->cpus_used;
    ct += l->cpus_total;
    mu += l->mem_used;
    mt += l->mem_total;
    down += l->availability != Availability::kAvailable ? 1 : 0;
  }
  std::string out = group + "  " + std::to_string(agents.size()) +
                    (agents.size() == 1 ? " agent" : " agents") + "  cpus " + percent(cu, ct) +
                    "  mem " + percent(mu, mt);
  if (down > 0) {
    out += "  " + std::to_string(down) + " unavailable";
  }
  return out + "\n";
}

std::string legend(bool color) {
  static const std::array<const char*, 5> kRanges = {"<20%", "20-40%", "40-60%", "60-80%", ">=80%"};
  std::string out = "legend:";
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    AgentLoad sample;
    sample.cpus = static_cast<double>(i) * 0.2 + 0.1;
    out += "  " + cell(sample, color) + " " + kRanges[i];
  }
  AgentLoad down;
  down.availability = Availability::kDraining;
  out += "  " + cell(down, color) + " unavailable";
  return out + "  (load = the higher of cpus and mem allocated)\n";
}

}  // namespace

int shade_of(double load) { return std::clamp(static_cast<int>(load * 5.0), 0, 4); }

std::string render_board(const std::vector<AgentLoad>& loads, const BoardOptions& options) {
  std::map<std::string, std::vector<const AgentLoad*>> groups;
  for (const auto& l : loads) {
    groups[l.group].push_back(&l);
  }
  const std::size_t per_line =
      static_cast<std::size_t>(std::max(10, (options.width > 0 ? options.width : 80) - 2));
  std::string out;
  for (auto& [group, agents] : groups) {
    std::sort(agents.begin(), agents.end(), [](const AgentLoad* a, const AgentLoad* b) {
      return natural_less(a->hostname, b->hostname);
    });
    out += header(group, agents);
    for (std::size_t i = 0; i < agents.size(); i += per_line) {
      out += "  ";
      for (std::size_t j = i; j < std::min(agents.size(), i + per_line); ++j) {
        out += cell(*agents[j], options.color);
      }
      out += "\n";
    }
  }
  return out + legend(options.color);
}

}  // namespace qctl::stats
