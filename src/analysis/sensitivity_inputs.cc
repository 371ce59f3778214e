#include "analysis/sensitivity_inputs.h"

#include <algorithm>
#include <limits>

#include "entente/uncertainty.h"

namespace entente::analysis {
namespace {

UncertainInput ToUncertain(const SensitivityInput& input) {
  UncertainInput u;
  u.actor = input.actor;
  u.issue = input.issue;
  u.field = input.field;
  return u;
}

// The spread a declared input's step is relative to; 0 when the distribution gives none.
double Spread(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::kUniform:
    case Distribution::Kind::kTriangular:
      return d.high - d.low;
    case Distribution::Kind::kNormal:
      return 4.0 * d.sd;
    case Distribution::Kind::kExperts:
      if (d.estimates.empty()) return 0.0;
      return *std::max_element(d.estimates.begin(), d.estimates.end()) -
             *std::min_element(d.estimates.begin(), d.estimates.end());
  }
  return 0.0;
}

OatInput MakeInput(const Scenario& scenario, SensitivityInput input, double nominal) {
  OatInput in;
  in.input = std::move(input);
  in.base_value = GetValue(scenario, in.input);
  double low = 0.0, high = 0.0;
  ValidRange(scenario, in.input, &low, &high);
  in.origin = low;
  in.step = nominal;
  in.low_value = std::max(low, in.base_value - nominal);
  in.high_value = std::min(high, in.base_value + nominal);
  return in;
}

}  // namespace

void ValidRange(const Scenario& scenario, const SensitivityInput& input, double* low,
                double* high) {
  switch (input.field) {
    case UncertainInput::Field::kCapability:
      *low = 0.0;
      *high = std::numeric_limits<double>::infinity();
      return;
    case UncertainInput::Field::kSalience:
      *low = 0.0;
      *high = 1.0;
      return;
    case UncertainInput::Field::kPosition: {
      const Issue& issue = scenario.issues[*scenario.FindIssue(input.issue)];
      *low = issue.scale_min;
      *high = issue.scale_max;
      return;
    }
  }
}

double GetValue(const Scenario& scenario, const SensitivityInput& input) {
  return GetInput(scenario, ToUncertain(input));
}

void SetValue(Scenario& scenario, const SensitivityInput& input, double value) {
  SetInput(scenario, ToUncertain(input), value);
}

SensitivityInput FromUncertain(const UncertainInput& input) {
  SensitivityInput s;
  s.actor = input.actor;
  s.issue = input.issue;
  s.field = input.field;
  s.declared = true;
  return s;
}

std::vector<OatInput> OatInputs(const Scenario& scenario, double relative) {
  std::vector<OatInput> out;
  double mean_capability = 0.0;
  for (const Actor& a : scenario.actors) mean_capability += a.capability;
  if (!scenario.actors.empty()) mean_capability /= static_cast<double>(scenario.actors.size());
  if (mean_capability <= 0.0) mean_capability = 1.0;

  auto field_step = [&](const SensitivityInput& in, double base) {
    switch (in.field) {
      case UncertainInput::Field::kCapability:
        return relative * (base > 0.0 ? base : mean_capability);
      case UncertainInput::Field::kSalience:
        return relative;
      case UncertainInput::Field::kPosition: {
        double low = 0.0, high = 0.0;
        ValidRange(scenario, in, &low, &high);
        return relative * (high - low);
      }
    }
    return relative;
  };

  if (!scenario.uncertain.empty()) {
    for (const UncertainInput& u : scenario.uncertain) {
      SensitivityInput in = FromUncertain(u);
      const double spread = Spread(u.distribution);
      const double step = spread > 0.0 ? relative * spread : field_step(in, GetValue(scenario, in));
      out.push_back(MakeInput(scenario, in, step));
    }
    return out;
  }
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    SensitivityInput cap;
    cap.actor = scenario.actors[a].id;
    cap.field = UncertainInput::Field::kCapability;
    out.push_back(MakeInput(scenario, cap, field_step(cap, scenario.actors[a].capability)));
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      if (!scenario.stances[i][a]) continue;
      for (UncertainInput::Field f :
           {UncertainInput::Field::kPosition, UncertainInput::Field::kSalience}) {
        SensitivityInput in;
        in.actor = scenario.actors[a].id;
        in.issue = scenario.issues[i].id;
        in.field = f;
        out.push_back(MakeInput(scenario, in, field_step(in, 0.0)));
      }
    }
  }
  return out;
}

Status UnknownIssue(const Scenario& scenario, const std::string& id) {
  std::string known;
  for (const Issue& i : scenario.issues) known += (known.empty() ? "" : ", ") + i.id;
  return Status::InvalidArgument("unknown issue '" + id + "'; issues: " + known);
}

Status UnknownActor(const Scenario& scenario, const std::string& id) {
  std::string known;
  for (const Actor& a : scenario.actors) known += (known.empty() ? "" : ", ") + a.id;
  return Status::InvalidArgument("unknown actor '" + id + "'; actors: " + known);
}

}  // namespace entente::analysis
