#include "cli/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace entente::cli {
namespace {

std::string Read(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[256];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST(Progress, FormatsDurations) {
  EXPECT_EQ(Progress::FormatDuration(4.4), "4 s");
  EXPECT_EQ(Progress::FormatDuration(65), "1:05");
  EXPECT_EQ(Progress::FormatDuration(3725), "1:02:05");
  EXPECT_EQ(Progress::FormatDuration(-1), "?");
}

TEST(Progress, LineHasCountPercentRateAndEta) {
  Progress p("sweep", 1000, Progress::Mode::kQuiet);
  EXPECT_EQ(p.Line(250, 5.0), "250/1000 (25%), 50/s, ETA 15 s");
  EXPECT_EQ(p.Line(1000, 10.0), "1000/1000 (100%), 100/s, done");
  EXPECT_EQ(p.Line(0, 0.0), "0/1000 (0%), 0/s, ETA ?");
}

TEST(Progress, BarRedrawsInPlaceAndEndsItsLine) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress p("sweep", 10, Progress::Mode::kBar, f);
  p.Update(3);
  p.Update(10);
  p.Finish();
  const std::string out = Read(f);
  EXPECT_EQ(out.front(), '\r');
  EXPECT_NE(out.find("10/10 (100%)"), std::string::npos);
  EXPECT_EQ(out.back(), '\n');
  std::fclose(f);
}

TEST(Progress, LinesStayQuietForShortRunsAndQuietPrintsNothing) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress lines("sweep", 10, Progress::Mode::kLines, f);
  lines.Update(5);
  lines.Update(10);
  lines.Finish();
  Progress quiet("sweep", 10, Progress::Mode::kQuiet, f);
  quiet.Update(10);
  quiet.Finish();
  EXPECT_EQ(Read(f), "");  // a run shorter than the 5 s line interval prints no line
  std::fclose(f);
  EXPECT_EQ(Progress::ChooseMode(true), Progress::Mode::kQuiet);
}

}  // namespace
}  // namespace entente::cli
