// qctl_bench stats-history-gen: a stats history database as a month of cron would leave it.
#pragma once

namespace qctl::bench {

/// `stats-history-gen DB [--days 30] [--groups 20] [--interval 60]`: one snapshot per
/// interval up to now, for context "bench", groups dc-01.. with a daily load curve.
int stats_history_gen(int argc, char** argv);

}  // namespace qctl::bench
