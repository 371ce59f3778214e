// A synthetic one-issue actor table from a fixed-seed generator, shared by the EUM property tests
// (src/models/expected_utility/run_test.cc) and the Google Benchmark kernels (bench/eum_bench.cc)
// so that both exercise the same kind of input: integer positions on 0–100 (ties occur),
// capability on [1, 100], salience on [0.1, 1], every actor a voting member.
//
// Deterministic: the same (n, seed) gives the same table on every platform (std::mt19937_64 and
// the uniform draws below are fully specified).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "entente/scenario.h"

namespace entente::test_data {

inline IssueTable SyntheticActors(std::size_t n, std::uint64_t seed,
                                  const std::string& issue_id = "issue") {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  IssueTable t;
  t.issue_id = issue_id;
  for (std::size_t k = 0; k < n; ++k) {
    t.actor_index.push_back(k);
    t.actor_ids.push_back("a" + std::to_string(k));
    t.position.push_back(std::round(u(rng) * 100.0));
    t.capability.push_back(1.0 + 99.0 * u(rng));
    t.salience.push_back(0.1 + 0.9 * u(rng));
    t.votes.push_back(true);
  }
  return t;
}

}  // namespace entente::test_data
