// Scenario files from other tools, accepted wherever entente reads a scenario: KTAB's SMP CSV and
// XML and Decide's actor/issue files (include/entente/convert.h) beside entente's own YAML and
// CSV actor table (io.h). The format is named (`--from`) or guessed from extension and content
// (docs/manual.md, "Scenario files from other tools"); LoadScenario itself stays entente-only.
#pragma once

#include <string>

#include "entente/io.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente::cli {

enum class ScenarioFormat {
  kEntente,  // scenario YAML or the CSV actor table: LoadScenario
  kKtabCsv,  // KTAB's SMP CSV (title line "name,description,actors,dimensions")
  kKtabXml,  // KTAB's SMP XML (<Scenario>)
  kDecide,   // Decide's tagged rows (#A, #P, #M, #D, ...), ';' or tab separated
  kUnknown,  // cannot tell
};

// "entente", "ktab-csv", "ktab-xml", "decide" (and "unknown").
const char* ScenarioFormatName(ScenarioFormat format);

// Parses a --from value: "ktab-csv", "ktab-xml" or "decide". InvalidArgument otherwise.
Result<ScenarioFormat> ParseScenarioFormat(const std::string& name);

// Guesses the format from the extension and the text:
//  * .yaml/.yml: entente; .xml, or text starting with '<': KTAB XML;
//  * .txt/.tsv, or a first non-blank line whose first cell is a Decide tag (#O, #A, #/, ...):
//    Decide;
//  * .csv: KTAB CSV when the first line has at least four cells and the third and fourth are
//    whole numbers (KTAB's title line), else entente's actor table;
//  * anything else: unknown.
ScenarioFormat GuessScenarioFormat(const std::string& path, const std::string& text);

// A scenario read from a file of any accepted format.
struct ImportedScenario {
  Scenario scenario;
  ScenarioFormat format = ScenarioFormat::kEntente;
  std::string notes;  // what the file carried that Scenario has no place for (KTAB parameters)
};

// Reads `path` (refusing files over limits.max_file_bytes) and parses it as `format`, or as the
// guessed format when `format` is kUnknown. Without a named format, only .csv, .xml, .txt and
// .tsv files are looked into; any other file goes to LoadScenario (which reads YAML and names
// the accepted extensions for the rest). Imported scenarios are checked against
// limits.max_actors / max_issues (LimitExceeded); issues on which no actor has a stance are
// dropped; the rest must pass the checks LoadScenario makes (scenario.h conventions), else
// ParseError "PATH: the imported scenario is not valid: ...".
Result<ImportedScenario> ReadAnyScenario(const std::string& path, const LoadLimits& limits,
                                         ScenarioFormat format = ScenarioFormat::kUnknown);

// ReadAnyScenario's work on text already read: `path` names the file in messages and, with
// kUnknown, guides the guess (an entente-format `path` ending in .csv is the actor table, any
// other is scenario YAML). The fuzz targets (fuzz/) enter here.
Result<ImportedScenario> ParseAnyScenario(std::string text, const std::string& path,
                                          const LoadLimits& limits,
                                          ScenarioFormat format = ScenarioFormat::kUnknown);

// ReadAnyScenario(path, limits).scenario.
Result<Scenario> LoadAnyScenario(const std::string& path, const LoadLimits& limits);

}  // namespace entente::cli
