// Hand-made model runs on SampleScenario() for the report writer tests.
#pragma once

#include <vector>

#include "entente/model.h"

namespace entente::test_data {

// A two-round "eum"-like run (preset "bdm") and a static "mean" run, both on both issues.
inline std::vector<ModelRun> SampleRuns() {
  ModelRun eum;
  eum.model = "eum";
  eum.preset = "bdm";
  IssueResult timing;
  timing.issue_id = "timing";
  timing.actor_ids = {"a", "b", "c"};
  timing.positions = {{10, 80, 50}, {20, 70, 50}, {0.1, 60, 50}};
  timing.forecast = 38.25;
  timing.rounds = 2;
  timing.converged = true;
  timing.stop = StopReason::kConverged;
  timing.message = "Converged after 2 rounds.";
  timing.interactions = {{.round = 1,
                          .actor = "a",
                          .counterpart = "b",
                          .eu_actor = -0.25,
                          .eu_counterpart = 0.5,
                          .probability = 0.4,
                          .kind = "compromise",
                          .from = 10,
                          .to = 20,
                          .accepted = true},
                         {.round = 1,
                          .actor = "b",
                          .counterpart = "c",
                          .eu_actor = -0.1,
                          .eu_counterpart = -0.2,
                          .probability = 0.7,
                          .kind = "stalemate",
                          .from = 80,
                          .to = 80,
                          .accepted = false},
                         {.round = 2,
                          .actor = "b",
                          .counterpart = "a",
                          .eu_actor = 0.3,
                          .eu_counterpart = 0.2,
                          .probability = 0.6,
                          .kind = "conflict",
                          .from = 70,
                          .to = 60,
                          .accepted = true}};
  IssueResult share;
  share.issue_id = "share";
  share.actor_ids = {"a", "b"};
  share.positions = {{0.2, 0.6}};
  share.forecast = 0.25;
  share.rounds = 0;
  share.converged = true;
  share.stop = StopReason::kConverged;
  share.message = "Nothing to do.";
  eum.issues = {timing, share};

  ModelRun mean;
  mean.model = "mean";
  IssueResult mt;
  mt.issue_id = "timing";
  mt.actor_ids = {"a", "b", "c"};
  mt.positions = {{10, 80, 50}};
  mt.forecast = 140.0 / 3.0;
  mt.stop = StopReason::kStatic;
  mt.converged = true;
  mt.message = "No bargaining.";
  IssueResult ms = mt;
  ms.issue_id = "share";
  ms.actor_ids = {"a", "b"};
  ms.positions = {{0.2, 0.6}};
  ms.forecast = 0.4;
  mean.issues = {mt, ms};
  return {eum, mean};
}

}  // namespace entente::test_data
