// Progress reporting for long commands (docs/manual.md, "Progress"): on a terminal (standard
// error is a tty) a bar with rate and ETA redrawn in place at most ten times a second; otherwise
// a plain line every few seconds (for logs and CI); nothing with --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace entente::cli {

class Progress {
 public:
  enum class Mode { kBar, kLines, kQuiet };

  // `label` starts each report, e.g. "sweep". `total` units of work.
  Progress(std::string label, std::uint64_t total, Mode mode, std::FILE* out = stderr);
  // kQuiet when `quiet`, else kBar when `out` is a terminal, else kLines.
  static Mode ChooseMode(bool quiet, std::FILE* out = stderr);

  // `done` units finished so far (monotone). Prints when due.
  void Update(std::uint64_t done);
  // Prints the final state (and ends the bar's line).
  void Finish();

  // "1:05" / "12 s" style durations and the rate/ETA text, for tests.
  static std::string FormatDuration(double seconds);
  std::string Line(std::uint64_t done, double elapsed_seconds) const;

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  std::uint64_t total_;
  Mode mode_;
  std::FILE* out_;
  Clock::time_point start_;
  Clock::time_point last_;
  std::uint64_t done_ = 0;
  bool printed_ = false;
};

}  // namespace entente::cli
