#include "models/spatial_pce/round.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace entente::smp {
namespace {

// Four actors on one dimension; the strong actor 1 at 0.8.
SmpProblem RoundProblem() {
  SmpProblem p;
  p.num_actors = 4;
  p.num_dims = 1;
  p.capability = {50.0, 150.0, 80.0, 60.0};
  p.position = {0.2, 0.8, 0.5, 0.35};
  p.salience = {0.9, 0.8, 0.7, 0.6};
  return p;
}

TEST(SmpRound, StatusQuosFirstThenProposalsInInitiatorOrder) {
  const SmpProblem p = RoundProblem();
  const SmpOptions o;
  const StateView s(p, o, p.position, p.position);
  const Round r = ProposeRound(s);
  ASSERT_GT(r.bargains.size(), 4u);
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(r.bargains[k].init, k);
    EXPECT_EQ(r.bargains[k].recd, k);
  }
  for (size_t b = 5; b < r.bargains.size(); ++b) {
    EXPECT_LT(r.bargains[b - 1].init, r.bargains[b].init);
  }
  // The status quo is worth the mean of every actor's utilities of the current positions.
  for (int a = 0; a < 4; ++a) {
    double mean = 0.0;
    for (int m = 0; m < 4; ++m) mean += s.Util(a, a, m) / 4.0;
    EXPECT_NEAR(r.bargain_util[a][a], mean, 1e-15);
  }
  // Every queue starts with its owner's status quo and holds each bargain its owner is part of.
  const std::vector<std::vector<int>> q = StandardQueues(r.bargains, 4);
  for (int k = 0; k < 4; ++k) {
    ASSERT_FALSE(q[k].empty());
    EXPECT_EQ(q[k][0], k);
    for (size_t b = 4; b < r.bargains.size(); ++b) {
      const bool member = r.bargains[b].init == k || r.bargains[b].recd == k;
      EXPECT_EQ(std::count(q[k].begin(), q[k].end(), static_cast<int>(b)), member ? 1 : 0);
    }
  }
}

// The queue PCE is symmetric in the order of the queue under a symmetric voting rule, and not
// under ASymProsp, which votes each pair once, later entry over earlier (KTAB's Model::coalitions).
TEST(SmpRound, OnlyTheAsymmetricRuleDependsOnQueueOrder) {
  const SmpProblem p = RoundProblem();
  for (SmpVotingRule rule : {SmpVotingRule::kProp, SmpVotingRule::kASymProsp}) {
    SmpOptions o;
    o.voting_rule = rule;
    const StateView s(p, o, p.position, p.position);
    const Round r = ProposeRound(s);
    const std::vector<int> queue = StandardQueues(r.bargains, 4)[1];
    ASSERT_GE(queue.size(), 2u);
    std::vector<int> reversed(queue.rbegin(), queue.rend());
    const std::vector<double> forward = QueueProbabilities(s, r, queue);
    const std::vector<double> backward = QueueProbabilities(s, r, reversed);
    double diff = 0.0;
    for (size_t i = 0; i < queue.size(); ++i) {
      diff = std::max(diff, std::fabs(forward[i] - backward[queue.size() - 1 - i]));
    }
    if (rule == SmpVotingRule::kProp) {
      EXPECT_LT(diff, 1e-15);
    } else {
      EXPECT_GT(diff, 1e-6);
    }
  }
}

TEST(SmpRound, MostProbableTakesTheFirstOfTiedEntries) {
  EXPECT_EQ(MostProbable({0.2, 0.5, 0.3}), 1);
  EXPECT_EQ(MostProbable({1.0 / 3, 1.0 / 3, 1.0 / 3}), 0);
  EXPECT_EQ(MostProbable({0.1, 0.45, 0.45}), 1);
}

}  // namespace
}  // namespace entente::smp
