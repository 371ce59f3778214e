// Replays every round of KTAB's SMP runs (shared/vectors/ktab) from KTAB's own states, with each
// bargain queue in the order KTAB's threads filled it. KTAB's queue order changes from run to
// run (docs/models/spatial_pce.md, "Queue order"), so a whole run of entente, whose order is
// fixed, can follow KTAB only up to the first order-dependent choice (var4, var7); this test
// checks every round of such cases instead, to 1e-9: the state as every actor sees
// it, the challenges, the bargains, the queue probabilities, the adopted bargains and the
// positions of the next state.
//
// KTAB's order of a queue is read from bargn_vote.csv: its coalition loop votes each pair of
// queue entries once, later entry over earlier, and logs that orientation (vectors README §4, §6).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "entente/spatial_pce.h"
#include "golden/ktab_vectors.h"
#include "models/spatial_pce/challenge.h"
#include "models/spatial_pce/round.h"
#include "models/spatial_pce/smp_state.h"

namespace entente {
namespace {

using testing::KtabTable;
using testing::ReadKtabTable;

constexpr double kReplayTol = 1e-9;

// Position (or ideal) column of positions.csv at turn t, back on [0,1] (KTAB logs x·100).
std::vector<double> ReplayState(const KtabTable& pos, int t, int d, const std::string& column) {
  std::vector<double> out;
  for (size_t row : pos.Turn(t)) {
    const size_t idx = static_cast<size_t>(pos.I(row, "actor")) * d + pos.I(row, "dim");
    if (out.size() <= idx) out.resize(idx + 1);
    out[idx] = pos.D(row, column) / 100.0;
  }
  return out;
}

// KTAB's order of the queue whose entries are the canonical bargain numbers `members`: an entry
// is preceded by as many entries as there are logged votes "it over another" in the queue.
std::vector<int> ReplayKtabQueueOrder(const std::set<std::pair<int, int>>& voted,
                                      const std::vector<int>& members) {
  std::vector<std::pair<int, int>> later_than;
  for (int x : members) {
    int n = 0;
    for (int y : members) n += voted.count({x, y}) > 0 ? 1 : 0;
    later_than.emplace_back(n, x);
  }
  std::sort(later_than.begin(), later_than.end());
  std::vector<int> order;
  for (size_t i = 0; i < later_than.size(); ++i) {
    // A total order: the i-th entry is later than exactly i others.
    EXPECT_EQ(later_than[i].first, static_cast<int>(i)) << "queue order is not total";
    order.push_back(later_than[i].second);
  }
  return order;
}

class KtabReplay : public ::testing::TestWithParam<std::string> {};

TEST_P(KtabReplay, EveryRoundFromKtabStatesInKtabQueueOrder) {
  const std::string c = GetParam();
  testing::KtabCase l = testing::LoadKtabCase(c);
  SmpOptions o = l.import.options;
  o.ktab_bargain_bugs = c == "var5" || c == "var6";  // the cases of KTAB's bargain bugs
  const int n = l.problem.num_actors;
  const int d = l.problem.num_dims;
  const KtabTable pos = ReadKtabTable(c, "positions.csv");
  const KtabTable prob = ReadKtabTable(c, "pos_prob.csv");
  const KtabTable util = ReadKtabTable(c, "pos_util.csv");
  const KtabTable pv = ReadKtabTable(c, "prob_vict.csv");
  const KtabTable uc = ReadKtabTable(c, "util_chlg.csv");
  const KtabTable bg = ReadKtabTable(c, "bargn.csv");
  const KtabTable bc = ReadKtabTable(c, "bargn_coords.csv");
  const KtabTable bu = ReadKtabTable(c, "bargn_util.csv");
  const KtabTable bv = ReadKtabTable(c, "bargn_vote.csv");
  ASSERT_TRUE(pos.present && bg.present && bv.present && bu.present) << c;
  const int states = pos.I(pos.rows.size() - 1, "turn") + 1;
  int queues_checked = 0;
  for (int t = 0; t + 1 < states; ++t) {
    const smp::StateView s(l.problem, o, ReplayState(pos, t, d, "position"),
                           ReplayState(pos, t, d, "ideal"));
    // The state as every actor sees it.
    for (size_t row : util.Turn(t)) {
      ASSERT_NEAR(
          s.Util(util.I(row, "estimator"), util.I(row, "actor"), util.I(row, "position_actor")),
          util.D(row, "util"), kReplayTol)
          << c << " pos_util turn " << t << " row " << row;
    }
    const std::vector<int> equiv = s.Equivalence();
    std::vector<std::vector<double>> by_estimator;
    for (int h = 0; h < n; ++h) by_estimator.push_back(s.OutcomeProbabilities(h, equiv));
    for (size_t row : prob.Turn(t)) {
      ASSERT_NEAR(by_estimator[prob.I(row, "estimator")][prob.I(row, "position_index")],
                  prob.D(row, "prob"), kReplayTol)
          << c << " pos_prob turn " << t << " row " << row;
    }
    // Challenges.
    for (size_t row : pv.Turn(t)) {
      const smp::ChallengeEstimate e = smp::EstimateChallenge(
          s, pv.I(row, "estimator"), 0, pv.I(row, "init_actor"), pv.I(row, "rcvr_actor"));
      ASSERT_NEAR(e.prob, pv.D(row, "prob"), kReplayTol) << c << " prob_vict row " << row;
    }
    for (size_t row : uc.Turn(t)) {
      const smp::ChallengeEstimate e =
          smp::EstimateChallenge(s, uc.I(row, "estimator"), uc.I(row, "affected_actor"),
                                 uc.I(row, "init_actor"), uc.I(row, "rcvr_actor"));
      ASSERT_NEAR(e.util_chlg, uc.D(row, "util_chlg"), kReplayTol) << c << " util_chlg " << row;
    }
    // The round's bargains, under KTAB's canonical numbers.
    const smp::Round round = smp::ProposeRound(s);
    const std::vector<int> canon = testing::KtabCanonicalOrder(round.bargains);
    const std::vector<size_t> brows = bg.Turn(t);
    ASSERT_EQ(brows.size(), canon.size()) << c << " turn " << t << ": number of bargains";
    for (size_t row : bc.Turn(t)) {
      const SmpBargain& x = round.bargains[canon[bc.I(row, "bargn")]];
      const int k = bc.I(row, "dim");
      ASSERT_NEAR(x.init_pos[k] * 100.0, bc.D(row, "init_coord"), kReplayTol)
          << c << " turn " << t << " bargain " << bc.I(row, "bargn");
      ASSERT_NEAR(x.recd_pos[k] * 100.0, bc.D(row, "recd_coord"), kReplayTol)
          << c << " turn " << t << " bargain " << bc.I(row, "bargn");
    }
    for (size_t row : bu.Turn(t)) {
      ASSERT_NEAR(round.bargain_util[canon[bu.I(row, "bargn")]][bu.I(row, "actor")],
                  bu.D(row, "util"), kReplayTol)
          << c << " bargn_util turn " << t << " row " << row;
    }
    // Every queue in KTAB's order: its probabilities, the adopted bargain, the next position.
    std::set<std::pair<int, int>> voted;
    for (size_t row : bv.Turn(t)) voted.insert({bv.I(row, "bargn_i"), bv.I(row, "bargn_j")});
    const std::vector<double> next_ktab = ReplayState(pos, t + 1, d, "position");
    for (int k = 0; k < n; ++k) {
      std::vector<int> members;  // canonical numbers
      for (size_t b = 0; b < brows.size(); ++b) {
        const SmpBargain& x = round.bargains[canon[b]];
        ASSERT_EQ(x.init, bg.I(brows[b], "init_actor")) << c << " turn " << t << " bargain " << b;
        ASSERT_EQ(x.recd, bg.I(brows[b], "recd_actor")) << c << " turn " << t << " bargain " << b;
        if (x.init == k || x.recd == k) members.push_back(static_cast<int>(b));
      }
      const std::vector<int> order = ReplayKtabQueueOrder(voted, members);
      std::vector<int> queue;  // indices into round.bargains
      for (int b : order) queue.push_back(canon[b]);
      const std::vector<double> p = smp::QueueProbabilities(s, round, queue);
      const double qtol = testing::KtabQueueTolerance(round.bargain_util, queue, kReplayTol);
      for (size_t q = 0; q < order.size(); ++q) {
        const size_t row = brows[order[q]];
        // KTAB logs the second InitRcvrInterp bargain of a pair with zero probabilities.
        if (bg.S(row, "init_prob") == "0.0" && bg.S(row, "recd_prob") == "0.0") continue;
        const bool as_init = bg.I(row, "init_actor") == k;
        ASSERT_NEAR(p[q], bg.D(row, as_init ? "init_prob" : "recd_prob"), qtol)
            << c << " turn " << t << " bargain " << order[q] << " in the queue of " << k;
      }
      const SmpBargain& chosen = round.bargains[queue[smp::MostProbable(p)]];
      const double* mine = chosen.init == chosen.recd ? s.Position(k)
                           : chosen.init == k         ? chosen.init_pos.data()
                                                      : chosen.recd_pos.data();
      for (int dim = 0; dim < d; ++dim) {
        ASSERT_NEAR(mine[dim] * 100.0, next_ktab[static_cast<size_t>(k) * d + dim] * 100.0,
                    kReplayTol)
            << c << " turn " << t << ": actor " << k << "'s next position, dim " << dim;
      }
      ++queues_checked;
    }
  }
  EXPECT_EQ(queues_checked, (states - 1) * n) << c;
}

// var4 and var7, whose whole runs depart from KTAB at an order-dependent choice; var1 (exact ties
// between bargains) and var5 (two bargains per challenge) check the reading of KTAB's queue order
// where it is hardest. The other fully logged cases pass this replay too, but the whole-run test
// already matches them in every round, so they are left out to keep the suite fast.
INSTANTIATE_TEST_SUITE_P(Ktab, KtabReplay, ::testing::Values("var4", "var7", "var1", "var5"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace entente
