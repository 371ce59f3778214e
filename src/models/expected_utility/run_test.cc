// Properties of RunExpectedUtility and the `eum` model (bdm preset unless stated).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "entente/expected_utility.h"
#include "entente/model.h"
#include "testing/synthetic_actors.h"

namespace entente {
namespace {

IssueTable RandomTable(std::size_t n, unsigned seed) { return test_data::SyntheticActors(n, seed); }

ExpectedUtilityOptions Bdm() { return *ExpectedUtilityPreset("bdm"); }

TEST(EumRun, OutcomeStaysInsideTheScale) {
  for (const char* preset : {"bdm", "scholz-code", "masad", "scholz-equations"}) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
      const IssueTable t = RandomTable(15, seed);
      const auto [lo, hi] = std::minmax_element(t.position.begin(), t.position.end());
      const IssueResult r = RunExpectedUtility(t, *ExpectedUtilityPreset(preset), RunOptions{});
      for (const auto& round : r.positions) {
        for (double x : round) {
          EXPECT_GE(x, *lo);
          EXPECT_LE(x, *hi);
        }
      }
      EXPECT_GE(r.forecast, *lo);
      EXPECT_LE(r.forecast, *hi);
      EXPECT_FALSE(r.message.empty());
    }
  }
}

TEST(EumRun, PermutingActorsLeavesTheForecastUnchanged) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const IssueTable t = RandomTable(12, seed);
    IssueTable p = t;
    std::vector<std::size_t> order(t.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = order.size() - 1 - k;
    for (std::size_t k = 0; k < order.size(); ++k) {
      p.actor_ids[k] = t.actor_ids[order[k]];
      p.position[k] = t.position[order[k]];
      p.capability[k] = t.capability[order[k]];
      p.salience[k] = t.salience[order[k]];
    }
    const IssueResult a = RunExpectedUtility(t, Bdm(), RunOptions{});
    const IssueResult b = RunExpectedUtility(p, Bdm(), RunOptions{});
    EXPECT_NEAR(a.forecast, b.forecast, 1e-9) << "seed " << seed;
    EXPECT_EQ(a.rounds, b.rounds);
  }
}

TEST(EumRun, RescalingCapabilitiesLeavesTheForecastUnchanged) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const IssueTable t = RandomTable(12, seed);
    IssueTable s = t;
    for (double& c : s.capability) c *= 1000.0;
    const IssueResult a = RunExpectedUtility(t, Bdm(), RunOptions{});
    const IssueResult b = RunExpectedUtility(s, Bdm(), RunOptions{});
    EXPECT_NEAR(a.forecast, b.forecast, 1e-9) << "seed " << seed;
  }
}

TEST(EumRun, IdenticalPositionsConvergeInZeroRounds) {
  IssueTable t = RandomTable(6, 1);
  std::fill(t.position.begin(), t.position.end(), 42.0);
  const IssueResult r = RunExpectedUtility(t, Bdm(), RunOptions{});
  EXPECT_EQ(r.rounds, 0);
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.stop, StopReason::kConverged);
  EXPECT_DOUBLE_EQ(r.forecast, 42.0);
  ASSERT_EQ(r.positions.size(), 1u);
}

TEST(EumRun, BdmStopsOnConvergenceOrCycleBeforeTheCap) {
  for (unsigned seed = 1; seed <= 10; ++seed) {
    const IssueResult r = RunExpectedUtility(RandomTable(10, seed), Bdm(), RunOptions{});
    ASSERT_EQ(r.positions.size(), static_cast<std::size_t>(r.rounds) + 1);
    ASSERT_EQ(r.series.size(), 1u);
    EXPECT_EQ(r.series[0].values.size(), static_cast<std::size_t>(r.rounds));
    if (r.stop == StopReason::kConverged) {
      EXPECT_EQ(r.positions[r.rounds], r.positions[r.rounds - 1]);
    } else if (r.stop == StopReason::kTwoCycle) {
      EXPECT_EQ(r.positions[r.rounds], r.positions[r.rounds - 2]);
    } else if (r.stop == StopReason::kCycle) {
      EXPECT_EQ(r.positions[r.rounds], r.positions[r.rounds - r.cycle]);
    } else {
      EXPECT_EQ(r.rounds, 100);
    }
  }
}

// A hand-sized table, from a search over random 3–8 actor tables, on which bdm cycles through
// `k` states without converging.
IssueTable CyclingTable(const std::vector<std::array<double, 3>>& rows) {
  IssueTable t;
  t.issue_id = "cycling";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    t.actor_ids.push_back(std::string(1, static_cast<char>('a' + k)));
    t.actor_index.push_back(k);
    t.capability.push_back(rows[k][0]);
    t.salience.push_back(rows[k][1]);
    t.position.push_back(rows[k][2]);
  }
  return t;
}

TEST(EumRun, BdmStopsOnACycleLongerThanTwo) {
  // {capability, salience, position}: cycles of length 3 and 4.
  const std::vector<std::vector<std::array<double, 3>>> tables = {
      {{6, 0.2, 80}, {7, 0.2, 100}, {3, 0.3, 0}, {8, 0.9, 0}, {1, 0.6, 0}, {5, 1, 0}, {8, 0.3, 80}},
      {{9, 1, 50}, {6, 1, 80}, {2, 0.5, 80}, {4, 0.3, 100}}};
  const int lengths[] = {3, 4};
  for (std::size_t c = 0; c < tables.size(); ++c) {
    const IssueTable t = CyclingTable(tables[c]);
    const IssueResult r = RunExpectedUtility(t, Bdm(), RunOptions{});
    EXPECT_EQ(r.stop, StopReason::kCycle) << r.message;
    EXPECT_EQ(r.cycle, lengths[c]) << r.message;
    EXPECT_FALSE(r.converged);
    ASSERT_GE(r.rounds, r.cycle);          // the first table returns to its input after 3 rounds
    EXPECT_LT(r.rounds, 20) << r.message;  // stopped at the first repeat, far from the cap of 100
    EXPECT_EQ(r.positions[r.rounds], r.positions[r.rounds - r.cycle]);
    EXPECT_NE(r.message.find("a cycle of length " + std::to_string(lengths[c])), std::string::npos)
        << r.message;
    // Without stop_early the run goes to the cap and, like the replication presets, reports no
    // cycle longer than two.
    ExpectedUtilityOptions full = Bdm();
    full.stop_early = false;
    const IssueResult capped = RunExpectedUtility(t, full, RunOptions{});
    EXPECT_EQ(capped.rounds, 100);
    EXPECT_EQ(capped.stop, StopReason::kRoundCap) << capped.message;
    EXPECT_EQ(capped.positions[r.rounds], r.positions[r.rounds]);  // same trajectory
  }
}

TEST(EumRun, MaxRoundsOverridesThePreset) {
  RunOptions run;
  run.max_rounds = 3;
  ExpectedUtilityOptions o = *ExpectedUtilityPreset("scholz-code");
  const IssueResult r = RunExpectedUtility(RandomTable(8, 2), o, run);
  EXPECT_EQ(r.rounds, 3);
  EXPECT_EQ(r.stop == StopReason::kRoundCap || r.stop == StopReason::kConverged ||
                r.stop == StopReason::kTwoCycle,
            true);
}

TEST(EumRun, ToleranceDecidesWhenTheRunHasConverged) {
  // A looser tolerance stops the same trajectory no later, and only once every move in the last
  // round is below it; RunOptions::tolerance, when set, overrides the option.
  int earlier = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const IssueTable table = RandomTable(12, seed);
    const IssueResult tight = RunExpectedUtility(table, Bdm(), RunOptions{});
    ExpectedUtilityOptions loose = Bdm();
    loose.tolerance = 1e-2;
    const IssueResult r = RunExpectedUtility(table, loose, RunOptions{});
    ASSERT_LE(r.rounds, tight.rounds) << seed;
    for (int t = 0; t <= r.rounds; ++t) ASSERT_EQ(r.positions[t], tight.positions[t]) << seed;
    if (r.stop == StopReason::kConverged && r.rounds > 0) {
      const double width = table.scale_max - table.scale_min;
      for (std::size_t k = 0; k < table.size(); ++k) {
        EXPECT_LT(std::abs(r.positions[r.rounds][k] - r.positions[r.rounds - 1][k]), 1e-2 * width);
      }
    }
    earlier += r.rounds < tight.rounds;
    RunOptions run;
    run.tolerance = 1e-6;
    const IssueResult overridden = RunExpectedUtility(table, loose, run);
    EXPECT_EQ(overridden.rounds, tight.rounds) << seed;
    EXPECT_EQ(overridden.positions, tight.positions) << seed;
  }
  EXPECT_GT(earlier, 0);  // the looser tolerance made a difference somewhere
}

TEST(EumRun, DetailRecordsEveryOrderedPairEachRound) {
  RunOptions run;
  run.max_rounds = 2;
  run.record_detail = true;
  ExpectedUtilityOptions o = Bdm();
  o.stop_early = false;
  const IssueResult r = RunExpectedUtility(RandomTable(5, 3), o, run);
  EXPECT_EQ(r.interactions.size(), static_cast<std::size_t>(r.rounds) * 5 * 4);
  for (const Interaction& in : r.interactions) {
    if (in.accepted) {
      EXPECT_NE(in.kind, "stalemate");
      EXPECT_EQ(r.positions[in.round][std::stoul(in.actor.substr(1))], in.to);
    }
  }
}

TEST(EumRun, ContestsPerClassGiveTheAllPairsResult) {
  // Without detail a round evaluates one contest per pair of actor classes (same position,
  // exponent and salience; Contest::representatives); with detail, every ordered pair. Both
  // must give the same rounds to the bit, for every preset: 40 actors in 10 groups alike
  // except for capability (which enters only the votes), so classes hold several actors.
  IssueTable t = RandomTable(40, 11);
  for (std::size_t k = 10; k < t.size(); ++k) {
    t.position[k] = t.position[k % 10];
    t.salience[k] = t.salience[k % 10];
  }
  for (const char* preset : {"bdm", "scholz-code", "masad", "scholz-equations"}) {
    for (double q : {1.0, 0.5}) {
      ExpectedUtilityOptions o = *ExpectedUtilityPreset(preset);
      o.q = q;
      RunOptions plain, detail;
      plain.max_rounds = detail.max_rounds = 15;
      detail.record_detail = true;
      const IssueResult a = RunExpectedUtility(t, o, plain);
      const IssueResult b = RunExpectedUtility(t, o, detail);
      EXPECT_GT(a.rounds, 0) << preset << " q=" << q;
      EXPECT_EQ(a.rounds, b.rounds) << preset << " q=" << q;
      EXPECT_EQ(a.positions, b.positions) << preset << " q=" << q;
      ASSERT_EQ(a.series.size(), b.series.size());
      for (std::size_t s = 0; s < a.series.size(); ++s) {
        EXPECT_EQ(a.series[s].values, b.series[s].values) << preset << " q=" << q;
      }
    }
  }
}

TEST(EumRun, MasadHaltsCleanlyOnEqualSecurityLevels) {
  IssueTable t = RandomTable(2, 1);
  t.position = {0.0, 1.0};
  t.salience = {1.0, 1.0};
  t.capability = {1.0, 1.0};
  // Two identical actors: equal security levels from round 1.
  const IssueResult r = RunExpectedUtility(t, *ExpectedUtilityPreset("masad"), RunOptions{});
  EXPECT_EQ(r.stop, StopReason::kHalted);
  EXPECT_NE(r.message.find("security"), std::string::npos);
}

TEST(EumRun, TimedEventsApplyBeforeTheirRound) {
  const IssueTable t = RandomTable(6, 4);
  Event consensus;
  consensus.id = "consensus";
  consensus.round = 2;
  for (const std::string& id : t.actor_ids) {
    EventChange c;
    c.actor = id;
    c.issue = t.issue_id;
    c.field = EventChange::Field::kPosition;
    c.op = EventChange::Op::kSet;
    c.value = 50.0;
    consensus.changes.push_back(c);
  }
  ExpectedUtilityOptions o = Bdm();
  o.stop_early = false;
  RunOptions run;
  run.max_rounds = 3;
  const IssueResult plain = RunExpectedUtility(t, o, run);
  const IssueResult shocked = RunExpectedUtility(t, o, run, {consensus});
  EXPECT_EQ(shocked.positions[1], plain.positions[1]);              // round 1 is before the event
  for (double x : shocked.positions[2]) EXPECT_DOUBLE_EQ(x, 50.0);  // nobody left to bargain
  EXPECT_DOUBLE_EQ(shocked.forecast, 50.0);
}

TEST(EumModel, RunsEveryIssueOfAScenario) {
  Scenario s;
  for (const char* id : {"a", "b", "c"}) {
    Actor a;
    a.id = id;
    a.capability = 1.0;
    s.actors.push_back(a);
  }
  for (const char* id : {"x", "y"}) {
    Issue i;
    i.id = id;
    s.issues.push_back(i);
  }
  s.stances = {{Stance{0.0, 0.5}, Stance{50.0, 0.5}, Stance{100.0, 0.9}},
               {Stance{10.0, 1.0}, std::nullopt, Stance{20.0, 0.2}}};
  const std::unique_ptr<Model> model = FindModel("eum").value()->create();
  Result<ModelRun> run = model->Run(s, RunOptions{});
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->preset, "bdm");
  ASSERT_EQ(run->issues.size(), 2u);
  EXPECT_EQ(run->issues[1].actor_ids.size(), 2u);
  EXPECT_EQ(run->options.at("denominator"), "contest-votes");
  RunOptions bad;
  bad.params = {{"bogus", "1"}};
  EXPECT_EQ(model->Run(s, bad).status().code(), StatusCode::kInvalidArgument);
  RunOptions unknown;
  unknown.preset = "nope";
  EXPECT_EQ(model->Run(s, unknown).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente
