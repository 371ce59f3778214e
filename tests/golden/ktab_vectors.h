// Test-only helpers: read KTAB's SMP reference runs (ENTENTE_SHARED_DIR/vectors/ktab/<case>/,
// README there) and load a case's input through entente's KTAB importers.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "entente/convert.h"
#include "entente/io.h"
#include "entente/spatial_pce.h"

namespace entente::testing {

inline std::string KtabCaseDir(const std::string& c) {
  return std::string(ENTENTE_SHARED_DIR) + "/vectors/ktab/" + c + "/";
}

// A vector CSV file: header names → column, rows of strings (no quoting in these files).
struct KtabTable {
  std::map<std::string, int> col;
  std::vector<std::vector<std::string>> rows;
  bool present = false;
  double D(size_t r, const std::string& c) const { return std::stod(rows[r][col.at(c)]); }
  int I(size_t r, const std::string& c) const { return std::stoi(rows[r][col.at(c)]); }
  const std::string& S(size_t r, const std::string& c) const { return rows[r][col.at(c)]; }
  // The rows of one turn, in file order.
  std::vector<size_t> Turn(int t) const {
    std::vector<size_t> out;
    for (size_t row = 0; row < rows.size(); ++row) {
      if (I(row, "turn") == t) out.push_back(row);
    }
    return out;
  }
};

inline std::vector<std::string> KtabSplit(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : line) {
    if (ch == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (ch != '\r') {
      cur += ch;
    }
  }
  out.push_back(cur);
  return out;
}

inline KtabTable ReadKtabTable(const std::string& c, const std::string& file) {
  KtabTable t;
  std::ifstream in(KtabCaseDir(c) + file);
  if (!in) return t;
  t.present = true;
  std::string line;
  std::getline(in, line);
  const auto head = KtabSplit(line);
  for (size_t i = 0; i < head.size(); ++i) t.col[head[i]] = static_cast<int>(i);
  while (std::getline(in, line)) {
    if (!line.empty()) t.rows.push_back(KtabSplit(line));
  }
  return t;
}

struct KtabCase {
  KtabImport import;
  SmpProblem problem;
};

// The case's input.csv or input.xml through the importers (failures are test failures).
inline KtabCase LoadKtabCase(const std::string& c) {
  KtabCase l;
  const std::string csv = KtabCaseDir(c) + "input.csv";
  const std::string xml = KtabCaseDir(c) + "input.xml";
  const bool is_csv = static_cast<bool>(std::ifstream(csv));
  Result<std::string> text = ReadFile(is_csv ? csv : xml);
  EXPECT_TRUE(text.ok()) << text.status().message();
  if (!text.ok()) return l;
  Result<KtabImport> imp = is_csv ? ImportKtabCsv(*text, csv) : ImportKtabXml(*text, xml);
  EXPECT_TRUE(imp.ok()) << imp.status().message();
  if (!imp.ok()) return l;
  l.import = *imp;
  Result<SmpProblem> p = SmpProblemFromScenario(l.import.scenario, l.import.accommodation);
  EXPECT_TRUE(p.ok()) << p.status().message();
  if (p.ok()) l.problem = *p;
  return l;
}

// KTAB's canonical bargain numbers (README §4: within a turn, sorted by initiator, receiver and
// creation order) for bargains in entente's construction order: canon[number] = index.
inline std::vector<int> KtabCanonicalOrder(const std::vector<SmpBargain>& bargains) {
  std::vector<int> canon(bargains.size());
  std::iota(canon.begin(), canon.end(), 0);
  std::stable_sort(canon.begin(), canon.end(), [&](int x, int y) {
    return std::pair(bargains[x].init, bargains[x].recd) <
           std::pair(bargains[y].init, bargains[y].recd);
  });
  return canon;
}

// Tolerance for the PCE probabilities of one bargain queue. When two bargains in a queue leave
// every actor with the same utility up to rounding (two initiators at one point offering the
// receiver the same deal), the coalition strengths between them are 1e-8 plus rounding noise,
// and the noise, which depends on the order of floating-point sums, is amplified ~1e8-fold.
// Such queues are compared to 1e-6; every other queue to `tol`.
inline double KtabQueueTolerance(const std::vector<std::vector<double>>& bargain_util,
                                 const std::vector<int>& queue, double tol) {
  for (size_t x = 0; x < queue.size(); ++x) {
    for (size_t y = 0; y < x; ++y) {
      const auto& ux = bargain_util[queue[x]];
      const auto& uy = bargain_util[queue[y]];
      bool tie = true;
      for (size_t a = 0; a < ux.size() && tie; ++a) tie = std::fabs(ux[a] - uy[a]) < 1e-12;
      if (tie) return std::max(tol, 1e-6);
    }
  }
  return tol;
}

}  // namespace entente::testing
