#include "cli/mpi_handoff.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace entente::cli {
namespace {

// Sets the launcher variables for one test and restores a clean environment afterwards.
class LauncherEnvironment : public ::testing::Test {
 protected:
  void SetUp() override { Clear(); }
  void TearDown() override { Clear(); }
  static void Clear() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "PMIX_RANK"}) {
      ::unsetenv(name);
    }
  }
};

TEST_F(LauncherEnvironment, NoLauncherIsOneRank) { EXPECT_EQ(LauncherWorldSize(), 1); }

TEST_F(LauncherEnvironment, ReadsOpenMpiAndPmiSizes) {
  ::setenv("OMPI_COMM_WORLD_SIZE", "3", 1);
  EXPECT_EQ(LauncherWorldSize(), 3);
  Clear();
  ::setenv("PMI_SIZE", "4", 1);
  EXPECT_EQ(LauncherWorldSize(), 4);
}

TEST_F(LauncherEnvironment, IgnoresMalformedSizes) {
  ::setenv("OMPI_COMM_WORLD_SIZE", "three", 1);
  EXPECT_EQ(LauncherWorldSize(), 1);
  ::setenv("OMPI_COMM_WORLD_SIZE", "-2", 1);
  EXPECT_EQ(LauncherWorldSize(), 1);
}

TEST_F(LauncherEnvironment, PmixRankAloneMeansSeveralRanks) {
  ::setenv("PMIX_RANK", "0", 1);
  EXPECT_EQ(LauncherWorldSize(), 2);
}

TEST_F(LauncherEnvironment, NoHandOffForOneRankOrAnMpiBuild) {
  std::string error = "unchanged";
  char arg0[] = "entente";
  char* argv[] = {arg0, nullptr};
  HandOffToMpiBuild(argv, /*this_build_has_mpi=*/false, &error);
  EXPECT_EQ(error, "");
  ::setenv("OMPI_COMM_WORLD_SIZE", "3", 1);
  HandOffToMpiBuild(argv, /*this_build_has_mpi=*/true, &error);
  EXPECT_EQ(error, "");
}

TEST(MpiBuildBesideTest, FindsAnExecutableSiblingOnly) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("entente_handoff_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path self = dir / "entente";
  EXPECT_EQ(MpiBuildBeside(self), std::filesystem::path());
  const std::filesystem::path sibling = dir / "entente-mpi";
  std::ofstream(sibling) << "#!/bin/sh\n";
  std::filesystem::permissions(
      sibling, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_EQ(MpiBuildBeside(self), std::filesystem::path()) << "not executable";
  std::filesystem::permissions(sibling, std::filesystem::perms::owner_all);
  EXPECT_EQ(MpiBuildBeside(self), sibling);
  EXPECT_EQ(MpiBuildBeside({}), std::filesystem::path());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace entente::cli
