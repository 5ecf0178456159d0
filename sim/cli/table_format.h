// How run, compare and sweep print their results (--format), and the one check that keeps -o an
// HDF5 path: tables for other programs come from `salesim export`.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "sim/cli/tidy_table_writer.h"

namespace salesim::sim::cli {

/// table: aligned for a terminal; csv and json: tidy rows for pandas and Excel; markdown: for notes.
enum class TableFormat { table, csv, json, markdown };

/// "table, csv, json, markdown": what --format allows.
inline constexpr std::string_view table_format_names = "table, csv, json, markdown";

/// The format called `name`, or nothing.
[[nodiscard]] std::optional<TableFormat> parse_table_format(std::string_view name) noexcept;

/// Whether the format is read by programs (csv, json) rather than people.
[[nodiscard]] constexpr bool is_machine_format(TableFormat format) noexcept {
  return format == TableFormat::csv || format == TableFormat::json;
}

/// The tidy writer's format of csv or json.
[[nodiscard]] constexpr TidyFormat tidy_format(TableFormat format) noexcept {
  return format == TableFormat::json ? TidyFormat::json : TidyFormat::csv;
}

/**
 * @brief Refuses an output of run, compare or sweep whose extension says it is not HDF5
 * ("out/x.csv"): those commands write only HDF5, and `salesim export` turns a file into CSV or JSON.
 * A path without an extension is accepted, as before.
 * @throws OptionError "-o: ... (allowed: ...)" with the export command to use instead.
 */
void check_hdf5_extension(std::string_view label, const std::filesystem::path& output);

}  // namespace salesim::sim::cli
