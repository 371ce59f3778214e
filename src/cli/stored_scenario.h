// The scenario a stored run (sweep or sensitivity) was made from, rebuilt from the run store:
// for `--resume`, `runs show` and `runs export`.
#pragma once

#include "entente/io.h"
#include "entente/run_store.h"
#include "entente/scenario.h"
#include "entente/status.h"

namespace entente::cli {

// Parses the stored scenario text as the file it came from was parsed (the format guessed from
// the stored path and the text, as LoadAnyScenario guesses it), so the file itself need not
// exist any more. InvalidArgument when the text no longer has the stored hash (a damaged store);
// the parser's error when entente no longer reads it.
Result<Scenario> StoredScenario(const StoredRun& run, const LoadLimits& limits);

// The order `runs export` lists a sweep's issues in: the stored scenario's, or an empty order
// (SQLite's order, by id) when the stored text cannot be parsed.
ExportOrder StoredExportOrder(const StoredRun& run);

}  // namespace entente::cli
