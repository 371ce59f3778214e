#include "fuzz/fuzz_targets.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "cli/scenario_formats.h"
#include "entente/deu.h"
#include "entente/events.h"
#include "entente/io.h"
#include "entente/model.h"
#include "entente/scenario.h"

namespace entente::fuzz {

namespace {

// Reports a broken contract and aborts: libFuzzer records the input as a finding.
[[noreturn]] void Fail(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "fuzz contract broken: %s\n%s\n", what.c_str(), detail.c_str());
  std::fflush(stderr);
  std::abort();
}

void Check(bool ok, const std::string& what, const std::string& detail = "") {
  if (!ok) Fail(what, detail);
}

// The conventions of scenario.h that every accepted scenario satisfies.
void CheckConventions(const Scenario& s) {
  Check(s.actors.size() >= 2, "an accepted scenario has at least two actors");
  Check(!s.issues.empty(), "an accepted scenario has an issue");
  Check(s.stances.size() == s.issues.size(), "one stance row per issue");
  for (const Actor& a : s.actors) {
    Check(std::isfinite(a.capability) && a.capability >= 0, "capability finite and >= 0", a.id);
  }
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& issue = s.issues[i];
    Check(std::isfinite(issue.scale_min) && std::isfinite(issue.scale_max) &&
              issue.scale_min < issue.scale_max,
          "issue scale finite with min < max", issue.id);
    Check(s.stances[i].size() == s.actors.size(), "one stance slot per actor", issue.id);
    bool any = false;
    for (const std::optional<Stance>& st : s.stances[i]) {
      if (!st) continue;
      any = true;
      Check(st->position >= issue.scale_min && st->position <= issue.scale_max,
            "position inside the scale", issue.id);
      Check(st->salience >= 0.0 && st->salience <= 1.0, "salience on [0, 1]", issue.id);
      if (st->capability) {
        Check(std::isfinite(*st->capability) && *st->capability >= 0,
              "per-issue capability finite and >= 0", issue.id);
      }
    }
    Check(any, "every issue has a stance", issue.id);
  }
}

// A rejection must be a located user-facing error, never an internal one.
void CheckRejection(const Status& s, const std::string& path) {
  Check(s.code() == StatusCode::kParseError || s.code() == StatusCode::kLimitExceeded,
        "input errors are parse errors or limits", s.message());
  Check(s.message().rfind(path, 0) == 0, "the message starts with the file name", s.message());
}

template <typename Parse>
void Guard(const char* target, Parse parse) {
  try {
    parse();
  } catch (const std::exception& e) {
    Fail(std::string(target) + ": an exception escaped the library", e.what());
  }
}

void CheckImport(const std::string& data, const std::string& path, cli::ScenarioFormat format) {
  Result<cli::ImportedScenario> r = cli::ParseAnyScenario(data, path, LoadLimits{}, format);
  if (r.ok()) {
    CheckConventions(r->scenario);
  } else {
    CheckRejection(r.status(), path);
  }
}

void CheckIssueResult(const Scenario& s, const IssueResult& r, const std::string& who) {
  const Issue* issue = nullptr;
  for (const Issue& i : s.issues) {
    if (i.id == r.issue_id) issue = &i;
  }
  Check(issue != nullptr, who + ": result for an issue of the scenario", r.issue_id);
  // Models may land exactly on the bounds; allow rounding of a few ulps of the scale width.
  const double slack = 1e-9 * (issue->scale_max - issue->scale_min);
  const auto inside = [&](double x) {
    return std::isfinite(x) && x >= issue->scale_min - slack && x <= issue->scale_max + slack;
  };
  Check(inside(r.forecast), who + ": forecast finite and inside the scale",
        r.issue_id + " forecast " + std::to_string(r.forecast));
  Check(r.rounds >= 0 && r.rounds <= kModelFuzzRounds, who + ": rounds within the cap",
        std::to_string(r.rounds));
  Check(!r.message.empty(), who + ": says why it stopped", r.issue_id);
  for (const std::vector<double>& row : r.positions) {
    for (double x : row) {
      Check(inside(x), who + ": positions finite and inside the scale",
            r.issue_id + " position " + std::to_string(x));
    }
  }
}

}  // namespace

void FuzzYamlScenario(const std::string& data) {
  Guard("yaml", [&] {
    Result<Scenario> r = ParseScenarioYaml(data, "fuzz.yaml");
    if (r.ok()) {
      CheckConventions(*r);
    } else {
      CheckRejection(r.status(), "fuzz.yaml");
    }
  });
}

void FuzzCsvTable(const std::string& data) {
  Guard("csv-table", [&] {
    Result<Scenario> r = ParseActorTableCsv(data, "fuzz.csv");
    if (r.ok()) {
      CheckConventions(*r);
    } else {
      CheckRejection(r.status(), "fuzz.csv");
    }
  });
}

void FuzzKtabCsv(const std::string& data) {
  Guard("ktab-csv", [&] { CheckImport(data, "fuzz.csv", cli::ScenarioFormat::kKtabCsv); });
}

void FuzzKtabXml(const std::string& data) {
  Guard("ktab-xml", [&] { CheckImport(data, "fuzz.xml", cli::ScenarioFormat::kKtabXml); });
}

void FuzzDecide(const std::string& data) {
  Guard("decide", [&] { CheckImport(data, "fuzz.txt", cli::ScenarioFormat::kDecide); });
}

void FuzzDeu(const std::string& data) {
  Guard("deu", [&] {
    Result<DeuTable> r = ParseDeuCsv(data, "fuzz.csv");
    if (!r.ok()) {
      CheckRejection(r.status(), "fuzz.csv");
      return;
    }
    for (const DeuIssue& issue : r->issues) {
      Check(issue.position.size() == DeuActorCodes().size() &&
                issue.salience.size() == DeuActorCodes().size(),
            "one position and salience slot per DEU actor", issue.issue);
      for (const auto& v : issue.position) Check(!v || std::isfinite(*v), "finite position");
      for (const auto& v : issue.salience) Check(!v || std::isfinite(*v), "finite salience");
    }
  });
}

void FuzzModels(const std::string& data) {
  Guard("models", [&] {
    Result<Scenario> parsed = ParseScenarioYaml(data, "fuzz.yaml");
    if (!parsed.ok()) return;
    if (parsed->actors.size() > static_cast<std::size_t>(kModelFuzzMaxActors) ||
        parsed->issues.size() > static_cast<std::size_t>(kModelFuzzMaxIssues)) {
      return;
    }
    Result<Scenario> scenario = ApplyEvents(*parsed, EventSelection::Enabled());
    Check(scenario.ok(), "events of an accepted scenario apply", scenario.status().message());
    for (const ModelInfo& info : ModelRegistry()) {
      std::vector<std::string> presets;
      for (const PresetInfo& p : info.presets) presets.push_back(p.name);
      if (presets.empty()) presets.push_back("");
      for (const std::string& preset : presets) {
        RunOptions options;
        options.preset = preset;
        options.max_rounds = kModelFuzzRounds;
        options.seed = 7;
        const std::string who = info.name + (preset.empty() ? "" : "/" + preset);
        Result<ModelRun> run = info.create()->Run(*scenario, options);
        if (!run.ok()) {
          Check(run.status().code() == StatusCode::kModelFailure ||
                    run.status().code() == StatusCode::kLimitExceeded,
                who + ": a model refuses a valid scenario only with a model failure",
                run.status().message());
          Check(!run.status().message().empty(), who + ": the refusal says why");
          continue;
        }
        Check(run->issues.size() == scenario->issues.size(), who + ": a result per issue");
        for (const IssueResult& r : run->issues) CheckIssueResult(*scenario, r, who);
      }
    }
  });
}

const std::vector<FuzzTarget>& FuzzTargets() {
  static const std::vector<FuzzTarget> targets = {
      {"yaml_scenario", FuzzYamlScenario},
      {"csv_table", FuzzCsvTable},
      {"ktab_csv", FuzzKtabCsv},
      {"ktab_xml", FuzzKtabXml},
      {"decide", FuzzDecide},
      {"deu", FuzzDeu},
      {"models", FuzzModels},
  };
  return targets;
}

}  // namespace entente::fuzz
