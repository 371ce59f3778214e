// Model: the interface every bargaining or forecasting model implements, and the result types
// they share. Start here when adding a model: implement Model, then add one line to the
// registry (src/models/registry.cc).
//
// Options -> Run -> Summary: RunOptions says what to run; Model::Run returns a ModelRun with,
// per issue, the trajectory of positions, the forecast per round, whether it converged and a
// human-readable message. A model never throws on user input; it returns a Status.
//
// Thread-safety: a Model object holds no mutable state; Run may be called from many threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

struct RunOptions {
  std::string preset;  // "" = the model's default preset
  int max_rounds = 0;  // 0 = the model's (or preset's) default round cap
  // Convergence: every position moved less than this fraction of the issue's scale width; 0 =
  // the model's (or preset's) default (eum: its `tolerance` parameter, 1e-6, i.e. 0.0001
  // points on a 0-100 scale).
  double tolerance = 0.0;
  std::uint64_t seed = 0;      // for models with randomness; ignored by deterministic ones
  bool record_detail = false;  // keep per-round interactions (for `entente explain`)
  // Model-specific named options ("q=0.5"), validated by the model.
  std::map<std::string, std::string> params;
  // Cancellation: models with rounds poll it at least once per round (and between issues);
  // once it returns true the run stops and Model::Run returns Status::Interrupted. Empty =
  // never cancelled. The CLI sets it from SIGINT / SIGTERM (src/cli/interrupt.h). It must be
  // cheap and safe to call from the thread running the model.
  std::function<bool()> cancel;

  bool Cancelled() const { return cancel && cancel(); }
};

// The Status a model returns when RunOptions::cancel stopped it: "<model>: interrupted before
// round N[ of issue 'ID']".
Status CancelledStatus(const std::string& model, int round, const std::string& issue_id);

// Why a run stopped.
enum class StopReason {
  kConverged,  // positions stopped moving (within tolerance)
  kTwoCycle,   // positions alternate between two states
  kRoundCap,   // ran the maximum number of rounds
  kHalted,     // the model cannot continue (e.g. a degenerate state); see message
  kStatic,     // a one-shot rule (no rounds), e.g. the weighted median
  kCycle,      // positions repeat an earlier round's state k >= 3 rounds back (IssueResult::cycle)
};

const char* StopReasonName(StopReason reason);  // "converged", "two-cycle", "cycle", ...

// One actor's dealing with another in a round, for `explain`.
struct Interaction {
  int round = 0;            // 1-based round in which it happened
  std::string actor;        // the actor whose view this is (receives the proposal)
  std::string counterpart;  // the other actor
  double eu_actor = 0.0;    // actor's expected utility of challenging counterpart
  double eu_counterpart =
      0.0;                   // counterpart's expected utility of challenging actor (as perceived)
  double probability = 0.0;  // actor's probability of winning a contest with counterpart
  std::string kind;          // e.g. "conflict", "compromise", "capitulation", "stalemate"
  double from = 0.0;         // actor's position before the round
  double to = 0.0;           // where the proposal would move the actor
  bool accepted = false;     // whether the actor took this proposal
};

// Per-round per-actor numbers a model wants to report (e.g. EUM risk exponents).
struct RoundSeries {
  std::string name;                         // e.g. "risk"
  std::vector<std::vector<double>> values;  // [round-1][actor]
};

// The result of a model on one issue.
struct IssueResult {
  std::string issue_id;
  std::vector<std::string> actor_ids;
  // positions[t][a]: round 0 is the input; round t the positions after t rounds.
  std::vector<std::vector<double>> positions;
  // Per round t (same length as positions): capability×salience-weighted median and mean.
  std::vector<double> weighted_median;
  std::vector<double> weighted_mean;
  double forecast = 0.0;  // the model's headline forecast for the issue
  int rounds = 0;         // rounds actually run
  bool converged = false;
  StopReason stop = StopReason::kRoundCap;
  int cycle = 0;        // the cycle's length k (2 for kTwoCycle, >= 3 for kCycle), else 0
  std::string message;  // one human sentence: what happened and why it stopped
  std::vector<Interaction> interactions;  // only when RunOptions::record_detail
  std::vector<RoundSeries> series;
};

struct ModelRun {
  std::string model;
  std::string preset;
  std::map<std::string, std::string> options;  // every option in force, for the output header
  std::vector<IssueResult> issues;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual std::string name() const = 0;
  // Runs the model on every issue of the scenario.
  // REQUIRES: scenario passed validation (LoadScenario guarantees it).
  virtual Result<ModelRun> Run(const Scenario& scenario, const RunOptions& options) const = 0;
};

struct PresetInfo {
  std::string name;
  std::string description;  // one line
};

struct ModelInfo {
  std::string name;
  std::string description;          // one line
  std::vector<PresetInfo> presets;  // first = default; may be empty
  std::function<std::unique_ptr<Model>()> create;
};

// Every model entente knows, in display order.
const std::vector<ModelInfo>& ModelRegistry();
// Looks a model up by name; InvalidArgument (listing the known names) when unknown.
Result<const ModelInfo*> FindModel(const std::string& name);

}  // namespace entente
