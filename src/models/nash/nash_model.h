// The Nash bargaining solution behind the generic Model interface (registered as `nash`).
// Presets: quadratic (default), linear (the utility function of dutch_models.md §3).
#pragma once

#include <memory>

#include "entente/model.h"

namespace entente {

std::unique_ptr<Model> MakeNashModel();

}  // namespace entente
