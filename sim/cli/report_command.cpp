// `salesim report`: opening a run or calibration file as what it is, and writing its page atomically.
#include "sim/cli/report_command.h"

#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

#include "analysis/report/calibration_page.h"
#include "analysis/report/html_report.h"
#include "sim/cli/calibration_record.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/run_file_page.h"
#include "sim/io/run_file_reader.h"
#include "sim/io/table_file_reader.h"
#include "sim/io/text_file.h"

namespace salesim::sim::cli {
namespace {

namespace report = analysis::report;

/// The input, opened as what its root says it is: a calibration file carries the attribute kind
/// (and a kind other than calibration is refused when read), a run file its schema_version.
using ReportInput = std::variant<io::TableFileReader, io::RunFileReader>;

/// @throws io::TableFileFormatError or io::RunFileFormatError when the file is not HDF5 or neither kind.
ReportInput open_input(const std::filesystem::path& input) {
  io::TableFileReader file(input);
  if (file.has_attribute("kind"))
    return ReportInput(std::in_place_type<io::TableFileReader>, std::move(file));
  if (!file.has_attribute("schema_version"))
    file.refuse(
        "neither a calibration file (no kind attribute) nor a run file (no schema_version attribute)");
  return ReportInput(std::in_place_type<io::RunFileReader>, input);  // checks the run file's layout
}

report::ReportPage read_page(const ReportInput& opened, const std::filesystem::path& input) {
  if (const auto* calibration = std::get_if<io::TableFileReader>(&opened))
    return report::calibration_page(read_calibration_record(*calibration));
  return run_file_page(std::get<io::RunFileReader>(opened), input);
}

}  // namespace

int report_command(const ReportOptions& options) {
  const std::filesystem::path input = options.input_path;
  std::error_code error;
  if (!std::filesystem::is_regular_file(input, error)) {
    std::cerr << "salesim report: " << input.string() << ": no such file\n";
    return 2;
  }
  std::optional<ReportInput> opened;
  try {
    opened.emplace(open_input(input));  // not HDF5, neither kind, a run file of another schema
  } catch (const io::RunFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const io::TableFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const std::exception& failure) {
    std::cerr << "salesim report: " << input.string() << ": " << failure.what() << '\n';
    return 1;
  }
  std::filesystem::path output = options.output_path;
  if (output.empty()) output = std::filesystem::path(input).replace_extension(".html");
  try {
    const std::filesystem::path inputs[] = {input};
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
  } catch (const OptionError& refused) {
    std::cerr << refused.what() << '\n';
    return 2;
  }
  try {
    io::write_text_atomically(output, report::report_html(read_page(*opened, input)));
  } catch (const io::RunFileFormatError& bad) {
    // Found while reading, before the page is written: no page and no temporary file.
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const io::TableFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const std::exception& failure) {
    std::cerr << "salesim report: " << input.string() << ": " << failure.what() << '\n';
    return 1;
  }
  std::cout << "written: " << output.string() << '\n';
  return 0;
}

}  // namespace salesim::sim::cli
