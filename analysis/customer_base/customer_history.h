// One customer's purchase history in the calibration period, as buy-till-you-die models read it.
#pragma once

namespace salesim::analysis::customer_base {

/**
 * @brief The sufficient statistics of the BG/NBD, Pareto/NBD and Gamma-Gamma models
 * (Fader, Hardie & Lee 2005), in one time unit chosen by the caller (weeks for CDNOW).
 *
 * The clock starts at the customer's first purchase, which is not counted as a repeat.
 */
struct CustomerHistory {
  double frequency = 0.0;   ///< x: repeat transactions in the calibration period
  double recency = 0.0;     ///< t_x: time of the last repeat transaction (0 when x = 0)
  double age = 0.0;         ///< T: time from the first purchase to the end of calibration
  double mean_spend = 0.0;  ///< zbar: mean value of the repeat transactions (0 when x = 0)
};

}  // namespace salesim::analysis::customer_base
