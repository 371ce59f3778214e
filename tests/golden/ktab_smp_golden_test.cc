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

#include "entente/convert.h"
#include "entente/io.h"
#include "entente/spatial_pce.h"
#include "models/spatial_pce/challenge.h"
#include "models/spatial_pce/smp_state.h"

namespace entente {
namespace {

constexpr double kTol = 1e-9;

std::string CaseDir(const std::string& c) {
  return std::string(ENTENTE_SHARED_DIR) + "/vectors/ktab/" + c + "/";
}

// A vector CSV file: header names → column, rows of strings.
struct Table {
  std::map<std::string, int> col;
  std::vector<std::vector<std::string>> rows;
  bool present = false;
  double D(size_t r, const std::string& c) const { return std::stod(rows[r][col.at(c)]); }
  int I(size_t r, const std::string& c) const { return std::stoi(rows[r][col.at(c)]); }
  const std::string& S(size_t r, const std::string& c) const { return rows[r][col.at(c)]; }
};

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : line) {
    if (ch == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (ch != '\r') {
      cur += ch;
    }
  }
  out.push_back(cur);
  return out;
}

Table ReadTable(const std::string& c, const std::string& file) {
  Table t;
  std::ifstream in(CaseDir(c) + file);
  if (!in) return t;
  t.present = true;
  std::string line;
  std::getline(in, line);
  const auto head = Split(line);
  for (size_t i = 0; i < head.size(); ++i) t.col[head[i]] = static_cast<int>(i);
  while (std::getline(in, line)) {
    if (!line.empty()) t.rows.push_back(Split(line));
  }
  return t;
}

struct Loaded {
  KtabImport import;
  SmpProblem problem;
};

Loaded Load(const std::string& c) {
  Loaded l;
  const std::string csv = CaseDir(c) + "input.csv";
  const std::string xml = CaseDir(c) + "input.xml";
  const bool is_csv = static_cast<bool>(std::ifstream(csv));
  Result<std::string> text = ReadFile(is_csv ? csv : xml);
  EXPECT_TRUE(text.ok()) << text.status().message();
  Result<KtabImport> imp = is_csv ? ImportKtabCsv(*text, csv) : ImportKtabXml(*text, xml);
  EXPECT_TRUE(imp.ok()) << imp.status().message();
  l.import = *imp;
  Result<SmpProblem> p = SmpProblemFromScenario(l.import.scenario, l.import.accommodation);
  EXPECT_TRUE(p.ok()) << p.status().message();
  l.problem = *p;
  return l;
}

// Tolerance for the PCE probabilities of one bargain queue. When two bargains in a queue leave
// every actor with the same utility up to rounding (two initiators at one point offering the
// receiver the same deal), the coalition strengths between them are 1e-8 plus rounding noise,
// and the noise, which depends on the order of floating-point sums, is amplified ~1e8-fold.
// Such queues are compared to 1e-6; every other queue to 1e-9.
double QueueTolerance(const SmpTurnDetail& det, int k, double tol) {
  const auto& q = det.queue[k];
  for (size_t x = 0; x < q.size(); ++x) {
    for (size_t y = 0; y < x; ++y) {
      const auto& ux = det.bargain_util[q[x]];
      const auto& uy = det.bargain_util[q[y]];
      bool tie = true;
      for (size_t a = 0; a < ux.size() && tie; ++a) tie = std::fabs(ux[a] - uy[a]) < 1e-12;
      if (tie) return std::max(tol, 1e-6);
    }
  }
  return tol;
}

struct SmpGoldenCase {
  std::string name;
  bool compat = false;  // run with KTAB's bargain bugs
  // Documented exceptions (docs/models/spatial_pce.md, "Known differences"):
  // var4 (Binary victory model): matched only to ~1e-5, so compared to 1e-4 over the 3 states
  // before a near-tie choice departs.
  double tol = kTol;
  // var7 (ASymProsp): KTAB's queue order is its threads' finishing order, and with an asymmetric
  // voting rule the queue PCE depends on it; queue probabilities are not compared and only the
  // states before the first order-dependent choice are.
  // 0 = every state, and the number of states must match; > 0 = only that many states, and no
  // queue probabilities.
  int compare_states = 0;
};

void PrintTo(const SmpGoldenCase& g, std::ostream* os) { *os << g.name; }

class KtabGolden : public ::testing::TestWithParam<SmpGoldenCase> {};

TEST_P(KtabGolden, MatchesKtab) {
  const std::string c = GetParam().name;
  Loaded l = Load(c);
  SmpOptions o = l.import.options;
  o.ktab_bargain_bugs = GetParam().compat;
  o.record_detail = true;
  Result<SmpResult> run = RunSmp(l.problem, o);
  ASSERT_TRUE(run.ok()) << run.status().message();
  const SmpResult& r = *run;
  const int d = l.problem.num_dims;

  // Tables are checked turn by turn, in the order the model computes them, so the first
  // failure names the first quantity that departs from KTAB.
  const Table pos = ReadTable(c, "positions.csv");
  ASSERT_TRUE(pos.present);
  const int states = pos.I(pos.rows.size() - 1, "turn") + 1;
  const Table prob = ReadTable(c, "pos_prob.csv");
  ASSERT_TRUE(prob.present);
  const Table eq = ReadTable(c, "pos_equiv.csv");
  const Table util = ReadTable(c, "pos_util.csv");
  const Table pv = ReadTable(c, "prob_vict.csv");
  const Table uc = ReadTable(c, "util_chlg.csv");
  const Table bg = ReadTable(c, "bargn.csv");
  const Table bc = ReadTable(c, "bargn_coords.csv");
  const Table bu = ReadTable(c, "bargn_util.csv");
  const double tol = GetParam().tol;
  const int limit = GetParam().compare_states > 0 ? GetParam().compare_states : states;
  const int common = std::min<int>(limit, static_cast<int>(r.states.size()));
  for (int t = 0; t < common; ++t) {
    const SmpStateRecord& s = r.states[t];
    const auto rows = [t](const Table& tab) {
      std::vector<size_t> out;
      for (size_t row = 0; row < tab.rows.size(); ++row) {
        if (tab.I(row, "turn") == t) out.push_back(row);
      }
      return out;
    };
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
    std::vector<int> canon(det.bargains.size());
    std::iota(canon.begin(), canon.end(), 0);
    std::stable_sort(canon.begin(), canon.end(), [&](int x, int y) {
      return std::pair(det.bargains[x].init, det.bargains[x].recd) <
             std::pair(det.bargains[y].init, det.bargains[y].recd);
    });
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
        ASSERT_NEAR(det.queue_prob[k][at], bg.D(row, column), QueueTolerance(det, k, tol))
            << c << " turn " << t << " bargain " << b << " in the queue of " << k;
      };
      if (GetParam().compare_states > 0) continue;
      check_queue(x.init, "init_prob");
      if (x.init != x.recd) check_queue(x.recd, "recd_prob");
    }
  }
  if (GetParam().compare_states == 0) {
    ASSERT_EQ(static_cast<int>(r.states.size()), states) << c << ": number of states";
  }

  // history.txt: KTAB's printed winning probabilities (pDist(-1), every actor voting with its
  // own utilities; 4 decimals), the one perspective not in pos_prob.csv.
  std::ifstream hist(CaseDir(c) + "history.txt");
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
                      SmpGoldenCase{"var4", false, 1e-4, 3}, SmpGoldenCase{"var7", false, kTol, 6},
                      SmpGoldenCase{"var5", true}, SmpGoldenCase{"var6", true}),
    [](const auto& info) { return info.param.name; });

// fail_bigrfull: KTAB throws in turn 0 for BigRAdjust = Full (its sanity check wants h's utility
// estimates to differ from the risk-aware utilities, and with Full they are equal by definition).
// entente has no such check, so the case runs; its perceived risks are every actor's own.
TEST(KtabGoldenFailure, BigRFullRunsInEntente) {
  Loaded l = Load("fail_bigrfull");
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
    Loaded l = Load(c);
    Result<SmpResult> r = RunSmp(l.problem, l.import.options);  // ktab_bargain_bugs = false
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_GE(r->states.size(), 2u);
    const Table pos = ReadTable(c, "positions.csv");
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
