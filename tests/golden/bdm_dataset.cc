#include "golden/bdm_dataset.h"

#include <algorithm>

#include "golden/vector_csv.h"

namespace entente::testing {

std::optional<IssueTable> LoadBdmDataset(const std::string& dataset) {
  std::optional<CsvTable> csv = ReadCsv(BdmVectorDir() + "/" + dataset + ".input.csv");
  if (!csv) return std::nullopt;
  IssueTable table;
  table.issue_id = dataset;
  for (std::size_t row = 0; row < csv->rows.size(); ++row) {
    table.actor_index.push_back(row);
    table.actor_ids.push_back(csv->At(row, "actor"));
    table.capability.push_back(csv->Number(row, "capability"));
    table.position.push_back(csv->Number(row, "position"));
    table.salience.push_back(csv->Number(row, "salience"));
    table.votes.push_back(true);
  }
  const auto [lo, hi] = std::minmax_element(table.position.begin(), table.position.end());
  table.scale_min = *lo;
  table.scale_max = *hi;
  return table;
}

}  // namespace entente::testing
