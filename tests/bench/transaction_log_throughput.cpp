// Benchmark of reading a transaction log into customer summaries: rows per second, and peak resident
// memory of a 10-million-row log against a 1-million-row log of the same customers (the ratio shows that
// memory follows customers, not rows). Usage: salesim_bench_transaction_log [customers] [directory]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/customer_base/transaction_summary.h"
#include "sim/core/random_stream.h"
#include "sim/io/transaction_log_reader.h"
#include "tests/bench/bench_arguments.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using salesim::analysis::customer_base::DuplicateRows;
using salesim::analysis::customer_base::SummaryPeriods;
using salesim::analysis::customer_base::TransactionSummary;

// Two years of trade from 2020-01-01, the calibration ending after the first.
constexpr std::int32_t first_day = 18262;
constexpr std::int32_t days = 730;
constexpr salesim::sim::core::Stream bench_stream{15};  // this benchmark's own draws

struct Measured {
  std::uint64_t rows = 0;
  std::uint64_t customers = 0;
  double seconds = 0.0;
  double fold_peak_rss_mib = 0.0;  ///< before the cohort's histories are written out
  double peak_rss_mib = 0.0;
};

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void append_date(std::string& line, std::int32_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  const int yyyymmdd = static_cast<int>(date.year()) * 10000 +
                       static_cast<int>(static_cast<unsigned>(date.month())) * 100 +
                       static_cast<int>(static_cast<unsigned>(date.day()));
  line += std::to_string(yyyymmdd);
}

/// A log sorted by date, as a firm's system writes it: customers interleave, each in date order.
void write_log(const fs::path& file, std::uint64_t rows, std::uint32_t customers) {
  const salesim::sim::core::RandomStream draws({20240101, 0, 0}, bench_stream);
  std::ofstream out(file, std::ios::binary);
  out << "customer_id,date,quantity,amount\n";
  std::string chunk;
  for (std::uint64_t i = 0; i < rows; ++i) {
    const auto block = draws.block(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i >> 32));
    const std::uint32_t cents = 100 + block[1] % 20000;
    chunk += "customer";
    chunk += std::to_string(block[0] % customers);
    chunk += ',';
    append_date(chunk, first_day + static_cast<std::int32_t>(i * days / rows));
    chunk += ',';
    chunk += std::to_string(1 + block[2] % 4);
    chunk += ',';
    chunk += std::to_string(cents / 100);
    chunk += '.';
    chunk += static_cast<char>('0' + cents / 10 % 10);
    chunk += static_cast<char>('0' + cents % 10);
    chunk += '\n';
    if (chunk.size() > (1u << 20)) {
      out << chunk;
      chunk.clear();
    }
  }
  out << chunk;
}

Measured read_log(const fs::path& file) {
  TransactionSummary summary(SummaryPeriods{first_day + days / 2, std::nullopt, 7.0}, DuplicateRows::keep);
  const auto start = Clock::now();
  (void)salesim::sim::io::read_transaction_log(file, {}, [&](const salesim::sim::io::TransactionRow& row) {
    summary.add(row.customer_id, row.day, row.amount, row.quantity, row.line);
  });
  Measured measured;
  measured.fold_peak_rss_mib = peak_rss_mib();
  const auto cohort = summary.summarize();
  measured.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  measured.rows = summary.rows();
  measured.customers = summary.customers();
  measured.peak_rss_mib = peak_rss_mib();
  if (cohort.histories.empty()) std::puts("");  // keeps the summary observable
  return measured;
}

/// Reads `file` in a child process, so that each log's peak memory is its own.
Measured read_in_child(const fs::path& file) {
  int channel[2];
  if (pipe(channel) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(channel[0]);
    const Measured measured = read_log(file);
    const bool written =
        write(channel[1], &measured, sizeof measured) == static_cast<ssize_t>(sizeof measured);
    _exit(written ? 0 : 1);
  }
  close(channel[1]);
  Measured measured;
  const bool read_all = read(channel[0], &measured, sizeof measured) == static_cast<ssize_t>(sizeof measured);
  close(channel[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!read_all || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("the reader failed");
  return measured;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint32_t customers = static_cast<std::uint32_t>(salesim::bench::whole_argument(
      argc, argv, 1, 100000, 1, 100000000, "salesim_bench_transaction_log [customers (100000)] [folder]"));
  const fs::path dir = fs::path(argc > 2 ? argv[2] : fs::temp_directory_path().string()) /
                       ("salesim-bench-transaction-log-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("%-12s %10s %10s %8s %12s %8s %14s %14s\n", "rows", "customers", "file MiB", "seconds",
              "rows/s", "MB/s", "fold RSS MiB", "peak RSS MiB");
  std::vector<Measured> results;
  for (const std::uint64_t rows : {std::uint64_t{1'000'000}, std::uint64_t{10'000'000}}) {
    const fs::path file = dir / ("log-" + std::to_string(rows) + ".csv");
    write_log(file, rows, customers);
    const double file_mib = static_cast<double>(fs::file_size(file)) / (1 << 20);
    const Measured measured = read_in_child(file);
    fs::remove(file);
    std::printf("%-12llu %10llu %10.1f %8.2f %12.0f %8.1f %14.1f %14.1f\n",
                static_cast<unsigned long long>(measured.rows),
                static_cast<unsigned long long>(measured.customers), file_mib, measured.seconds,
                static_cast<double>(measured.rows) / measured.seconds, file_mib * 1.048576 / measured.seconds,
                measured.fold_peak_rss_mib, measured.peak_rss_mib);
    results.push_back(measured);
  }
  fs::remove_all(dir);
  std::printf("peak RSS, 10M rows / 1M rows: %.2f (rows x10)\n",
              results[1].peak_rss_mib / results[0].peak_rss_mib);
  return 0;
}
