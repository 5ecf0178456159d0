// Starting and ending MPI, and the few collective calls a sweep's ranks agree with.
#include "sim/run/rank_session.h"

#include <cstdlib>
#include <stdexcept>

#include <mpi.h>

namespace salesim::sim::run {

bool RankSession::launched_by_mpi() {
  // OpenMPI's mpirun, PMIx (srun --mpi=pmix, OpenMPI 4 and 5), PMI-1/2 (MPICH's hydra, srun --mpi=pmi2).
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

RankSession::RankSession() {
  int provided = 0;
  // Only each rank's main thread calls MPI (RunSlots hands runs to the other threads).
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw std::runtime_error("MPI_Init_thread failed");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

RankSession::~RankSession() { MPI_Finalize(); }

int RankSession::code_of_rank0(int code) const {
  MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return code;
}

int RankSession::largest_code(int code) const {
  int largest = code;
  MPI_Allreduce(&code, &largest, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return largest;
}

void RankSession::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

}  // namespace salesim::sim::run
