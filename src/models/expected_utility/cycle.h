// Cycle detection for an EUM run: whether the latest round's positions repeat an earlier
// round's, so that (the round map being a function of the positions alone, with the inputs
// fixed) the run would repeat those rounds for ever.
//
// Thread-safety: pure function.
#pragma once

#include <vector>

namespace entente::eum {

// The smallest k in [2, k_max] such that every |positions.back()[a] − positions[last − k][a]|
// < tolerance (last = positions.size() − 1), looking back no further than positions[first];
// 0 when there is none. k = 2 is a two-cycle. `first` is the first state computed with the
// current inputs (a timed event changes them, and states before it came from other inputs).
// The cost is O(k n) at worst and usually O(k): a candidate is dropped at its first actor
// that differs by `tolerance` or more.
// REQUIRES: every row has the same size; 0 <= first.
int CycleLength(const std::vector<std::vector<double>>& positions, int first, int k_max,
                double tolerance);

}  // namespace entente::eum
