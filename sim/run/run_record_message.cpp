// Packing run records into bytes with memcpy: NaNs and signed zeros travel unchanged.
#include "sim/run/run_record_message.h"

#include <cstring>

namespace salesim::sim::run {
namespace {

struct Header {
  std::uint32_t design_point = 0;
  std::uint32_t replication = 0;
  std::uint64_t run_id = 0;
  std::uint64_t summaries = 0;
  std::uint64_t timeseries_values = 0;
};

}  // namespace

std::vector<unsigned char> pack_run_record(const core::RunRecord& record) {
  const Header header{record.design_point, record.replication, record.run_id, record.summary.size(),
                      record.timeseries.size()};
  std::vector<unsigned char> bytes(sizeof header +
                                   (record.summary.size() + record.timeseries.size()) * sizeof(double));
  unsigned char* at = bytes.data();
  std::memcpy(at, &header, sizeof header);
  at += sizeof header;
  if (!record.summary.empty()) std::memcpy(at, record.summary.data(), record.summary.size() * sizeof(double));
  at += record.summary.size() * sizeof(double);
  if (!record.timeseries.empty())
    std::memcpy(at, record.timeseries.data(), record.timeseries.size() * sizeof(double));
  return bytes;
}

core::RunRecord unpack_run_record(std::span<const unsigned char> bytes) {
  Header header;
  if (bytes.size() < sizeof header) throw RunRecordMessageError("run record message shorter than its header");
  std::memcpy(&header, bytes.data(), sizeof header);
  const std::size_t values = bytes.size() - sizeof header;
  if (values % sizeof(double) != 0 || header.summaries > values / sizeof(double) ||
      header.timeseries_values != values / sizeof(double) - header.summaries) {
    throw RunRecordMessageError("run record message of " + std::to_string(bytes.size()) +
                                " bytes does not hold the values its header counts");
  }
  core::RunRecord record;
  record.design_point = header.design_point;
  record.replication = header.replication;
  record.run_id = header.run_id;
  record.summary.resize(header.summaries);
  record.timeseries.resize(header.timeseries_values);
  const unsigned char* at = bytes.data() + sizeof header;
  if (!record.summary.empty()) std::memcpy(record.summary.data(), at, record.summary.size() * sizeof(double));
  at += record.summary.size() * sizeof(double);
  if (!record.timeseries.empty())
    std::memcpy(record.timeseries.data(), at, record.timeseries.size() * sizeof(double));
  return record;
}

}  // namespace salesim::sim::run
