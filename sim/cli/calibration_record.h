// Reading a calibration file (the HDF5 record `salesim calibrate` writes) into the report's plain record.
#pragma once

#include <string_view>

#include "analysis/report/calibration_page.h"
#include "sim/io/table_file_reader.h"

namespace salesim::sim::cli {

/// The root attribute "kind" of a calibration file.
inline constexpr std::string_view calibration_kind = "calibration";

/**
 * @brief Everything the calibration report shows, read and checked: the root attribute kind is
 * "calibration"; model, log_likelihood, time_unit_days, first_purchase_day and calibration_end_day
 * are numbers where numbers belong; /fit_transactions and /customers have the columns the report
 * reads, each table of one length; /tracking, when there, has its six columns of one length, units
 * numbered 1, 2, ... and holdout flags of 0 or 1 with the calibration units first.
 * @throws io::TableFileFormatError("path: what is wrong") for the first problem found.
 */
[[nodiscard]] analysis::report::CalibrationRecord read_calibration_record(const io::TableFileReader& file);

}  // namespace salesim::sim::cli
