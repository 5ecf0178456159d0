// This process's place among the MPI ranks of a sweep; MPI is started only under a launcher.
#pragma once

namespace salesim::sim::run {

/// MPI_Init_thread on construction, MPI_Finalize on destruction. The header includes no MPI, so
/// only the files that talk between ranks are built with it.
class RankSession {
 public:
  /// Whether mpirun or srun started this process (their environment variables say so). A plain
  /// `salesim sweep` never initializes MPI: an MPI singleton start would be slower and would print
  /// the transport's warnings on machines without a network.
  [[nodiscard]] static bool launched_by_mpi();

  RankSession();
  ~RankSession();
  RankSession(const RankSession&) = delete;
  RankSession& operator=(const RankSession&) = delete;

  [[nodiscard]] int rank() const noexcept { return rank_; }
  [[nodiscard]] int size() const noexcept { return size_; }
  /// Rank 0's `code`, on every rank (a collective call).
  [[nodiscard]] int code_of_rank0(int code) const;
  /// The largest `code` of any rank, on every rank (a collective call).
  [[nodiscard]] int largest_code(int code) const;
  /// Ends every rank's process with `code`, for a failure that leaves the others waiting.
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace salesim::sim::run
