// Converters from other tools' scenario formats into entente's Scenario.
//
// Malformed input yields StatusCode::kParseError with "file:line:col: expected ..., found ...",
// the offending line and a caret. Thread-safety: all functions are reentrant.
#pragma once

#include <string>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

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
