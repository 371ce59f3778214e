// DEU: the "Decision-making in the European Union" issue tables (Thomson, Stokman, Achen &
// König 2006; Thomson et al. 2012; Arregui & Perarnaud 2022; data doi:10.34810/data53,
// CC BY 4.0), one row per controversial issue, and the capability mappings used to score
// forecasts on them.
//
// A DEU table has no capability column: capability comes from a documented mapping chosen by
// the user (DeuCapabilityOptions), never fitted per issue. See docs/validation.md.
//
// Thread-safety: all functions are reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/scenario.h"
#include "entente/status.h"

namespace entente {

struct DeuDate {
  int year = 0;  // four digits
  int month = 0;
  int day = 0;
  // yyyymmdd, for ordering.
  int Key() const { return year * 10000 + month * 100 + day; }
};

// The 30 DEU actor codes in file order: "com", "ep", then the member states.
const std::vector<std::string>& DeuActorCodes();
// Display name of a DEU actor code ("com" -> "European Commission"); the code when unknown.
std::string DeuActorName(const std::string& code);

// One row of a DEU file.
struct DeuIssue {
  int line = 0;               // 1-based line in the file
  std::string proposal;       // `prnr`, e.g. "d00032"
  std::string proposal_name;  // `prname`
  std::string issue;          // `isnr`, e.g. "d00032i1"
  std::string procedure;      // `proc`: "COD" or "CNS"
  std::string council_rule;   // `counvte`: "QMV", "Unan", "QMV(10)"
  DeuDate intro;              // Commission introduction date (`intro`, see ParseDeuDate)
  // Per DeuActorCodes() entry: position and salience on 0–100; nullopt where blank.
  std::vector<std::optional<double>> position;
  std::vector<std::optional<double>> salience;
  std::optional<double> reference_point;  // `rp`: the status quo / reversion point
  std::optional<double> outcome;          // `out`: the actual decision outcome

  // Number of actors with a position.
  int PositionCount() const;
};

struct DeuTable {
  std::string path;
  std::vector<DeuIssue> issues;
};

// Parses the `intro` column. Accepts dd-mm-yy, dd-mm-yyyy, and the spreadsheet artefact found
// in the published copy where dd-mm-yy was read as yy-mm-dd and written "20yy-mm-dd" or
// "19yy-mm-dd" (e.g. "2014-07-04" stands for 14-07-04). Two-digit years: 50–99 -> 19yy,
// otherwise 20yy. Returns nullopt when the text is none of these.
std::optional<DeuDate> ParseDeuDate(const std::string& text);

// Reads a DEU comma-separated table with a header row naming at least the columns prnr, isnr,
// proc, counvte, intro, rp, out and p<actor>/s<actor> for the DEU actor codes (missing actor
// columns are treated as blank). Blank cells are missing values. A malformed cell yields a
// ParseError "file:line:column: ..." naming the column and showing the line.
Result<DeuTable> ParseDeuCsv(const std::string& text, const std::string& path);
Result<DeuTable> LoadDeuCsv(const std::string& path);

// How actors' capabilities are set on a DEU issue.
enum class DeuCapability {
  kCouncilVotes,   // Council weighted votes of the regime in force at `intro`
  kShapleyShubik,  // Shapley–Shubik index of the Council voting game of that regime
  kBanzhaf,        // normalised Banzhaf index of that game
  kEqual,          // every member state 1
};

// How the Commission and the European Parliament get capability, given the member states'
// capabilities under the chosen mapping. `largest` = the largest member state's capability in
// the regime, `council` = the sum over the regime's member states.
enum class DeuInstitutions {
  kLargestState,  // Commission = largest; EP = largest under COD, 0 under CNS
  kCoEqual,       // Commission = largest; EP = council under COD (co-legislator), 0 under CNS
  kNone,          // Commission and EP 0: only the Council's members weigh
};

Result<DeuCapability> ParseDeuCapability(const std::string& name);      // "council-votes", ...
Result<DeuInstitutions> ParseDeuInstitutions(const std::string& name);  // "largest-state", ...
const char* DeuCapabilityName(DeuCapability mapping);
const char* DeuInstitutionsName(DeuInstitutions rule);

// The Council's weighted-voting regime at a date: members, weights and QMV quota.
struct CouncilRegime {
  std::string name;                  // e.g. "Nice EU-27"
  std::vector<std::string> members;  // DEU codes
  std::vector<int> weights;          // votes per member
  int quota = 0;                     // QMV threshold in votes
  int total = 0;                     // sum of weights
};

// The regime in force on `date` (see docs/validation.md for the dates and sources: EC Treaty
// art. 205(2); 2003 Act of Accession art. 26 for May–Oct 2004; Treaty of Nice Protocol on
// enlargement art. 3 from 1 Nov 2004, with the 2005 and 2012 Acts of Accession). Nice weights
// are kept after 31 Oct 2014 (the Lisbon double majority is not a weighted game).
CouncilRegime CouncilRegimeAt(const DeuDate& date);

struct DeuCapabilityOptions {
  DeuCapability mapping = DeuCapability::kCouncilVotes;
  DeuInstitutions institutions = DeuInstitutions::kLargestState;
  // Under `Unan` issues the power indices use unanimity (quota = total) when true; the QMV
  // quota otherwise. Votes and equal capabilities do not depend on it.
  bool unanimity_game_for_unan = true;
};

// Turns one DEU row into a one-issue Scenario (scale 0–100, salience divided by 100) with the
// mapped capabilities. Actors without a position are left out. Commission and EP are outsiders
// (they never vote in the Council), the EP a veto player under COD; member states are members. A
// member state with a position but no seat in the regime gets capability 0, is an outsider, and a
// note in capability_source.
Result<Scenario> DeuIssueToScenario(const DeuIssue& issue, const std::string& path,
                                    const DeuCapabilityOptions& options);

}  // namespace entente
