// The libFuzzer targets' bodies: one function per parser (and one that runs every model on a
// parsed scenario), each taking arbitrary bytes. A target returns normally whatever the input;
// when an input breaks a contract (a crash, an exception escaping, an accepted scenario that
// violates the conventions of scenario.h, an error without a located message, a model result
// outside its issue's scale) it prints what broke and aborts, which libFuzzer reports as a
// finding.
//
// The same functions run in the ordinary test suite on every file under tests/regressions/
// (tests/regressions/regressions_test.cc), so a finding fixed once stays fixed in every build,
// not only in the sanitizer build that holds the fuzzers (fuzz/README.md).
//
// Thread-safety: reentrant.
#pragma once

#include <string>
#include <vector>

namespace entente::fuzz {

// Each takes the input bytes as a string (they may hold NULs and invalid UTF-8).
void FuzzYamlScenario(const std::string& data);  // ParseScenarioYaml
void FuzzCsvTable(const std::string& data);      // ParseActorTableCsv
void FuzzKtabCsv(const std::string& data);       // ImportKtabCsv, then the import checks
void FuzzKtabXml(const std::string& data);       // ImportKtabXml, then the import checks
void FuzzDecide(const std::string& data);        // ImportDecide, then the import checks
void FuzzDeu(const std::string& data);           // ParseDeuCsv
// Parses `data` as scenario YAML; when accepted and small (at most kModelFuzzMaxActors actors
// and kModelFuzzMaxIssues issues), runs every registered model and preset for at most
// kModelFuzzRounds rounds and checks each result.
void FuzzModels(const std::string& data);

inline constexpr int kModelFuzzMaxActors = 12;
inline constexpr int kModelFuzzMaxIssues = 3;
inline constexpr int kModelFuzzRounds = 4;

struct FuzzTarget {
  const char* name;  // the fuzzer binary is fuzz_<name>, its regressions tests/regressions/<name>
  void (*run)(const std::string& data);
};

// Every target, in the order fuzz/run_fuzzers.sh runs them.
const std::vector<FuzzTarget>& FuzzTargets();

}  // namespace entente::fuzz
