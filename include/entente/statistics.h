// Weighted central tendencies used as forecasts and baselines.
//
// Contracts shared by all functions: values and weights have the same length; weights are >= 0.
// When every weight is zero the unweighted statistic is returned (a documented fallback, so that
// a table of zero saliences still yields a number). REQUIRES: values non-empty.
#pragma once

#include <vector>

namespace entente {

// Σ w x / Σ w (Achen 2006's compromise model when w = capability × salience).
double WeightedMean(const std::vector<double>& values, const std::vector<double>& weights);

// The smallest value at which the cumulative weight (values sorted ascending) reaches half the
// total weight. With all weights equal this is the lower median.
double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights);

double Mean(const std::vector<double>& values);
// The lower median (the smallest value with at least half the observations at or below it).
double Median(const std::vector<double>& values);
// The textbook median: the middle value, or the midpoint of the two middle values of an even
// count (the back-test's `midpoint-median` baseline and its median absolute error).
double MidpointMedian(std::vector<double> values);

}  // namespace entente
