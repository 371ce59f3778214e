// `entente convert INPUT -o OUTPUT.yaml [--from ktab-csv|ktab-xml|decide]`: rewrite a KTAB or
// Decide scenario (or entente's CSV actor table) as scenario YAML, written atomically.
//
// What the input carries that scenario YAML has no field for (KTAB's model parameters, prng
// seed and ideal accommodation matrix) goes into the comment block at the top of the output.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/scenario_formats.h"
#include "cli/scenario_input.h"
#include "entente/io.h"
#include "entente/scenario_writer.h"

namespace entente::cli {

namespace {

struct ConvertFlags {
  std::string input;
  std::string output;
  std::string from;
  LoadLimits limits;  // --max-file-bytes, --max-actors, --max-issues, --max-depth
};

std::string Stem(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

int Convert(const ConvertFlags& flags) {
  ScenarioFormat format = ScenarioFormat::kUnknown;
  if (!flags.from.empty()) {
    Result<ScenarioFormat> named = ParseScenarioFormat(flags.from);
    if (!named.ok()) return ReportFailure(named.status());
    format = *named;
  } else {
    Result<std::string> text = ReadFile(flags.input, flags.limits.max_file_bytes);
    if (!text.ok()) return ReportFailure(text.status());
    format = GuessScenarioFormat(flags.input, *text);
    if (format == ScenarioFormat::kUnknown) {
      return ReportFailure(Status::InvalidArgument(
          "cannot tell the format of '" + flags.input +
          "' from its extension or first line; name it with --from ktab-csv, ktab-xml or "
          "decide"));
    }
  }
  Result<ImportedScenario> imported = ReadAnyScenario(flags.input, flags.limits, format);
  if (!imported.ok()) return ReportFailure(imported.status());
  Scenario& scenario = imported->scenario;
  if (scenario.meta.title.empty()) scenario.meta.title = Stem(flags.input);

  std::string comment = "Converted by `entente convert` from " + flags.input + " (" +
                        ScenarioFormatName(imported->format) + ").";
  if (!imported->notes.empty()) comment += "\n\n" + imported->notes;
  Result<std::string> yaml = FormatScenarioYaml(scenario, comment);
  if (!yaml.ok())
    return ReportFailure(Status::ParseError(flags.input + ": " + yaml.status().message()));
  // The output must load: check it before replacing anything (under the input's limits; the
  // file-size limit is the input's, and the YAML may be longer than the input).
  LoadLimits back_limits = flags.limits;
  back_limits.max_file_bytes = std::max(back_limits.max_file_bytes, yaml->size());
  if (Result<Scenario> back = ParseScenarioYaml(*yaml, flags.output, back_limits); !back.ok()) {
    return ReportFailure(
        Status::Internal("the converted scenario does not load back: " + back.status().message()));
  }
  if (InterruptSignal() != 0) return InterruptExitCode();  // write nothing once interrupted
  if (Status s = WriteFileAtomically(flags.output, *yaml); !s.ok()) return ReportFailure(s);
  return kExitOk;
}

}  // namespace

Action ConfigureConvert(CLI::App* app, const Invocation* /*invocation*/) {
  auto flags = std::make_shared<ConvertFlags>();
  app->add_option("INPUT", flags->input,
                  "KTAB scenario (.csv, .xml), Decide file (.txt, .csv) or entente CSV table")
      ->required();
  app->add_option("--output,-o", flags->output, "the scenario YAML to write (atomically)")
      ->required();
  app->add_option("--from", flags->from,
                  "input format: ktab-csv, ktab-xml or decide (default: guessed)")
      ->check(CLI::IsMember({"ktab-csv", "ktab-xml", "decide"}));
  AddLimitOptions(app, &flags->limits.max_file_bytes, &flags->limits.max_actors,
                  &flags->limits.max_issues, &flags->limits.max_depth);
  return [flags] { return Convert(*flags); };
}

}  // namespace entente::cli
