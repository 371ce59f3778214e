// Uncertain inputs: sampling a scenario's uncertain numbers (Scenario::uncertain) into a point
// scenario that any model can run, with a seed derived per replication so that a Monte Carlo sweep
// gives identical results for any thread count, any split of the work and any number of MPI ranks.
//
// Thread-safety: every function here is pure (no shared state); call from any thread.
#pragma once

#include <cstdint>
#include <string>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// The distribution's centre, used as the point value by `entente run`: uniform -> midpoint,
// triangular -> mode, normal -> mean, experts -> mean of the estimates.
double PointValue(const Distribution& distribution);

// The seed of replication `index` of a run seeded with `run_seed`: a counter-based mix
// (SplitMix64's finaliser over run_seed and index), so replication i's seed does not depend on
// which replications ran before it or where.
std::uint64_t ReplicationSeed(std::uint64_t run_seed, std::uint64_t index);

// Draws one value from `distribution` using only `seed` (deterministic).
double SampleValue(const Distribution& distribution, std::uint64_t seed);

// Returns a copy of `base` in which every uncertain input holds a value drawn with a seed derived
// from `replication_seed` and the input's index in base.uncertain; positions are clamped to the
// issue scale, salience to [0, 1], capability to >= 0. `uncertain` is left as it was.
Scenario SampleScenario(const Scenario& base, std::uint64_t replication_seed);

// Sets the field an uncertain input names to `value` (clamped as above). For sensitivity analysis.
void SetInput(Scenario& scenario, const UncertainInput& input, double value);
// Reads the current value of the field an uncertain input names.
double GetInput(const Scenario& scenario, const UncertainInput& input);

}  // namespace entente
