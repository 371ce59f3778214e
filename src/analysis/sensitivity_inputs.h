// Internal to the sensitivity analysis: which inputs it varies, their valid ranges and steps,
// and reading and writing them on a scenario.
#pragma once

#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/sensitivity.h"
#include "entente/status.h"

namespace entente::analysis {

// One input of the one-at-a-time analysis with its base value and the two values it is moved to.
struct OatInput {
  SensitivityInput input;
  double base_value = 0.0;
  double origin = 0.0;  // the lower end of its scale (elasticities measure from here)
  double step = 0.0;    // the nominal step h
  double low_value = 0.0, high_value = 0.0;  // base -/+ h clamped to the valid range
};

// The scenario's declared uncertain inputs when it has any, else every actor's capability and
// every stance's position and salience (actor by actor, issue by issue). The step is `relative`
// times: the distribution's spread for a declared input (high - low; 4 sd for a normal; the
// range of the estimates for experts), else the issue's scale width for a position, 1 for a
// salience and the actor's capability (the mean capability when it is 0) for a capability.
std::vector<OatInput> OatInputs(const Scenario& scenario, double relative);

// The valid range of an input: the issue's scale, [0, 1], or [0, +inf) for a capability.
void ValidRange(const Scenario& scenario, const SensitivityInput& input, double* low, double* high);

// Reads / writes (clamped to the valid range) the field an input names. REQUIRES: the actor
// exists and, for a position or salience, has a stance on the issue.
double GetValue(const Scenario& scenario, const SensitivityInput& input);
void SetValue(Scenario& scenario, const SensitivityInput& input, double value);

SensitivityInput FromUncertain(const UncertainInput& input);

// InvalidArgument "unknown issue 'x'; issues: a, b" / "unknown actor ...".
Status UnknownIssue(const Scenario& scenario, const std::string& id);
Status UnknownActor(const Scenario& scenario, const std::string& id);

}  // namespace entente::analysis
