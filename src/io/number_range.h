// The range of numbers entente accepts in any input file (docs/formats/scenario.md, "Numbers").
//
// Every reader rejects, with a located error, a number that is not finite, whose magnitude is
// above kMaxInputMagnitude, or that is non-zero with a magnitude below kMinInputMagnitude.
// Within these bounds the models' products and sums (capability × salience × utility over
// thousands of actors, squared distances) stay far from overflow, and no input is a denormal
// (subnormal) number whose precision is gone and whose arithmetic is slow. Write 0 for nothing.
//
// Thread-safety: stateless.
#pragma once

#include <string>

namespace entente::io {

inline constexpr double kMaxInputMagnitude = 1e15;
inline constexpr double kMinInputMagnitude = 1e-12;

// "" when `x` is acceptable, else why not, to follow the field name in a message:
// "must be a finite number", "is too large (magnitude above 1e15)", "is too small to tell
// from 0 (magnitude below 1e-12); write 0".
std::string NumberRangeProblem(double x);

}  // namespace entente::io
