#include "cli/mpi_handoff.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace entente::cli {

namespace {

// A positive integer from the environment, or 0.
int PositiveEnv(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) return 0;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value <= 0 || value > 1'000'000) return 0;
  return static_cast<int>(value);
}

}  // namespace

int LauncherWorldSize() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
    if (const int size = PositiveEnv(name); size > 0) return size;
  }
  if (std::getenv("PMIX_RANK") != nullptr) return 2;
  return 1;
}

std::filesystem::path MpiBuildBeside(const std::filesystem::path& self) {
  if (self.empty()) return {};
  std::filesystem::path sibling = self.parent_path() / "entente-mpi";
  if (::access(sibling.c_str(), X_OK) != 0) return {};
  return sibling;
}

void HandOffToMpiBuild(char** argv, bool this_build_has_mpi, std::string* error) {
  error->clear();
  if (this_build_has_mpi) return;
  const int ranks = LauncherWorldSize();
  if (ranks <= 1) return;
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path sibling = MpiBuildBeside(ec ? std::filesystem::path() : self);
  if (!sibling.empty()) {
    ::execv(sibling.c_str(), argv);
    *error = "started by an MPI launcher, but could not run " + sibling.string() + ": " +
             std::strerror(errno);
    return;
  }
  *error =
      "started by an MPI launcher with several ranks, but this entente was built without "
      "MPI and no entente-mpi is beside it; install OpenMPI (libopenmpi-dev) and rebuild, "
      "or run without mpirun (docs/manual.md, \"Distributed sweeps\")";
}

}  // namespace entente::cli
