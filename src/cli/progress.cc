#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>

namespace entente::cli {

namespace {
constexpr double kBarInterval = 0.1;   // seconds between redraws of the bar
constexpr double kLineInterval = 5.0;  // seconds between plain progress lines
constexpr int kBarWidth = 30;
}  // namespace

Progress::Progress(std::string label, std::uint64_t total, Mode mode, std::FILE* out)
    : label_(std::move(label)), total_(total), mode_(mode), out_(out) {
  start_ = last_ = Clock::now();
}

Progress::Mode Progress::ChooseMode(bool quiet, std::FILE* out) {
  if (quiet) return Mode::kQuiet;
  return isatty(fileno(out)) ? Mode::kBar : Mode::kLines;
}

std::string Progress::FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long long s = std::llround(seconds);
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{}:{:02}", s / 60, s % 60);
  return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

std::string Progress::Line(std::uint64_t done, double elapsed) const {
  const double fraction = total_ == 0 ? 1.0 : static_cast<double>(done) / total_;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const std::string eta = done >= total_ ? "done"
                          : rate > 0     ? "ETA " + FormatDuration((total_ - done) / rate)
                                         : "ETA ?";
  return fmt::format("{}/{} ({:.0f}%), {:.0f}/s, {}", done, total_, 100.0 * fraction, rate, eta);
}

void Progress::Update(std::uint64_t done) {
  done_ = done;
  if (mode_ == Mode::kQuiet) return;
  const Clock::time_point now = Clock::now();
  const double since = std::chrono::duration<double>(now - last_).count();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (mode_ == Mode::kBar) {
    if (printed_ && since < kBarInterval && done < total_) return;
    const double fraction = total_ == 0 ? 1.0 : static_cast<double>(done) / total_;
    const int filled = static_cast<int>(fraction * kBarWidth);
    std::string bar;
    for (int i = 0; i < kBarWidth; ++i) bar += i < filled ? "█" : "░";
    fmt::print(out_, "\r{} {} {}\x1b[K", label_, bar, Line(done, elapsed));
  } else {
    if (since < kLineInterval && done < total_) return;
    if (done >= total_ && !printed_ && elapsed < kLineInterval) return;  // short runs: quiet
    fmt::print(out_, "{}: {}\n", label_, Line(done, elapsed));
  }
  std::fflush(out_);
  printed_ = true;
  last_ = now;
}

void Progress::Finish() {
  if (mode_ == Mode::kQuiet) return;
  if (mode_ == Mode::kBar) {
    if (!printed_) Update(done_);
    fmt::print(out_, "\n");
    std::fflush(out_);
  }
}

}  // namespace entente::cli
