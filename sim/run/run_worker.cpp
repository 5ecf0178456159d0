// A worker rank: runs what rank 0 assigns, one per thread, and sends each record back.
#include <chrono>
#include <cstdint>

#include <mpi.h>

#include "sim/run/distributed_runs.h"
#include "sim/run/run_record_message.h"
#include "sim/run/run_slots.h"

namespace salesim::sim::run {

void serve_runs(const ReplicationPlan& plan, std::uint32_t slots, const SimulateRun& simulate) {
  RunSlots local(slots, plan, simulate);
  std::uint32_t free_slots = local.slots();
  MPI_Send(&free_slots, 1, MPI_UINT32_T, 0, detail::ready_tag, MPI_COMM_WORLD);
  bool progress = true;
  for (;;) {
    const auto wait = std::chrono::microseconds(progress ? 0 : detail::poll_microseconds);
    progress = false;
    int arrived = 0;
    MPI_Status status;
    while (MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status) == MPI_SUCCESS && arrived) {
      progress = true;
      if (status.MPI_TAG != detail::work_tag) {
        MPI_Recv(nullptr, 0, MPI_BYTE, 0, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        return;  // stop: rank 0 sends it only once every record of this rank arrived
      }
      std::uint64_t index = 0;
      MPI_Recv(&index, 1, MPI_UINT64_T, 0, detail::work_tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      local.assign(index);
    }
    for (const core::RunRecord& record : local.take_finished(wait)) {
      progress = true;
      const std::vector<unsigned char> bytes = pack_run_record(record);
      MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, detail::result_tag, MPI_COMM_WORLD);
    }
  }
}

}  // namespace salesim::sim::run
