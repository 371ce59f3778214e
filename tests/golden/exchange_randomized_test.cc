// The randomized exchange variants: each logged REX exchange of the reference run checked
// against the Dijkstra et al. (2018) formula with its logged draws, the same check on our own
// runs, and statistical checks over many seeds (bit-equality with Python's RNG is not a goal).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "entente/exchange.h"
#include "golden/exchange_vectors.h"

namespace entente {
namespace {

using testing::CsvRow;
using testing::Num;
using testing::ReadCsvRows;

// dutch_models.md §4.10: K wins (v < 0.5) G + p·z·(eu_max − G), else loses G − p·z·G.
double RexGain(double g, double p, double v, double z, double eu_max) {
  return v < 0.5 ? g + p * z * (eu_max - g) : g - p * z * g;
}

// Weight sums D_d = Σ c·s per issue, from the case's input.
std::map<std::string, double> Denominators(const std::string& name) {
  std::map<std::string, double> d;
  for (const CsvRow& row : ReadCsvRows(testing::ExchangeVectorDir(name) + "/input.csv"))
    d[row.at("issue")] += Num(row, "power") * Num(row, "salience");
  return d;
}

struct SideView {
  double move, sal_supply, sal_demand, power, gain, u, v, z, eu_max;
  std::string supply;
};

// Checks one exchange: K's gain follows the formula; both gains follow from the moves
// (G_A = dp·s_Ap − dq·s_Aq, G_B = dq·s_Bq − dp·s_Bp, Stokman & Van Oosten 1994).
void CheckRex(double g, double p, const SideView& i, const SideView& j,
              const std::map<std::string, double>& denom) {
  const SideView& k = i.u < 0.5 ? i : j;
  EXPECT_NEAR(k.gain, RexGain(g, p, k.v, k.z, k.eu_max), 1e-9);
  const double dq = std::fabs(i.move) * i.power * i.sal_supply / denom.at(i.supply);
  const double dp = std::fabs(j.move) * j.power * j.sal_supply / denom.at(j.supply);
  EXPECT_NEAR(i.gain, dp * i.sal_demand - dq * i.sal_supply, 1e-9);
  EXPECT_NEAR(j.gain, dq * j.sal_demand - dp * j.sal_supply, 1e-9);
}

TEST(ExchangeRandomized, ReferenceRunFollowsTheFormula) {
  const std::string name = "synth6x3_rex_p0.5_seed0";
  const auto denom = Denominators(name);
  int checked = 0;
  for (const CsvRow& row : ReadCsvRows(testing::ExchangeVectorDir(name) + "/exchanges.csv")) {
    if (row.at("i_adjusted_by_nbs") != "0" || row.at("j_adjusted_by_nbs") != "0") continue;
    SCOPED_TRACE("round " + row.at("round") + " seq " + row.at("seq"));
    auto side = [&](const std::string& pre) {
      return SideView{Num(row, pre + "move"),       Num(row, pre + "sal_supply"),
                      Num(row, pre + "sal_demand"), Num(row, pre + "power_supply"),
                      Num(row, pre + "eu"),         Num(row, pre + "u"),
                      Num(row, pre + "v"),          Num(row, pre + "z"),
                      Num(row, pre + "eu_max"),     row.at(pre + "supply_issue")};
    };
    CheckRex(Num(row, "gain"), 0.5, side("i_"), side("j_"), denom);
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

ExchangeResult RunVariant(const std::string& name, ExchangeVariant variant, double p,
                          std::uint64_t seed, int rounds = 3) {
  ExchangeOptions opt;
  opt.variant = variant;
  opt.p = p;
  opt.seed = seed;
  opt.rounds = rounds;
  opt.record_candidates = true;
  Result<ExchangeResult> r = RunExchange(testing::LoadExchangeVectorScenario(name), opt);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r.value()) : ExchangeResult{};
}

TEST(ExchangeRandomized, OwnRunsFollowTheFormula) {
  const auto denom = Denominators("synth6x3");
  int checked = 0;
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    const ExchangeResult r = RunVariant("synth6x3", ExchangeVariant::kRandomized, 0.5, seed);
    for (const auto& round : r.rounds) {
      for (const auto& e : round.exchanges) {
        if (e.i.capped || e.j.capped) continue;
        auto side = [](const ExchangeSide& s) {
          return SideView{s.move, 0, 0, 0, s.gain, s.u, s.v, s.z, s.eu_max, s.supply_issue};
        };
        SideView i = side(e.i), j = side(e.j);
        // Saliences and power from the scenario.
        for (const CsvRow& row :
             ReadCsvRows(testing::ExchangeVectorDir("synth6x3") + "/input.csv")) {
          for (auto [view, ex] : {std::pair{&i, &e.i}, std::pair{&j, &e.j}}) {
            if (row.at("actor") != ex->actor) continue;
            if (row.at("issue") == ex->supply_issue) {
              view->sal_supply = Num(row, "salience");
              view->power = Num(row, "power");
            }
            if (row.at("issue") == ex->demand_issue) view->sal_demand = Num(row, "salience");
          }
        }
        CheckRex(e.gain, 0.5, i, j, denom);
        EXPECT_GE(e.i.eu_max, e.gain - 1e-12);
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 20);
}

TEST(ExchangeRandomized, PZeroIsEqualGainAndSeedsReproduce) {
  const ExchangeResult eg = RunVariant("synth6x3", ExchangeVariant::kEqualGain, 0.5, 0, 10);
  const ExchangeResult p0 = RunVariant("synth6x3", ExchangeVariant::kRandomized, 0.0, 7, 10);
  ASSERT_EQ(eg.rounds.size(), p0.rounds.size());
  for (std::size_t k = 0; k < eg.rounds.size(); ++k)
    for (std::size_t d = 0; d < eg.issue_ids.size(); ++d)
      EXPECT_NEAR(eg.rounds[k].outcome_voting[d], p0.rounds[k].outcome_voting[d], 1e-12);
  const ExchangeResult a = RunVariant("synth6x3", ExchangeVariant::kRandomized, 0.5, 42);
  const ExchangeResult b = RunVariant("synth6x3", ExchangeVariant::kRandomized, 0.5, 42);
  const ExchangeResult c = RunVariant("synth6x3", ExchangeVariant::kRandomized, 0.5, 43);
  EXPECT_EQ(a.rounds.back().outcome_voting, b.rounds.back().outcome_voting);
  EXPECT_NE(a.rounds.back().outcome_voting, c.rounds.back().outcome_voting);
}

// Over many seeds the winner's share of its possible extra gain, and the loser's share of its
// gain given up, both average p·E[z] = p/2 (z ~ U(0,1)).
TEST(ExchangeRandomized, MeanGainSplitMatchesTheFormula) {
  const double p = 0.5;
  double win = 0, lose = 0;
  int n_win = 0, n_lose = 0;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    const ExchangeResult r = RunVariant("synth6x3", ExchangeVariant::kRandomized, p, seed, 1);
    for (const auto& e : r.candidates_round1) {
      if (!e.valid || e.i.capped || e.j.capped) continue;
      const ExchangeSide& k = e.i.u < 0.5 ? e.i : e.j;
      if (k.v < 0.5) {
        if (k.eu_max - e.gain < 1e-9) continue;
        win += (k.gain - e.gain) / (k.eu_max - e.gain);
        ++n_win;
      } else {
        lose += (e.gain - k.gain) / e.gain;
        ++n_lose;
      }
    }
  }
  ASSERT_GT(n_win, 200);
  ASSERT_GT(n_lose, 200);
  // Standard error of a mean of p·z is p/sqrt(12 n) < 0.01 here.
  EXPECT_NEAR(win / n_win, p / 2, 0.04);
  EXPECT_NEAR(lose / n_lose, p / 2, 0.04);
}

// Random Rate: every realised exchange has a rate inside [s_Bp/s_Bq, s_Ap/s_Aq] where both gain
// (dutch_models.md §4.11), and over many seeds round 1's rates are spread uniformly over it.
TEST(ExchangeRandomRate, RatesLieUniformlyInTheRangeWhereBothGain) {
  std::map<std::pair<std::string, std::string>, double> sal;
  for (const CsvRow& row : ReadCsvRows(testing::ExchangeVectorDir("synth6x3") + "/input.csv"))
    sal[{row.at("actor"), row.at("issue")}] = Num(row, "salience");
  auto fraction = [&](const RealisedExchange& e) {
    const double lo = sal[{e.j.actor, e.p}] / sal[{e.j.actor, e.q}];
    const double hi = sal[{e.i.actor, e.p}] / sal[{e.i.actor, e.q}];
    return (e.dq / e.dp - lo) / (hi - lo);
  };
  double sum = 0, sum2 = 0;
  int n = 0, realised = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const ExchangeResult r = RunVariant("synth6x3", ExchangeVariant::kRandomRate, 0.0, seed, 2);
    for (const auto& round : r.rounds) {
      for (const auto& e : round.exchanges) {
        EXPECT_GT(e.i.gain, 0.0);
        EXPECT_GT(e.j.gain, 0.0);
        if (round.round == 1) {
          const double f = fraction(e);
          EXPECT_GE(f, -1e-9);
          EXPECT_LE(f, 1.0 + 1e-9);
        }
        ++realised;
      }
    }
    for (const auto& e : r.candidates_round1) {
      if (!e.valid) continue;
      const double f = fraction(e);
      sum += f;
      sum2 += f * f;
      ++n;
    }
  }
  ASSERT_GT(n, 500);
  EXPECT_GT(realised, 200);
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.5, 0.05);                         // U(0,1): mean 1/2
  EXPECT_NEAR(sum2 / n - mean * mean, 1.0 / 12, 0.02);  // variance 1/12
}

// Random Rate's matching (docs/models/exchange.md): round 1 starts with the first candidate, in
// creation order, that is the best of both partners by their own gains; when no candidate is,
// with the one whose worse-off partner gains most.
TEST(ExchangeRandomRate, FirstExchangeIsTheFirstMutualBest) {
  int mutual = 0;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    const ExchangeResult r = RunVariant("synth6x3", ExchangeVariant::kRandomRate, 0.0, seed, 1);
    ASSERT_FALSE(r.rounds.empty());
    if (r.rounds[0].exchanges.empty()) continue;
    const auto& cands = r.candidates_round1;
    std::map<std::string, double> best;
    for (const auto& c : cands) {
      if (!c.valid) continue;
      best[c.i.actor] = std::max(best.count(c.i.actor) ? best[c.i.actor] : -1.0, c.i.gain);
      best[c.j.actor] = std::max(best.count(c.j.actor) ? best[c.j.actor] : -1.0, c.j.gain);
    }
    const RealisedExchange* expected = nullptr;
    for (const auto& c : cands) {
      if (c.valid && c.i.gain >= best[c.i.actor] && c.j.gain >= best[c.j.actor]) {
        expected = &c;
        ++mutual;
        break;
      }
    }
    if (expected == nullptr) {
      for (const auto& c : cands) {
        if (c.valid && (expected == nullptr || std::min(c.i.gain, c.j.gain) >
                                                   std::min(expected->i.gain, expected->j.gain)))
          expected = &c;
      }
    }
    ASSERT_NE(expected, nullptr);
    const RealisedExchange& first = r.rounds[0].exchanges[0];
    SCOPED_TRACE("seed " + std::to_string(seed));
    EXPECT_EQ(first.i.actor, expected->i.actor);
    EXPECT_EQ(first.j.actor, expected->j.actor);
    EXPECT_EQ(first.i.supply_issue, expected->i.supply_issue);
    EXPECT_EQ(first.j.supply_issue, expected->j.supply_issue);
    EXPECT_NEAR(first.dq / first.dp, expected->dq / expected->dp, 1e-12);
  }
  EXPECT_GT(mutual, 0);
}

}  // namespace
}  // namespace entente
