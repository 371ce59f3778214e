// LoadScenario: reads a file and picks the reader by its extension.
#include <algorithm>
#include <cctype>
#include <string>

#include "entente/io.h"

namespace entente {

namespace {

std::string LowerExtension(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

Result<Scenario> LoadScenario(const std::string& path, const LoadLimits& limits) {
  const std::string ext = LowerExtension(path);
  const bool yaml = ext == ".yaml" || ext == ".yml";
  if (!yaml && ext != ".csv") {
    return Status::InvalidArgument(
        path + ": cannot tell the format from the extension " +
        (ext.empty() ? std::string("(none)") : "'" + ext + "'") +
        "; expected .yaml or .yml (scenario file) or .csv (actor,capability,position,salience "
        "table)");
  }
  Result<std::string> text = ReadFile(path, limits.max_file_bytes);
  if (!text.ok()) return text.status();
  return yaml ? ParseScenarioYaml(*text, path, limits) : ParseActorTableCsv(*text, path, limits);
}

}  // namespace entente
