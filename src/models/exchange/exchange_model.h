// The exchange model behind the generic Model interface (registered as `exchange`).
// Presets: equal-gain (default), randomized, random-rate. Params: p, fixed_weight,
// salience_weight (see ExchangeOptions).
#pragma once

#include <memory>

#include "entente/exchange.h"
#include "entente/model.h"

namespace entente {

// Maps RunOptions (preset, max_rounds, seed, params) to ExchangeOptions; InvalidArgument on an
// unknown preset or a malformed or unknown param.
Result<ExchangeOptions> ExchangeOptionsFrom(const RunOptions& options);

std::unique_ptr<Model> MakeExchangeModel();

}  // namespace entente
