// Splitting a sweep's replications across MPI ranks (docs/manual.md, "Distributed sweeps").
//
// Under `mpirun -np K entente sweep ...` (or `srun`), every rank loads the scenario and options,
// runs a contiguous share of the replication indices on its own threads, and sends its results
// to rank 0, which alone writes the run store and prints the report. Because each replication's
// result depends only on the run seed and its index (sweep.h), the figures equal a single
// process's. Built without MPI (ENTENTE_WITH_MPI off) or started without a launcher, this is a
// world of one rank and costs nothing.
//
// MPI is initialised on first use only when the process was started by an MPI launcher (its
// environment names a rank), and finalised when the process exits.
//
// Thread-safety: call from the main thread only (MPI_THREAD_FUNNELED).
#pragma once

#include <cstdint>
#include <vector>

#include "entente/status.h"
#include "entente/sweep.h"

namespace entente::cli {

class Distributed {
 public:
  static Distributed& Get();
  // Whether this executable was built with MPI (entente-mpi) or not (entente, the tests).
  static bool BuiltWithMpi();

  int rank() const { return rank_; }
  int size() const { return size_; }

  // Collective (also a barrier): true when `ok` is true on every rank. Lets every rank stop
  // together when one rank (e.g. rank 0 opening the store) cannot go on.
  bool AllOk(bool ok);

  // This rank's share of `todo`: the contiguous block [r·n/K, (r+1)·n/K).
  std::vector<std::uint64_t> Share(const std::vector<std::uint64_t>& todo) const;

  // Collective: sends this rank's results and status to rank 0. On rank 0, *all receives every
  // rank's results (any order) and *status the first non-OK status of any rank (rank order), or
  // OK. Returns non-OK only when communication itself fails.
  Status Gather(const std::vector<ReplicationResult>& mine, const Status& my_status,
                std::vector<ReplicationResult>* all, Status* status);

 private:
  Distributed();
  int rank_ = 0;
  int size_ = 1;
  bool mpi_ = false;
};

}  // namespace entente::cli
