// Converters from other tools' scenario formats into entente's Scenario.
//
// KTAB (KAPSARC Toolkit for Behavioral Analysis, `smpc`): the SMP's CSV and XML scenario files
// (shared/models/spatial_pce.md, "Input formats"). Every dimension becomes an issue on a 0–100
// scale; saliences are divided by 100 as KTAB does. The SMP parameters and the ideal
// accommodation matrix an XML file carries are returned beside the Scenario.
//
// Malformed input yields StatusCode::kParseError with "file:line:col: expected ..., found ...".
// Thread-safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/spatial_pce.h"
#include "entente/status.h"

namespace entente {

struct KtabImport {
  Scenario scenario;
  SmpOptions options;  // KTAB defaults unless the XML has <ModelParameters>
  bool has_model_parameters = false;
  // Ideal accommodation a_ij, [i * N + j]; empty = identity (CSV, or an XML identity matrix
  // is kept explicitly as given).
  std::vector<double> accommodation;
  unsigned long long prng_seed = 0;  // XML <prngSeed>, 0 when absent
};

// KTAB's SMP CSV: a title line (name, description, N, D), a header, then one row per actor
// (name, description, power, then position and salience per dimension, 0–100).
Result<KtabImport> ImportKtabCsv(const std::string& text, const std::string& path);

// KTAB's SMP XML (<Scenario> with <name>, <desc>, <prngSeed>, <ModelParameters>, <Dimensions>,
// <Actors>, <IdealAdjustment>). Elements nested more than `max_depth` levels deep (the root is
// level 1; LoadLimits::max_depth, the CLI's --max-depth) are StatusCode::kLimitExceeded.
Result<KtabImport> ImportKtabXml(const std::string& text, const std::string& path,
                                 std::size_t max_depth = 64);

// The SMP's input for a scenario: issue k becomes dimension k, positions are mapped from
// [scale_min, scale_max] to [0,1], an actor without a stance on an issue gets salience 0 there
// (position: the scale midpoint), and an actor whose saliences sum above 1 has them divided by
// their sum (KTAB requires sums <= 1). InvalidArgument for an actor with no salience at all.
Result<SmpProblem> SmpProblemFromScenario(const Scenario& scenario,
                                          const std::vector<double>& accommodation = {});
// Decide (Stokman's exchange-model software, and the public decide-exchange-model package):
// rows of `;`- or tab-separated cells, each optionally quoted with ' or ", whose first cell is
// a tag (docs/formats/decide.md):
//   #A;key;name[;description]                     an actor
//   #P;key;name[;description]                     an issue
//   #M;issue;position[;meaning]                   a scale anchor of an issue
//   #D;actor;issue;position;salience;power        a stance
//   #O;title   #/;comment   #0;comment            metadata and comments
// An issue's scale runs from its smallest to its largest #M position (0-100 without anchors);
// the meanings of those two anchors become min_label/max_label. Salience is on [0, 1] (a file
// whose saliences exceed 1 is read as 0-100 and divided by 100). Power is per actor-issue: the
// actor's capability is its first #D power, and a stance whose power differs carries it in
// Stance::capability. Names, descriptions, the #O title and #/ comments are kept.
Result<Scenario> ImportDecide(const std::string& text, const std::string& path);

}  // namespace entente
