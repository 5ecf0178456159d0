"""The Python loader reads what salesim writes: run it as `python3 test_salesim_loader.py SALESIM`."""

import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

import analysis.salesim as s  # noqa: E402

SALESIM = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(ROOT, "build/release/sim/cli/salesim")


class LoaderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="salesim-py-")
        cls.run_file = os.path.join(cls.dir, "run.h5")
        subprocess.run([SALESIM, "run", os.path.join(ROOT, "scenarios/classroom/baseline.yaml"), "--reps", "4",
                        "-q", "--set", "run.horizon_months=12", "-o", cls.run_file], check=True)
        with open(os.path.join(cls.dir, "sweep.yaml"), "w") as f:
            f.write("name: py\nscenario: " + os.path.join(ROOT, "scenarios/classroom/baseline.yaml") +
                    "\nreplications: 3\nseed: 2\nparameters:\n  - {path: service.level, values: [0.4, 0.8]}\n"
                    "  - {path: pricing.price_index, values: [1.0, 1.1]}\n"
                    "keep: {summaries: [profit, true_nps], timeseries: [active_customers]}\n")
        cls.sweep_file = os.path.join(cls.dir, "sweep.h5")
        subprocess.run([SALESIM, "sweep", os.path.join(cls.dir, "sweep.yaml"), "-q", "-o", cls.sweep_file], check=True)

    def test_run_summary_has_one_row_per_replication(self):
        run = s.load(self.run_file)
        self.assertEqual(len(run.summary), 4)
        self.assertIn("customer_equity", run.summary.columns)
        self.assertEqual(run.attributes["status"], "complete")
        self.assertIn("industrial_accounts", run.scenario_yaml)

    def test_timeseries_are_long(self):
        run = s.load(self.run_file)
        active = run.timeseries[run.timeseries.metric == "active_customers"]
        self.assertEqual(len(active), 4 * 12)
        self.assertEqual(sorted(active.month.unique()), list(range(1, 13)))

    def test_stats_match_the_summaries(self):
        run = s.load(self.run_file)
        mean = run.stats[run.stats.metric == "revenue"]["mean"].iloc[0]
        self.assertAlmostEqual(mean, run.summary.revenue.mean(), delta=1e-9 * abs(mean))

    def test_units_and_meanings_come_from_the_registry(self):
        run = s.load(self.run_file)
        self.assertEqual(run.units["revenue"], "$")
        self.assertEqual(run.units["true_nps"], "NPS points")
        self.assertEqual(run.units["vacancies"], "territories")  # a time series only
        self.assertEqual(set(run.units), set(run.summary.columns[3:]) | set(run.timeseries.metric))
        self.assertTrue(all(run.meanings[metric] for metric in run.units))
        self.assertEqual(s.units(self.run_file), run.units)
        # A sweep keeps the units of the metrics it keeps, and only those.
        self.assertEqual(s.units(self.sweep_file),
                         {"profit": "$", "true_nps": "NPS points", "active_customers": "customers"})

    def test_sweep_joins_design_parameters(self):
        sweep = s.load(self.sweep_file)
        self.assertEqual(len(sweep.summary), 4 * 3)
        self.assertEqual(sorted(sweep.summary["service.level"].unique()), [0.4, 0.8])
        self.assertEqual(list(sweep.sensitivity.metric), ["profit", "true_nps"])
        by_level = sweep.summary.groupby("service.level").true_nps.mean()
        self.assertGreater(by_level[0.8], by_level[0.4])


class CalibrationLoaderTest(unittest.TestCase):
    def test_a_calibration_file_loads_into_customers_tracking_and_parameters(self):
        out = tempfile.mkdtemp(prefix="salesim-py-calibrate-")
        subprocess.run([SALESIM, "calibrate", os.path.join(ROOT, "tests/data/cdnow/CDNOW_sample.txt"),
                        "--customer-column", "2", "--date-column", "3", "--amount-column", "5",
                        "--calibration-end", "1997-09-30", "--duplicates", "keep", "-q", "-o", out], check=True)
        fit = s.load_calibration(os.path.join(out, "CDNOW_sample-calibration.h5"))
        self.assertEqual(len(fit.customers), 2357)
        self.assertTrue(((fit.customers.probability_alive >= 0) & (fit.customers.probability_alive <= 1)).all())
        self.assertEqual(len(fit.tracking), 78)
        bg = fit.parameters[fit.parameters.model == "bg_nbd"].set_index("parameter")
        self.assertAlmostEqual(bg.estimate["r"], 0.243, places=3)
        run_file = os.path.join(out, "run.h5")
        subprocess.run([SALESIM, "run", os.path.join(ROOT, "scenarios/classroom/baseline.yaml"), "--reps", "2",
                        "-q", "--set", "run.horizon_months=6", "-o", run_file], check=True)
        with self.assertRaises(ValueError):
            s.load_calibration(run_file)


if __name__ == "__main__":
    unittest.main(verbosity=2)
