// --format names and the HDF5-only rule for -o.
#include "sim/cli/table_format.h"

#include <fmt/format.h>

#include "sim/cli/option_checks.h"

namespace salesim::sim::cli {

std::optional<TableFormat> parse_table_format(std::string_view name) noexcept {
  if (name == "table") return TableFormat::table;
  if (name == "csv") return TableFormat::csv;
  if (name == "json") return TableFormat::json;
  if (name == "markdown") return TableFormat::markdown;
  return std::nullopt;
}

void check_hdf5_extension(std::string_view label, const std::filesystem::path& output) {
  const std::string extension = output.extension().string();
  if (extension.empty() || extension == ".h5" || extension == ".hdf5") return;
  std::filesystem::path hdf5 = output;
  hdf5.replace_extension(".h5");
  const std::string format = extension == ".json" ? "json" : "csv";
  throw OptionError(fmt::format(
      "{}: '{}' is not an HDF5 file; this command writes only HDF5 (allowed: a path ending in .h5; "
      "for {} write the .h5 file, then run `salesim export {} --format {}`)",
      label, output.string(), format == "json" ? "JSON" : "CSV or Excel", hdf5.string(), format));
}

}  // namespace salesim::sim::cli
