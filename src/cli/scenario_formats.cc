#include "cli/scenario_formats.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entente/convert.h"
#include "entente/scenario_writer.h"
#include "entente/spatial_pce.h"

namespace entente::cli {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Extension(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return Lower(path.substr(dot));
}

// The first line that is not blank, without a UTF-8 byte-order mark or a trailing '\r'.
std::string FirstLine(const std::string& text) {
  std::size_t pos = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) return line;
    pos = end + 1;
  }
  return "";
}

std::string TrimCell(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  std::string t = s.substr(b, s.find_last_not_of(" \t") - b + 1);
  if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'') && t.back() == t.front()) {
    t = t.substr(1, t.size() - 2);
  }
  return t;
}

// Splits on `sep`, ignoring separators inside double quotes (enough to recognise a title line).
std::vector<std::string> Cells(const std::string& line, char sep) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == sep && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  for (std::string& c : cells) c = TrimCell(c);
  return cells;
}

bool IsWholeNumber(const std::string& s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool StartsWithDecideTag(const std::string& line) {
  const std::size_t sep = line.find_first_of(";\t");
  const std::string first = TrimCell(line.substr(0, sep));
  return first.size() == 2 && first[0] == '#';
}

std::string DescribeKtab(const KtabImport& k) {
  std::string notes;
  if (k.has_model_parameters) {
    const SmpOptions& o = k.options;
    notes += "KTAB model parameters (for `entente run --model smp --param NAME=VALUE`):\n";
    notes += fmt::format(
        "  VictoryProbModel={} PCEModel={} StateTransitions={}\n"
        "  VotingRule={} BigRAdjust={} BigRRange={}\n"
        "  ThirdPartyCommit={} InterVecBrgn={} BargnModel={}\n",
        SmpName(o.victory_prob_model), SmpName(o.pce_model), SmpName(o.state_transitions),
        SmpName(o.voting_rule), SmpName(o.big_r_adjust), SmpName(o.big_r_range),
        SmpName(o.third_party_commit), SmpName(o.inter_vec_brgn), SmpName(o.bargn_model));
  }
  if (k.prng_seed != 0) notes += fmt::format("KTAB prngSeed: {}\n", k.prng_seed);
  if (!k.accommodation.empty()) {
    const std::size_t n = k.scenario.actors.size();
    notes += "KTAB ideal accommodation matrix (row i: actor i's adjustment towards each actor):\n";
    for (std::size_t i = 0; i < n && (i + 1) * n <= k.accommodation.size(); ++i) {
      std::string row;
      for (std::size_t j = 0; j < n; ++j) {
        row += fmt::format("{}{}", j == 0 ? "" : " ", k.accommodation[i * n + j]);
      }
      notes += "  " + k.scenario.actors[i].id + ": " + row + "\n";
    }
  }
  if (!notes.empty() && notes.back() == '\n') notes.pop_back();
  return notes;
}

Status CheckLimits(const Scenario& s, const LoadLimits& limits, const std::string& path) {
  if (s.actors.size() > limits.max_actors) {
    return Status::LimitExceeded(
        fmt::format("{}: {} actors exceed the limit of {} (raise it with --max-actors)", path,
                    s.actors.size(), limits.max_actors));
  }
  if (s.issues.size() > limits.max_issues) {
    return Status::LimitExceeded(
        fmt::format("{}: {} issues exceed the limit of {} (raise it with --max-issues)", path,
                    s.issues.size(), limits.max_issues));
  }
  return Status::Ok();
}

// Scenario YAML requires a stance on every issue; importers may declare issues nobody takes a
// stance on (Decide). Such an issue carries nothing a model can use: drop it, as
// FormatScenarioYaml does.
void DropIssuesWithoutStances(Scenario* s) {
  for (std::size_t k = s->issues.size(); k-- > 0;) {
    bool any = false;
    for (const std::optional<Stance>& st : s->stances[k]) any = any || st.has_value();
    if (any) continue;
    s->issues.erase(s->issues.begin() + static_cast<std::ptrdiff_t>(k));
    s->stances.erase(s->stances.begin() + static_cast<std::ptrdiff_t>(k));
  }
}

// Models rely on the checks LoadScenario makes (scenario.h): hold an imported scenario to them
// by loading its YAML form (per-issue capabilities, which YAML cannot hold, set aside).
Status CheckAsYaml(const Scenario& imported, const std::string& path, const LoadLimits& limits) {
  Scenario plain = imported;
  for (auto& row : plain.stances) {
    for (std::optional<Stance>& st : row) {
      if (st) st->capability.reset();
    }
  }
  if (plain.meta.title.empty()) plain.meta.title = "untitled";
  Result<std::string> yaml = FormatScenarioYaml(plain);
  if (!yaml.ok()) return Status::ParseError(path + ": " + yaml.status().message());
  // The input's limits, but not its file size: the YAML form may be longer than the input.
  LoadLimits yaml_limits = limits;
  yaml_limits.max_file_bytes = std::max(yaml_limits.max_file_bytes, yaml->size());
  Result<Scenario> back = ParseScenarioYaml(*yaml, "(as YAML)", yaml_limits);
  if (back.ok()) return Status::Ok();
  // Only the message's first line: the rest shows YAML the user never wrote.
  const std::string& m = back.status().message();
  return Status::ParseError(path +
                            ": the imported scenario is not valid: " + m.substr(0, m.find('\n')));
}

}  // namespace

const char* ScenarioFormatName(ScenarioFormat format) {
  switch (format) {
    case ScenarioFormat::kEntente:
      return "entente";
    case ScenarioFormat::kKtabCsv:
      return "ktab-csv";
    case ScenarioFormat::kKtabXml:
      return "ktab-xml";
    case ScenarioFormat::kDecide:
      return "decide";
    case ScenarioFormat::kUnknown:
      break;
  }
  return "unknown";
}

Result<ScenarioFormat> ParseScenarioFormat(const std::string& name) {
  for (const ScenarioFormat f :
       {ScenarioFormat::kKtabCsv, ScenarioFormat::kKtabXml, ScenarioFormat::kDecide}) {
    if (name == ScenarioFormatName(f)) return f;
  }
  return Status::InvalidArgument("unknown input format '" + name +
                                 "'; expected ktab-csv, ktab-xml or decide");
}

ScenarioFormat GuessScenarioFormat(const std::string& path, const std::string& text) {
  const std::string ext = Extension(path);
  if (ext == ".yaml" || ext == ".yml") return ScenarioFormat::kEntente;
  const std::string line = FirstLine(text);
  const std::size_t first = line.find_first_not_of(" \t");
  if (ext == ".xml" || (first != std::string::npos && line[first] == '<')) {
    return ScenarioFormat::kKtabXml;
  }
  if (ext == ".txt" || ext == ".tsv" || StartsWithDecideTag(line)) return ScenarioFormat::kDecide;
  if (ext == ".csv") {
    const std::vector<std::string> cells = Cells(line, ',');
    if (cells.size() >= 4 && IsWholeNumber(cells[2]) && IsWholeNumber(cells[3])) {
      return ScenarioFormat::kKtabCsv;
    }
    return ScenarioFormat::kEntente;
  }
  return ScenarioFormat::kUnknown;
}

Result<ImportedScenario> ReadAnyScenario(const std::string& path, const LoadLimits& limits,
                                         ScenarioFormat format) {
  ImportedScenario out;
  const std::string ext = Extension(path);
  const bool foreign_ext = ext == ".csv" || ext == ".xml" || ext == ".txt" || ext == ".tsv";
  if (format == ScenarioFormat::kEntente || (format == ScenarioFormat::kUnknown && !foreign_ext)) {
    // LoadScenario reads YAML, and names the accepted extensions for any other.
    Result<Scenario> s = LoadScenario(path, limits);
    if (!s.ok()) return s.status();
    out.scenario = std::move(s).value();
    return out;
  }
  Result<std::string> text = ReadFile(path, limits.max_file_bytes);
  if (!text.ok()) return text.status();
  return ParseAnyScenario(std::move(text).value(), path, limits, format);
}

Result<ImportedScenario> ParseAnyScenario(std::string text, const std::string& path,
                                          const LoadLimits& limits, ScenarioFormat format) {
  ImportedScenario out;
  out.format = format == ScenarioFormat::kUnknown ? GuessScenarioFormat(path, text) : format;
  if (text.size() > limits.max_file_bytes) {
    return Status::LimitExceeded(
        path + ": file is " + std::to_string(text.size()) + " bytes, over the limit of " +
        std::to_string(limits.max_file_bytes) + " bytes (raise it with --max-file-bytes)");
  }
  switch (out.format) {
    case ScenarioFormat::kEntente:
    case ScenarioFormat::kUnknown: {
      Result<Scenario> s = Extension(path) == ".csv" ? ParseActorTableCsv(text, path, limits)
                                                     : ParseScenarioYaml(text, path, limits);
      if (!s.ok()) return s.status();
      out.scenario = std::move(s).value();
      out.format = ScenarioFormat::kEntente;
      return out;
    }
    case ScenarioFormat::kKtabCsv:
    case ScenarioFormat::kKtabXml: {
      Result<KtabImport> k = out.format == ScenarioFormat::kKtabCsv
                                 ? ImportKtabCsv(text, path)
                                 : ImportKtabXml(text, path, limits.max_depth);
      if (!k.ok()) return k.status();
      out.notes = DescribeKtab(*k);
      out.scenario = std::move(k->scenario);
      break;
    }
    case ScenarioFormat::kDecide: {
      Result<Scenario> s = ImportDecide(text, path);
      if (!s.ok()) return s.status();
      out.scenario = std::move(s).value();
      break;
    }
  }
  if (Status s = CheckLimits(out.scenario, limits, path); !s.ok()) return s;
  DropIssuesWithoutStances(&out.scenario);
  if (Status s = CheckAsYaml(out.scenario, path, limits); !s.ok()) return s;
  if (out.scenario.path.empty()) out.scenario.path = path;
  if (out.scenario.text.empty()) out.scenario.text = std::move(text);
  return out;
}

Result<Scenario> LoadAnyScenario(const std::string& path, const LoadLimits& limits) {
  Result<ImportedScenario> r = ReadAnyScenario(path, limits);
  if (!r.ok()) return r.status();
  return std::move(r->scenario);
}

}  // namespace entente::cli
