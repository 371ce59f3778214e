// The report header as JSON, shared by the JSON and CSV writers (internal).
#pragma once

#include <nlohmann/json.hpp>

#include "entente/report_format.h"

namespace entente {

// {"entente": version, "scenario": path, "scenario_hash": ..., "title": ..., "options": {...},
//  "generated_by": ...}
nlohmann::ordered_json ReportHeaderJson(const ReportHeader& header);

}  // namespace entente
