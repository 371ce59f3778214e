#include "golden/vector_csv.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace entente::testing {

namespace {
std::vector<std::string> SplitLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"' && k + 1 < line.size() && line[k + 1] == '"') {
        fields.back() += '"';
        ++k;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}
}  // namespace

int CsvTable::Column(const std::string& name) const {
  for (std::size_t k = 0; k < header.size(); ++k) {
    if (header[k] == name) return static_cast<int>(k);
  }
  return -1;
}

const std::string& CsvTable::At(std::size_t row, const std::string& name) const {
  return rows.at(row).at(static_cast<std::size_t>(Column(name)));
}

double CsvTable::Number(std::size_t row, const std::string& name) const {
  return std::strtod(At(row, name).c_str(), nullptr);
}

std::optional<CsvTable> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  CsvTable table;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    if (first) {
      table.header = SplitLine(line);
      first = false;
    } else {
      table.rows.push_back(SplitLine(line));
    }
  }
  return table;
}

std::string BdmVectorDir() { return std::string(ENTENTE_SHARED_DIR) + "/vectors/bdm"; }

}  // namespace entente::testing
