// Reading a number that may be given as a distribution (docs/formats/scenario.md, "Uncertain
// inputs"): a capability, position or salience written either as a plain number or as a mapping
// with exactly one of
//
//   {uniform: [low, high]}
//   {triangular: [low, mode, high]}
//   {normal: [mean, sd]}                 truncated to the field's valid range
//   {experts: [e1, e2, ...]}             each draw picks one estimate
//   {experts: [e1, e2, ...], bootstrap: true}   each draw is a bootstrap-resample mean
//
// Every number is checked against the field's valid range with the same kind of message as a
// plain value ("low of the uniform position of 'usa' on 'timing' must be in [0, 100], got -5").
//
// Thread-safety: pure functions; reentrant.
#pragma once

#include <optional>
#include <string_view>

#include "entente/scenario.h"
#include "entente/status.h"
#include "io/yaml_fields.h"

namespace entente::io {

// The valid range of a field in the file's units; `high` may be +infinity (capability).
struct FieldRange {
  double low = 0.0;
  double high = 0.0;
};

// Reads `entry` as a plain number (into *value; *distribution = nullopt; the caller checks the
// range as before) or as a distribution mapping (validated against `range`; *distribution holds
// it with low/high set to the support, *value its PointValue). `field` names the value in
// messages, e.g. "position of 'usa' on 'timing'".
Status ReadUncertainNumber(const YamlFile& file, const YamlEntry& entry, std::string_view field,
                           FieldRange range, double* value,
                           std::optional<Distribution>* distribution);

// Divides every number of `distribution` by `divisor` (salience written on a 0–100 scale).
void ScaleDistribution(Distribution* distribution, double divisor);

}  // namespace entente::io
