// Monte Carlo sweeps: run one or more models many times over a scenario whose uncertain inputs
// (Scenario::uncertain, docs/formats/scenario.md "Uncertain inputs") are drawn afresh in every
// replication, and summarise the spread of each model's forecast per issue.
//
// Options -> Run -> Summary:
//   SweepOptions says which models, how many replications, the run seed, threads, thresholds;
//   RunSweep (or RunReplications + Summarize, for callers that store or distribute the work)
//   runs them; SweepSummary holds, per model and issue, the mean, median, 5–95 % interval,
//   histogram and threshold probabilities.
//
// Determinism: replication i draws its inputs from ReplicationSeed(seed, i) (uncertainty.h) and
// seeds each model's own randomness from that replication seed, so a replication's result does
// not depend on the thread, the batch, the MPI rank or the order it ran in. Summarize() reads
// the results in replication order, so the summary is bit-identical for any thread count and any
// split of the work (including a run interrupted and resumed).
//
// Thread-safety: RunReplications starts its own worker threads and calls the SweepSink from the
// calling thread only. The other functions are pure.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "entente/events.h"
#include "entente/model.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// "timing>=90": the probability that the forecast on an issue passes a value.
struct Threshold {
  enum class Op { kGe, kGt, kLe, kLt };
  std::string issue;
  Op op = Op::kGe;
  double value = 0.0;
  std::string text;  // as written, e.g. "timing>=90"

  bool Passes(double x) const;
};

// Parses ISSUE>=X, ISSUE>X, ISSUE<=X or ISSUE<X (spaces allowed around the operator).
// InvalidArgument naming what was expected.
Result<Threshold> ParseThreshold(const std::string& text);

// One model to run in every replication.
struct SweepModel {
  std::string name;    // registry name (`entente models`)
  RunOptions options;  // options.seed is overwritten per replication
};

struct SweepOptions {
  std::vector<SweepModel> models;  // at least one
  std::uint64_t samples = 1000;    // replications, >= 1
  std::uint64_t seed = 1;          // the run seed
  int threads = 0;                 // worker threads; 0 = std::thread::hardware_concurrency()
  // Replications per batch: the unit of work handed to a thread, of progress reports and of
  // store transactions. 0 = chosen from samples and threads.
  std::uint64_t batch = 0;
  EventSelection events;  // applied to every replication after its draw
  std::vector<Threshold> thresholds;
  int histogram_bins = 20;  // equal-width bins over each issue's scale, >= 1
};

// Checks the options against the scenario: known models and presets, samples >= 1, thresholds
// naming known issues, bins >= 1, a valid event selection.
Status ValidateSweepOptions(const Scenario& scenario, const SweepOptions& options);

// The seed a model's own randomness gets in a replication: ReplicationSeed(replication_seed,
// 2^32 + model index), a stream disjoint from the inputs' draws.
std::uint64_t ModelSeed(std::uint64_t replication_seed, std::size_t model_index);

// What one replication produced.
struct ReplicationResult {
  std::uint64_t index = 0;  // 0-based replication index
  std::uint64_t seed = 0;   // ReplicationSeed(run seed, index)
  // forecast[m * issues + i]: model m's forecast on issue i (scenario order).
  std::vector<double> forecast;
  // stop[m * issues + i]: the model's StopReason on that issue.
  std::vector<StopReason> stop;
};

// Runs one replication (single-threaded).
Result<ReplicationResult> RunReplication(const Scenario& scenario, const SweepOptions& options,
                                         std::uint64_t index);

// Receives finished batches and progress, always on the thread that called RunReplications.
class SweepSink {
 public:
  virtual ~SweepSink() = default;
  // A finished batch of replications (in index order within the batch; batches arrive in any
  // order). A non-OK status stops the sweep and is returned by RunReplications.
  virtual Status OnBatch(const std::vector<ReplicationResult>& batch) {
    (void)batch;
    return Status::Ok();
  }
  // `done` of `total` replications of this call are finished.
  virtual void OnProgress(std::uint64_t done, std::uint64_t total) {
    (void)done;
    (void)total;
  }
  // Polled between batches: true stops the sweep (RunReplications returns kInterrupted after
  // handing over every batch already finished).
  virtual bool Cancelled() { return false; }
};

// Runs the replications whose indices are listed (any order, no repeats) on options.threads
// threads, batch by batch, and returns their results sorted by index. `sink` may be null.
Result<std::vector<ReplicationResult>> RunReplications(const Scenario& scenario,
                                                       const SweepOptions& options,
                                                       const std::vector<std::uint64_t>& indices,
                                                       SweepSink* sink);

// Two forecasts closer than kSweepResolution × (the issue's scale width) differ by rounding
// alone (a model's last bits), not because an input moved them. The summary treats them as
// equal: a spread that narrow is reported as zero width, and a value that close below a
// histogram bin edge is counted in the bin above it.
inline constexpr double kSweepResolution = 1e-9;

// Whether forecasts a and b are equal at kSweepResolution on a scale `span` wide.
inline bool SameAtSweepResolution(double a, double b, double span) {
  const double gap = a > b ? a - b : b - a;
  return gap <= kSweepResolution * span;
}

// Distribution of one model's forecast on one issue over the replications.
struct SweepStat {
  std::string model;
  std::string preset;  // the preset that ran ("" for models without presets)
  std::string issue;
  // The forecast at the point values (each distribution's centre), i.e. what `entente run`
  // prints with the same events and options; the spread is read against it.
  double point = 0.0;
  std::uint64_t n = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n − 1); 0 when n = 1
  double min = 0.0;
  double p05 = 0.0;     // 5th percentile
  double median = 0.0;  // 50th percentile
  double p95 = 0.0;     // 95th percentile
  double max = 0.0;
  // Equal-width bins over [scale_min, scale_max]; bin k holds lo_k <= x < hi_k, the last bin
  // also x = scale_max; x within kSweepResolution of the scale width below hi_k counts in bin
  // k + 1.
  std::vector<double> bin_edges;  // histogram_bins + 1 values
  std::vector<std::uint64_t> histogram;
  std::vector<double> threshold_probability;  // per SweepOptions::thresholds on this issue
  std::vector<std::string> thresholds;        // their text, same order
  std::uint64_t not_converged = 0;            // replications that hit the round cap or halted
};

struct SweepSummary {
  std::uint64_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> models;  // display names (with preset), in options order
  std::vector<SweepStat> stats;     // model-major, issues in scenario order
};

// Percentiles use the linear interpolation of Hyndman & Fan (1996) definition 7 (R's default,
// numpy's "linear"): the p-quantile of sorted x[0..n-1] is x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]),
// h = (n − 1)p.
double Quantile(const std::vector<double>& sorted, double p);

// Summarises results (any order; every index 0..samples-1 exactly once, else kInternal). Also
// runs each model once at the point values for SweepStat::point.
Result<SweepSummary> Summarize(const Scenario& scenario, const SweepOptions& options,
                               std::vector<ReplicationResult> results);

// RunReplications over every index 0..samples-1, then Summarize.
Result<SweepSummary> RunSweep(const Scenario& scenario, const SweepOptions& options,
                              SweepSink* sink = nullptr);

}  // namespace entente
