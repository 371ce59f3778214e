// Handing a process that an MPI launcher started to the MPI build of entente.
//
// The `entente` executable is linked statically for a fast start (BENCHMARKS.md) and so cannot
// load MPI. When MPI is found at build time a second executable, `entente-mpi`, is built beside it
// with MPI linked in. `mpirun -np K entente sweep ...` (or `srun`) starts `entente`; its main
// calls HandOffToMpiBuild first, which replaces the process (execv: same process id, arguments and
// environment, so the launcher sees nothing change) with `entente-mpi` from the same folder.
//
// Thread-safety: call once, from main, before any other thread starts.
#pragma once

#include <filesystem>
#include <string>

namespace entente::cli {

// The number of ranks the launcher's environment names (OMPI_COMM_WORLD_SIZE, PMI_SIZE,
// PMIX_SIZE), or 1 when none does. A PMIx launch without a size (PMIX_RANK alone) counts as 2:
// several ranks, number unknown.
int LauncherWorldSize();

// The MPI build that `self` (this executable's path) would hand off to: `entente-mpi` in the same
// folder, or an empty path when there is none or it is not executable.
std::filesystem::path MpiBuildBeside(const std::filesystem::path& self);

// REQUIRES: `argv` as given to main. Does nothing when this build has MPI or the launcher names
// one rank or none. Otherwise execs `entente-mpi` beside this executable and does not return;
// when that is impossible it returns a sentence for the user in *error (which the caller prints
// before exiting), so that K copies never run the whole sweep each.
void HandOffToMpiBuild(char** argv, bool this_build_has_mpi, std::string* error);

}  // namespace entente::cli
