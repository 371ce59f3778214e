// Golden tests of the SMP against KTAB's own runs (shared/vectors/ktab, README there): every
// case's inputs are loaded through the KTAB importers, run, and compared turn by turn with
// positions, ideals, outcome probabilities, utilities, challenges and bargains to 1e-9.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "entente/spatial_pce.h"
#include "golden/ktab_vectors.h"
#include "models/spatial_pce/challenge.h"
#include "models/spatial_pce/smp_state.h"

namespace entente {
namespace {

constexpr double kTol = 1e-9;

using testing::KtabCanonicalOrder;
using testing::KtabQueueTolerance;
using testing::KtabTable;
using testing::LoadKtabCase;
using testing::ReadKtabTable;

struct SmpGoldenCase {
  std::string name;
  bool compat = false;  // run with KTAB's bargain bugs
  // Documented exception (docs/models/spatial_pce.md, "Queue order"): KTAB fills its bargain
  // queues in its threads' finishing order, which differs from run to run, and entente's order
  // is fixed. A whole run can then match KTAB only up to the first choice that depends on the
  // order: an exact tie (var4, turn 2) or, under the asymmetric ASymProsp rule, any queue (var7,
  // turn 5). Those cases are compared over that many states here; ktab_smp_replay_test.cc
  // replays every round of every case from KTAB's own states in KTAB's own queue order.
  // 0 = every state, and the number of states must match.
  int compare_states = 0;
  // The queue PCE depends on the order of the queue (ASymProsp): queue probabilities, which
  // entente computes in its own order, are not compared (the replay test compares them).
  bool order_dependent_pce = false;
};

void PrintTo(const SmpGoldenCase& g, std::ostream* os) { *os << g.name; }

class KtabGolden : public ::testing::TestWithParam<SmpGoldenCase> {};

TEST_P(KtabGolden, MatchesKtab) {
  const std::string c = GetParam().name;
  testing::KtabCase l = LoadKtabCase(c);
  SmpOptions o = l.import.options;
  o.ktab_bargain_bugs = GetParam().compat;
  o.record_detail = true;
  Result<SmpResult> run = RunSmp(l.problem, o);
  ASSERT_TRUE(run.ok()) << run.status().message();
  const SmpResult& r = *run;
  const int d = l.problem.num_dims;

  // Tables are checked turn by turn, in the order the model computes them, so the first
  // failure names the first quantity that departs from KTAB.
  const KtabTable pos = ReadKtabTable(c, "positions.csv");
  ASSERT_TRUE(pos.present);
  const int states = pos.I(pos.rows.size() - 1, "turn") + 1;
  const KtabTable prob = ReadKtabTable(c, "pos_prob.csv");
  ASSERT_TRUE(prob.present);
  const KtabTable eq = ReadKtabTable(c, "pos_equiv.csv");
  const KtabTable util = ReadKtabTable(c, "pos_util.csv");
  const KtabTable pv = ReadKtabTable(c, "prob_vict.csv");
  const KtabTable uc = ReadKtabTable(c, "util_chlg.csv");
  const KtabTable bg = ReadKtabTable(c, "bargn.csv");
  const KtabTable bc = ReadKtabTable(c, "bargn_coords.csv");
  const KtabTable bu = ReadKtabTable(c, "bargn_util.csv");
  const double tol = kTol;
  const int limit = GetParam().compare_states > 0 ? GetParam().compare_states : states;
  const int common = std::min<int>(limit, static_cast<int>(r.states.size()));
  for (int t = 0; t < common; ++t) {
    const SmpStateRecord& s = r.states[t];
    const auto rows = [t](const KtabTable& tab) { return tab.Turn(t); };
    // Positions and ideals.
    for (size_t row : rows(pos)) {
      const int a = pos.I(row, "actor"), k = pos.I(row, "dim");
      const size_t idx = static_cast<size_t>(a) * d + k;
      ASSERT_NEAR(s.position[idx] * 100.0, pos.D(row, "position"), tol)
          << c << " turn " << t << " actor " << a << " dim " << k;
      ASSERT_NEAR(s.ideal[idx] * 100.0, pos.D(row, "ideal"), tol)
          << c << " ideal, turn " << t << " actor " << a << " dim " << k;
    }
    // Utilities as each actor estimates them.
    const smp::StateView view(l.problem, o, s.position, s.ideal);
    for (size_t row : rows(util)) {
      ASSERT_NEAR(
          view.Util(util.I(row, "estimator"), util.I(row, "actor"), util.I(row, "position_actor")),
          util.D(row, "util"), tol)
          << c << " pos_util turn " << t << " row " << row;
    }
    // Outcome probabilities per estimator and the equivalence classes.
    for (size_t row : rows(eq)) {
      ASSERT_EQ(s.equiv[eq.I(row, "position_index")], eq.I(row, "equiv_index"));
    }
    for (size_t row : rows(prob)) {
      const int h = prob.I(row, "estimator"), a = prob.I(row, "position_index");
      ASSERT_NEAR(s.outcome_prob_by_estimator[h][a], prob.D(row, "prob"), tol)
          << c << " pos_prob turn " << t << " estimator " << h << " position " << a;
    }
    // Challenges.
    for (size_t row : rows(pv)) {
      const smp::ChallengeEstimate e = smp::EstimateChallenge(
          view, pv.I(row, "estimator"), 0, pv.I(row, "init_actor"), pv.I(row, "rcvr_actor"));
      ASSERT_NEAR(e.prob, pv.D(row, "prob"), tol) << c << " prob_vict row " << row;
    }
    for (size_t row : rows(uc)) {
      const smp::ChallengeEstimate e =
          smp::EstimateChallenge(view, uc.I(row, "estimator"), uc.I(row, "affected_actor"),
                                 uc.I(row, "init_actor"), uc.I(row, "rcvr_actor"));
      ASSERT_NEAR(e.util_sq, uc.D(row, "util_sq"), tol) << c << " util_chlg row " << row;
      ASSERT_NEAR(e.util_vict, uc.D(row, "util_vict"), tol) << c << " util_chlg row " << row;
      ASSERT_NEAR(e.util_contest, uc.D(row, "util_cntst"), tol) << c << " util_chlg row " << row;
      ASSERT_NEAR(e.util_chlg, uc.D(row, "util_chlg"), tol) << c << " util_chlg row " << row;
    }
    if (t + 1 >= static_cast<int>(r.states.size())) continue;
    // Bargains: canonical number = stable sort by (init, recd) of the construction order.
    const SmpTurnDetail& det = s.detail;
    const std::vector<int> canon = KtabCanonicalOrder(det.bargains);
    for (size_t row : rows(bc)) {
      const int b = bc.I(row, "bargn"), k = bc.I(row, "dim");
      const SmpBargain& x = det.bargains[canon[b]];
      ASSERT_NEAR(x.init_pos[k] * 100.0, bc.D(row, "init_coord"), tol)
          << c << " turn " << t << " bargain " << b << " dim " << k;
      ASSERT_NEAR(x.recd_pos[k] * 100.0, bc.D(row, "recd_coord"), tol)
          << c << " turn " << t << " bargain " << b << " dim " << k;
    }
    for (size_t row : rows(bu)) {
      const int b = bu.I(row, "bargn");
      ASSERT_NEAR(det.bargain_util[canon[b]][bu.I(row, "actor")], bu.D(row, "util"), tol)
          << c << " bargn_util turn " << t << " bargain " << b;
    }
    for (size_t row : rows(bg)) {
      const int b = bg.I(row, "bargn");
      ASSERT_LT(b, static_cast<int>(canon.size())) << c << " turn " << t;
      const int mine = canon[b];
      const SmpBargain& x = det.bargains[mine];
      ASSERT_EQ(x.init, bg.I(row, "init_actor")) << c << " turn " << t << " bargain " << b;
      ASSERT_EQ(x.recd, bg.I(row, "recd_actor")) << c << " turn " << t << " bargain " << b;
      // KTAB logs the second InitRcvrInterp bargain of a pair with zero probabilities.
      if (bg.S(row, "init_prob") == "0.0" && bg.S(row, "recd_prob") == "0.0") continue;
      ASSERT_NEAR(x.value, bg.D(row, "value"), tol) << c << " turn " << t << " bargain " << b;
      const auto check_queue = [&](int k, const std::string& column) {
        const auto& q = det.queue[k];
        const size_t at = std::find(q.begin(), q.end(), mine) - q.begin();
        ASSERT_LT(at, q.size());
        ASSERT_NEAR(det.queue_prob[k][at], bg.D(row, column),
                    KtabQueueTolerance(det.bargain_util, q, tol))
            << c << " turn " << t << " bargain " << b << " in the queue of " << k;
      };
      if (GetParam().order_dependent_pce) continue;
      check_queue(x.init, "init_prob");
      if (x.init != x.recd) check_queue(x.recd, "recd_prob");
    }
  }
  if (GetParam().compare_states == 0) {
    ASSERT_EQ(static_cast<int>(r.states.size()), states) << c << ": number of states";
  } else {
    // The limit is where the run departs: the next state differs from KTAB's (the
    // order-dependent choice went the other way), so no later departure hides behind it.
    ASSERT_GT(static_cast<int>(r.states.size()), limit) << c;
    double diff = 0.0;
    for (size_t row : pos.Turn(limit)) {
      const size_t idx = static_cast<size_t>(pos.I(row, "actor")) * d + pos.I(row, "dim");
      diff =
          std::max(diff, std::fabs(r.states[limit].position[idx] * 100.0 - pos.D(row, "position")));
    }
    EXPECT_GT(diff, 1e-3) << c << ": state " << limit;
  }

  // history.txt: KTAB's printed winning probabilities (pDist(-1), every actor voting with its
  // own utilities; 4 decimals), the one perspective not in pos_prob.csv.
  std::ifstream hist(testing::KtabCaseDir(c) + "history.txt");
  std::string line;
  int checked = 0;
  while (std::getline(hist, line)) {
    const size_t at = line.find(", prob :");
    if (at == std::string::npos) continue;
    const auto actor = l.import.scenario.FindActor(line.substr(0, at));
    ASSERT_TRUE(actor.has_value()) << line;
    std::istringstream values(line.substr(at + 8));
    double x = 0.0;
    for (int t = 0; values >> x && t < common; ++t) {
      ASSERT_NEAR(r.states[t].outcome_prob[*actor], x, 0.5e-4 + 1e-12)
          << c << " history, turn " << t << ", " << line.substr(0, at);
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Ktab, KtabGolden,
    ::testing::Values(SmpGoldenCase{"dummy3", false}, SmpGoldenCase{"syn10d1", false},
                      SmpGoldenCase{"syn10d3", false}, SmpGoldenCase{"syn31d3", false},
                      SmpGoldenCase{"ideal1", false}, SmpGoldenCase{"var1", false},
                      SmpGoldenCase{"var2", false}, SmpGoldenCase{"var3", false},
                      SmpGoldenCase{"var4", false, 3}, SmpGoldenCase{"var7", false, 6, true},
                      SmpGoldenCase{"var5", true}, SmpGoldenCase{"var6", true}),
    [](const auto& info) { return info.param.name; });

// fail_bigrfull: KTAB throws in turn 0 for BigRAdjust = Full (its sanity check wants h's utility
// estimates to differ from the risk-aware utilities, and with Full they are equal by definition).
// entente has no such check, so the case runs; its perceived risks are every actor's own.
TEST(KtabGoldenFailure, BigRFullRunsInEntente) {
  testing::KtabCase l = LoadKtabCase("fail_bigrfull");
  ASSERT_EQ(l.import.options.big_r_adjust, SmpBigRAdjust::kFull);
  Result<SmpResult> r = RunSmp(l.problem, l.import.options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->stopped_by_rule);
  EXPECT_GE(r->states.size(), 3u);
  const SmpStateRecord& s0 = r->states[0];
  const smp::StateView view(l.problem, l.import.options, s0.position, s0.ideal);
  for (int h = 0; h < l.problem.num_actors; ++h) {
    for (int i = 0; i < l.problem.num_actors; ++i) {
      for (int j = 0; j < l.problem.num_actors; ++j) {
        ASSERT_EQ(view.Util(h, i, j), view.Util(i, i, j));  // h's estimate is i's own
      }
    }
  }
}

// var5/var6 match KTAB only with its bargain bugs on: without them, the first round differs.
TEST(KtabGoldenFailure, BargainBugsOnlyUnderCompatibility) {
  for (const char* c : {"var5", "var6"}) {
    testing::KtabCase l = LoadKtabCase(c);
    Result<SmpResult> r = RunSmp(l.problem, l.import.options);  // ktab_bargain_bugs = false
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_GE(r->states.size(), 2u);
    const KtabTable pos = ReadKtabTable(c, "positions.csv");
    double diff = 0.0;
    for (size_t row = 0; row < pos.rows.size(); ++row) {
      if (pos.I(row, "turn") != 1) continue;
      const size_t idx =
          static_cast<size_t>(pos.I(row, "actor")) * l.problem.num_dims + pos.I(row, "dim");
      diff = std::max(diff, std::fabs(r->states[1].position[idx] * 100.0 - pos.D(row, "position")));
    }
    EXPECT_GT(diff, 1e-3) << c;
  }
}

}  // namespace
}  // namespace entente
