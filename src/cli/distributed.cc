#include "cli/distributed.h"

#include <cstdlib>
#include <cstring>
#include <string>

#ifdef ENTENTE_WITH_MPI
#include <mpi.h>
#endif

namespace entente::cli {

namespace {

// Flat byte encoding of a rank's status and results for one MPI_Gatherv.
void Put(std::vector<char>* out, const void* p, std::size_t n) {
  const char* c = static_cast<const char*>(p);
  out->insert(out->end(), c, c + n);
}
template <typename T>
void PutValue(std::vector<char>* out, T v) {
  Put(out, &v, sizeof v);
}

class Reader {
 public:
  Reader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
  template <typename T>
  bool Get(T* v) {
    if (static_cast<std::size_t>(end_ - p_) < sizeof(T)) return false;
    std::memcpy(v, p_, sizeof(T));
    p_ += sizeof(T);
    return true;
  }
  bool GetBytes(std::string* s, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) return false;
    s->assign(p_, n);
    p_ += n;
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

[[maybe_unused]] std::vector<char> Encode(const std::vector<ReplicationResult>& results,
                                          const Status& status) {
  std::vector<char> out;
  PutValue(&out, static_cast<std::int32_t>(status.code()));
  PutValue(&out, static_cast<std::uint64_t>(status.message().size()));
  Put(&out, status.message().data(), status.message().size());
  PutValue(&out, static_cast<std::uint64_t>(results.size()));
  for (const ReplicationResult& r : results) {
    PutValue(&out, r.index);
    PutValue(&out, r.seed);
    PutValue(&out, static_cast<std::uint64_t>(r.forecast.size()));
    Put(&out, r.forecast.data(), r.forecast.size() * sizeof(double));
    for (StopReason s : r.stop) PutValue(&out, static_cast<std::int32_t>(s));
  }
  return out;
}

[[maybe_unused]] bool Decode(const char* p, std::size_t n, std::vector<ReplicationResult>* all,
                             Status* status) {
  Reader in(p, n);
  std::int32_t code = 0;
  std::uint64_t length = 0, count = 0;
  std::string message;
  if (!in.Get(&code) || !in.Get(&length) || !in.GetBytes(&message, length) || !in.Get(&count)) {
    return false;
  }
  if (code != 0 && status->ok()) *status = Status(static_cast<StatusCode>(code), message);
  for (std::uint64_t k = 0; k < count; ++k) {
    ReplicationResult r;
    std::uint64_t width = 0;
    if (!in.Get(&r.index) || !in.Get(&r.seed) || !in.Get(&width)) return false;
    r.forecast.resize(width);
    r.stop.resize(width);
    for (double& f : r.forecast)
      if (!in.Get(&f)) return false;
    for (StopReason& s : r.stop) {
      std::int32_t v = 0;
      if (!in.Get(&v)) return false;
      s = static_cast<StopReason>(v);
    }
    all->push_back(std::move(r));
  }
  return true;
}

#ifdef ENTENTE_WITH_MPI
bool StartedByMpiLauncher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "SLURM_STEP_ID"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

void FinalizeMpi() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}
#endif

}  // namespace

bool Distributed::BuiltWithMpi() {
#ifdef ENTENTE_WITH_MPI
  return true;
#else
  return false;
#endif
}

Distributed& Distributed::Get() {
  static Distributed world;
  return world;
}

Distributed::Distributed() {
#ifdef ENTENTE_WITH_MPI
  if (!StartedByMpiLauncher()) return;
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) return;
  std::atexit(FinalizeMpi);
  mpi_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#endif
}

bool Distributed::AllOk(bool ok) {
#ifdef ENTENTE_WITH_MPI
  if (mpi_ && size_ > 1) {
    int mine = ok ? 1 : 0, all = 0;
    if (MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD) != MPI_SUCCESS) {
      return false;
    }
    return all == 1;
  }
#endif
  return ok;
}

std::vector<std::uint64_t> Distributed::Share(const std::vector<std::uint64_t>& todo) const {
  const std::size_t n = todo.size();
  const std::size_t begin = n * static_cast<std::size_t>(rank_) / static_cast<std::size_t>(size_);
  const std::size_t end = n * static_cast<std::size_t>(rank_ + 1) / static_cast<std::size_t>(size_);
  return std::vector<std::uint64_t>(todo.begin() + begin, todo.begin() + end);
}

Status Distributed::Gather(const std::vector<ReplicationResult>& mine, const Status& my_status,
                           std::vector<ReplicationResult>* all, Status* status) {
  all->clear();
  *status = Status::Ok();
  if (!mpi_ || size_ == 1) {
    *all = mine;
    *status = my_status;
    return Status::Ok();
  }
#ifdef ENTENTE_WITH_MPI
  const std::vector<char> bytes = Encode(mine, my_status);
  // Sizes first (as 64-bit counts: a rank's share can pass 2 GiB), then the bytes in chunks.
  const std::uint64_t my_size = bytes.size();
  std::vector<std::uint64_t> sizes(rank_ == 0 ? size_ : 0);
  if (MPI_Gather(&my_size, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, 0, MPI_COMM_WORLD) !=
      MPI_SUCCESS) {
    return Status::Internal("MPI_Gather of result sizes failed");
  }
  if (rank_ != 0) {
    constexpr std::uint64_t kChunk = 1u << 30;
    for (std::uint64_t off = 0; off < my_size; off += kChunk) {
      const int n = static_cast<int>(std::min(kChunk, my_size - off));
      if (MPI_Send(bytes.data() + off, n, MPI_CHAR, 0, 7, MPI_COMM_WORLD) != MPI_SUCCESS) {
        return Status::Internal("MPI_Send of results failed");
      }
    }
    *status = my_status;
    return Status::Ok();
  }
  if (!Decode(bytes.data(), bytes.size(), all, status)) {
    return Status::Internal("cannot decode rank 0's results");
  }
  for (int r = 1; r < size_; ++r) {
    std::vector<char> buffer(sizes[r]);
    constexpr std::uint64_t kChunk = 1u << 30;
    for (std::uint64_t off = 0; off < sizes[r]; off += kChunk) {
      const int n = static_cast<int>(std::min(kChunk, sizes[r] - off));
      if (MPI_Recv(buffer.data() + off, n, MPI_CHAR, r, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE) !=
          MPI_SUCCESS) {
        return Status::Internal("MPI_Recv of rank " + std::to_string(r) + "'s results failed");
      }
    }
    if (!Decode(buffer.data(), buffer.size(), all, status)) {
      return Status::Internal("cannot decode rank " + std::to_string(r) + "'s results");
    }
  }
  return Status::Ok();
#else
  return Status::Internal("MPI support not built");
#endif
}

}  // namespace entente::cli
