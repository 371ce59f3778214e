// Baseline forecasts: one-shot central tendencies of the actors' stated positions.
//
// Each baseline is a Model that runs no bargaining rounds: per issue it reports the input
// positions as round 0, the statistic as the forecast, StopReason::kStatic, rounds = 0 and a
// sentence naming the statistic. They are the yardsticks every bargaining model must beat
// (Achen 2006 ch. 10 compares the DEU models against exactly these).
//
// Thread-safety: stateless; Run may be called from many threads.
#pragma once

#include <memory>

#include "entente/model.h"

namespace entente {

// `compromise`: capability × salience weighted mean. Achen 2006 / Van den Bos 1991;
// shared/models/dutch_models.md §2: O = Σ c s x / Σ c s.
std::unique_ptr<Model> MakeCompromiseModel();
// `weighted-median`: capability × salience weighted median (the smallest position at which the
// cumulative weight reaches half the total; dutch_models.md §5, lower-point convention).
std::unique_ptr<Model> MakeWeightedMedianModel();
// `mean`: the unweighted mean position.
std::unique_ptr<Model> MakeMeanModel();
// `median`: the unweighted lower median position.
std::unique_ptr<Model> MakeMedianModel();
// `salience-mean`: the salience-weighted mean (dutch_models.md §2, "salience only" variant).
std::unique_ptr<Model> MakeSalienceMeanModel();

}  // namespace entente
