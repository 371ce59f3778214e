// Test-only helpers: read the exchange-model vectors in the shared folder
// (ENTENTE_SHARED_DIR/vectors/exchange/<case>/) into Scenarios and rows.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "entente/scenario.h"

namespace entente::testing {

using CsvRow = std::map<std::string, std::string>;

inline std::string ExchangeVectorDir(const std::string& name) {
  return std::string(ENTENTE_SHARED_DIR) + "/vectors/exchange/" + name;
}

// Reads a plain comma-separated file with a header line (no quoting in these vectors).
inline std::vector<CsvRow> ReadCsvRows(const std::string& path) {
  std::ifstream in(path);
  std::vector<CsvRow> rows;
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& l) {
    std::vector<std::string> out;
    std::stringstream ss(l);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    if (!l.empty() && l.back() == ',') out.emplace_back();
    return out;
  };
  if (!std::getline(in, line)) return rows;
  header = split(line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells = split(line);
    CsvRow row;
    for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k) row[header[k]] = cells[k];
    rows.push_back(std::move(row));
  }
  return rows;
}

inline double Num(const CsvRow& row, const std::string& key) { return std::stod(row.at(key)); }

// Builds the case's Scenario in memory from input.csv and order.csv: raw positions on the
// issue's [lower, upper] scale, salience, and power as capability. When an actor's power differs
// between issues, the per-issue value goes into Stance::capability.
inline Scenario LoadExchangeVectorScenario(const std::string& name) {
  const std::string dir = ExchangeVectorDir(name);
  Scenario s;
  for (const CsvRow& row : ReadCsvRows(dir + "/order.csv")) {
    if (row.at("kind") == "actor") {
      Actor a;
      a.id = a.name = row.at("id");
      a.capability = -1.0;
      s.actors.push_back(a);
    } else {
      Issue is;
      is.id = is.label = row.at("id");
      s.issues.push_back(is);
    }
  }
  s.stances.assign(s.issues.size(), std::vector<std::optional<Stance>>(s.actors.size()));
  for (const CsvRow& row : ReadCsvRows(dir + "/input.csv")) {
    const std::size_t a = *s.FindActor(row.at("actor"));
    const std::size_t d = *s.FindIssue(row.at("issue"));
    s.issues[d].scale_min = Num(row, "lower");
    s.issues[d].scale_max = Num(row, "upper");
    Stance st;
    st.position = Num(row, "position_raw");
    st.salience = Num(row, "salience");
    const double power = Num(row, "power");
    if (s.actors[a].capability < 0.0) s.actors[a].capability = power;
    if (power != s.actors[a].capability) st.capability = power;
    s.stances[d][a] = st;
  }
  for (Actor& a : s.actors)
    if (a.capability < 0.0) a.capability = 0.0;
  s.path = dir + "/input.csv";
  return s;
}

}  // namespace entente::testing
