// Reading scenarios and writing results.
//
// Every reader validates fully: a returned Scenario satisfies the conventions in scenario.h.
// A rejected input yields StatusCode::kParseError whose message names file, line, column and
// field, says what was expected and what was found, and shows the line with a caret, e.g.
//
//   scenario.yaml:14:9: salience of 'hungary' on 'timing' must be in [0, 1], got 1.4
//      14 |     timing: {position: 40, salience: 1.4}
//         |                                      ^
//
// Thread-safety: all functions are reentrant.
#pragma once

#include <cstddef>
#include <string>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

// What a reader refuses (StatusCode::kLimitExceeded, naming the flag that raises the limit)
// instead of exhausting memory or time. The defaults are documented in docs/manual.md
// ("Limits"); the CLI's --max-file-bytes, --max-actors, --max-issues and --max-depth set them.
struct LoadLimits {
  std::size_t max_file_bytes = 64u << 20;  // larger files are refused before parsing
  std::size_t max_actors = 100000;
  std::size_t max_issues = 10000;
  // Nesting of YAML collections (the top-level mapping is 1; a scenario needs 5). Deeper
  // documents are refused after yaml-cpp's parse, before the reader walks them.
  std::size_t max_depth = 64;
};

// Reads a scenario from disk, choosing the reader by extension: .yaml/.yml (docs/formats/
// scenario.md) or .csv (the plain `actor,capability,position,salience` table: one issue).
Result<Scenario> LoadScenario(const std::string& path, const LoadLimits& limits = {});

// The same readers on text already in memory; `path` is used in messages only.
Result<Scenario> ParseScenarioYaml(const std::string& text, const std::string& path,
                                   const LoadLimits& limits = {});
Result<Scenario> ParseActorTableCsv(const std::string& text, const std::string& path,
                                    const LoadLimits& limits = {});

// Reads a whole file (IOError naming the path on failure, LimitExceeded past max_bytes).
Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes = 64u << 20);

// Writes `contents` to a temporary file beside `path`, flushes it, then renames it over `path`:
// readers see either the old file or the complete new one, never a half-written file. On any
// failure (full disk, unwritable directory) the temporary file is removed, `path` is left as it
// was, and the IOError names `path` and the system's reason. A `path` that is a device or pipe
// (/dev/null, /dev/stdout) is written in place; a directory is refused.
Status WriteFileAtomically(const std::string& path, const std::string& contents);

}  // namespace entente
