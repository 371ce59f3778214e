// A small CSV reader for the reference vectors under shared/vectors (test-only).
//
// Reads RFC-4180-style files: a header row, comma-separated fields, optional double quotes
// (with "" for a literal quote). Good enough for the vector files; not a general parser.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace entente::testing {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of a header column; -1 when absent.
  int Column(const std::string& name) const;
  // rows[row][Column(name)]. REQUIRES: the column exists.
  const std::string& At(std::size_t row, const std::string& name) const;
  double Number(std::size_t row, const std::string& name) const;
};

// nullopt when the file cannot be read.
std::optional<CsvTable> ReadCsv(const std::string& path);

// The folder of the EUM reference vectors: ENTENTE_SHARED_DIR/vectors/bdm.
std::string BdmVectorDir();

}  // namespace entente::testing
