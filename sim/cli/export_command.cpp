// `salesim export`: /summary and /timeseries of a run file as tidy CSV or JSON tables.
#include "sim/cli/export_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "analysis/metric_registry.h"
#include "sim/cli/design_point_labels.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/tidy_table_writer.h"
#include "sim/io/run_file_reader.h"

namespace salesim::sim::cli {
namespace {

namespace fs = std::filesystem;

struct ExportPaths {
  TidyFormat format = TidyFormat::csv;
  fs::path summary;
  fs::path timeseries;
};

/// The format and both output paths, checked before anything is read.
/// @throws OptionError naming --format or -o.
ExportPaths export_paths(const ExportOptions& options) {
  const fs::path given = options.output_path;
  const std::string extension = given.extension().string();
  std::string format = options.format;
  if (format.empty()) format = extension == ".json" ? "json" : "csv";
  if (format != "csv" && format != "excel-csv" && format != "json")
    throw OptionError(
        fmt::format("--format: '{}' is not a table format (allowed: csv, excel-csv, json)", format));
  const std::string wanted = format == "json" ? ".json" : ".csv";
  if (!given.empty() && (extension == ".csv" || extension == ".json") && extension != wanted) {
    throw OptionError(fmt::format("-o: '{}' does not end in {} (allowed: a {} path with --format {})",
                                  given.string(), wanted, wanted, format));
  }
  if (!given.empty() && (extension == ".h5" || extension == ".hdf5")) {
    throw OptionError(fmt::format("-o: '{}' is an HDF5 name (allowed: a {} path for the exported table)",
                                  given.string(), wanted));
  }
  ExportPaths paths;
  paths.format = format == "json"        ? TidyFormat::json
                 : format == "excel-csv" ? TidyFormat::excel_csv
                                         : TidyFormat::csv;
  paths.summary = given.empty() ? fs::path(options.input_path).replace_extension(wanted) : given;
  const std::string stem = paths.summary.stem().string();
  const std::string suffix = paths.summary.has_extension() ? paths.summary.extension().string() : "";
  paths.timeseries = paths.summary.parent_path() / (stem + "_timeseries" + suffix);
  const fs::path inputs[] = {options.input_path};
  check_output_path(given.empty() ? "output" : "-o", paths.summary, inputs);
  check_output_path(given.empty() ? "output" : "-o", paths.timeseries, inputs);
  return paths;
}

/// Each metric's unit: as the file records it, else from the registry, else empty.
std::vector<std::string> units_of(const std::vector<std::string>& names,
                                  const std::vector<std::string>& recorded) {
  if (recorded.size() == names.size()) return recorded;
  std::vector<std::string> units;
  for (const auto& name : names) {
    const auto* definition = analysis::find_metric(name);
    units.emplace_back(definition == nullptr ? "" : analysis::unit_label(definition->unit));
  }
  return units;
}

/// The leading cells of design point p: its label and its parameter values.
std::vector<TidyCell> point_cells(const DesignPointLabels& labels, std::size_t p) {
  std::vector<TidyCell> cells{labels.labels[p]};
  const std::size_t count = labels.parameter_names.size();
  for (std::size_t k = 0; k < count; ++k) cells.emplace_back(labels.parameter_values[p * count + k]);
  return cells;
}

std::vector<std::string> leading_columns(const DesignPointLabels& labels) {
  std::vector<std::string> columns{labels.column};
  columns.insert(columns.end(), labels.parameter_names.begin(), labels.parameter_names.end());
  columns.emplace_back("replication");
  return columns;
}

void write_summary_table(std::ostream& out, TidyFormat format, const io::RunFileReader& reader,
                         const DesignPointLabels& labels, const std::vector<std::uint8_t>& done) {
  const auto& layout = reader.layout();
  const auto& names = layout.catalog.summary_names;
  const auto units = units_of(names, layout.catalog.summary_units);
  std::vector<std::vector<double>> values;
  for (const auto& name : names) values.push_back(reader.read_doubles("/summary/" + name));
  std::vector<std::string> columns = leading_columns(labels);
  columns.insert(columns.end(), {"metric", "value", "unit"});
  TidyTableWriter writer(out, format, columns);
  for (std::size_t p = 0; p < layout.points; ++p) {
    for (std::size_t r = 0; r < layout.replications; ++r) {
      const std::size_t run = p * layout.replications + r;
      if (done[run] == 0) continue;  // an interrupted sweep's missing runs are not rows of NaN
      for (std::size_t m = 0; m < names.size(); ++m) {
        std::vector<TidyCell> cells = point_cells(labels, p);
        cells.insert(cells.end(), {std::uint64_t{r}, names[m], values[m][run], units[m]});
        writer.row(cells);
      }
    }
  }
  writer.finish();
}

/// One metric at a time, so that memory holds one [points x replications x months] block.
void write_timeseries_table(std::ostream& out, TidyFormat format, const io::RunFileReader& reader,
                            const DesignPointLabels& labels, const std::vector<std::uint8_t>& done) {
  const auto& layout = reader.layout();
  const auto& names = layout.catalog.timeseries_names;
  const std::size_t months = layout.catalog.steps;
  const auto units = units_of(names, layout.catalog.timeseries_units);
  std::vector<std::string> columns = leading_columns(labels);
  columns.insert(columns.end(), {"month", "metric", "value", "unit"});
  TidyTableWriter writer(out, format, columns);
  for (std::size_t m = 0; m < names.size(); ++m) {
    const std::vector<double> values = reader.read_doubles("/timeseries/" + names[m]);
    for (std::size_t p = 0; p < layout.points; ++p) {
      for (std::size_t r = 0; r < layout.replications; ++r) {
        const std::size_t run = p * layout.replications + r;
        if (done[run] == 0) continue;
        for (std::size_t t = 0; t < months; ++t) {
          std::vector<TidyCell> cells = point_cells(labels, p);
          cells.insert(cells.end(), {std::uint64_t{r}, std::uint64_t{t + 1}, names[m],
                                     values[run * months + t], units[m]});
          writer.row(cells);
        }
      }
    }
  }
  writer.finish();
}

/// Writes `write(stream)` to `<path>.tmp`, which the caller renames when every table is complete.
/// @throws std::runtime_error naming the path when the file cannot be written.
template <typename Write>
void write_temporary(const fs::path& path, Write&& write) {
  const fs::path temporary = path.string() + ".tmp";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", temporary.string()));
  write(out);
  out.close();
  if (!out) throw std::runtime_error(fmt::format("cannot write {} (disk full?)", temporary.string()));
}

}  // namespace

int export_command(const ExportOptions& options) {
  ExportPaths paths;
  try {
    paths = export_paths(options);
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  std::optional<io::RunFileReader> reader;
  DesignPointLabels labels;
  std::vector<std::uint8_t> done;
  try {
    reader.emplace(options.input_path);
    labels = design_point_labels(*reader);
    done = reader->read_done_mask();
  } catch (const io::RunFileFormatError& error) {
    std::cerr << "salesim export: " << error.what() << '\n';
    return 2;
  }
  const fs::path temporaries[] = {paths.summary.string() + ".tmp", paths.timeseries.string() + ".tmp"};
  try {
    if (paths.summary.has_parent_path()) fs::create_directories(paths.summary.parent_path());
    write_temporary(paths.summary, [&](std::ostream& out) {
      write_summary_table(out, paths.format, *reader, labels, done);
    });
    write_temporary(paths.timeseries, [&](std::ostream& out) {
      write_timeseries_table(out, paths.format, *reader, labels, done);
    });
    fs::rename(temporaries[0], paths.summary);
    fs::rename(temporaries[1], paths.timeseries);
  } catch (const io::RunFileFormatError& error) {
    std::error_code ignored;
    for (const auto& temporary : temporaries) fs::remove(temporary, ignored);
    std::cerr << "salesim export: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::error_code ignored;
    for (const auto& temporary : temporaries) fs::remove(temporary, ignored);
    std::cerr << "salesim export: " << error.what() << '\n';
    return 1;
  }
  std::cout << "written: " << paths.summary.string() << '\n'
            << "written: " << paths.timeseries.string() << '\n';
  return 0;
}

}  // namespace salesim::sim::cli
