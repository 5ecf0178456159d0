"""The loader's frames name their points as `salesim export` does, keep metric and point names as
categoricals, index by point and replication on request, and turn into an xarray Dataset.
Run as `python3 test_salesim_frames.py SALESIM` with Debian's interpreter (python3-xarray)."""

import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

import analysis.salesim as s  # noqa: E402

SALESIM = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(ROOT, "build/ci/sim/cli/salesim")

TINY = "name: tiny\nrun: {horizon_months: 5, replications: 3, seed: 17}\n" \
       "segments:\n  - {name: firms, size: 300, initial_customers: 60}\n"


def salesim(*arguments):
    subprocess.run([SALESIM, *arguments], check=True, capture_output=True)


class FramesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="salesim-frames-")
        scenario = os.path.join(cls.dir, "tiny.yaml")
        with open(scenario, "w") as f:
            f.write(TINY)
        # Three points, two of them sharing a name: the labels must tell them apart as export does.
        cls.compare_file = os.path.join(cls.dir, "compare.h5")
        salesim("compare", scenario, scenario, scenario, "--set", "2:service.level=0.9", "--set",
                "3:service.level=0.2", "-q", "-o", cls.compare_file)
        with open(os.path.join(cls.dir, "sweep.yaml"), "w") as f:
            f.write("name: frames\nscenario: tiny.yaml\nreplications: 2\nseed: 3\ndesign: {kind: grid}\n"
                    "parameters:\n  - {path: service.level, values: [0.3, 0.8]}\n"
                    "  - {path: pricing.price_index, values: [1.0, 1.25]}\n")
        cls.sweep_file = os.path.join(cls.dir, "sweep.h5")
        salesim("sweep", os.path.join(cls.dir, "sweep.yaml"), "-q", "-o", cls.sweep_file)

    def exported_labels(self, path, column):
        out = os.path.join(self.dir, os.path.basename(path) + ".csv")
        salesim("export", path, "-o", out)
        return list(dict.fromkeys(pd.read_csv(out)[column]))

    def test_points_are_named_as_salesim_export_names_them(self):
        run = s.load(self.compare_file)
        self.assertEqual(run.label_column, "scenario")
        self.assertEqual(run.labels, self.exported_labels(self.compare_file, "scenario"))
        self.assertEqual(run.labels, ["tiny", "tiny --set service.level=0.9", "tiny --set service.level=0.2"])
        sweep = s.load(self.sweep_file)
        self.assertEqual(sweep.label_column, "label")
        self.assertEqual(sweep.labels, self.exported_labels(self.sweep_file, "point"))
        self.assertEqual(sweep.labels[1], "service.level=0.3, pricing.price_index=1.25")

    def test_names_are_categoricals_in_the_files_order(self):
        run = s.load(self.compare_file)
        self.assertIsInstance(run.summary.scenario.dtype, pd.CategoricalDtype)
        self.assertEqual(list(run.summary.scenario.cat.categories), run.labels)
        self.assertEqual(list(run.stats.metric.cat.categories)[:3], ["revenue", "margin", "purchases"])
        self.assertEqual(list(run.timeseries.metric.cat.categories)[0], "active_customers")
        # The comparison's rows are the alternatives: the points after the first.
        self.assertEqual(list(dict.fromkeys(run.comparison.scenario)), run.labels[1:])
        plain = s.load(self.compare_file, categorical=False)
        self.assertEqual(plain.summary.scenario.dtype, object)
        self.assertEqual(plain.timeseries.metric.dtype, object)
        pd.testing.assert_series_equal(plain.summary.revenue, run.summary.revenue)

    def test_multiindex_tables_hold_the_same_values(self):
        long = s.load(self.compare_file)
        wide = s.load(self.compare_file, multiindex=True)
        self.assertEqual(wide.summary.index.names, ["scenario", "replication"])
        self.assertEqual(wide.summary.loc[("tiny --set service.level=0.2", 2), "revenue"],
                         long.summary[(long.summary.point == 2) & (long.summary.replication == 2)].revenue.item())
        self.assertEqual(wide.timeseries.index.names, ["scenario", "replication", "month"])
        self.assertEqual(len(wide.timeseries), 3 * 3 * 5)
        revenue = long.timeseries[long.timeseries.metric == "revenue"]
        np.testing.assert_array_equal(wide.timeseries["revenue"].to_numpy(), revenue.value.to_numpy())
        self.assertEqual(wide.stats.loc[("tiny", "profit"), "mean"],
                         long.stats[(long.stats.point == 0) & (long.stats.metric == "profit")]["mean"].item())

    def test_an_xarray_dataset_with_units_design_and_paired_differences(self):
        run = s.load(self.sweep_file)
        data = run.to_xarray()
        self.assertEqual(dict(data["profit"].sizes), {"label": 4, "replication": 2})
        self.assertEqual(data["profit"].attrs["units"], "$")
        self.assertEqual(data.salesim.units["true_nps"], "NPS points")
        self.assertEqual(list(data["service.level"].values), [0.3, 0.3, 0.8, 0.8])
        summary = run.summary.set_index(["point", "replication"])
        self.assertEqual(data["profit"].isel(label=3, replication=1).item(), summary.loc[(3, 1), "profit"])
        series = data["revenue_series"]
        self.assertEqual(dict(series.sizes), {"label": 4, "replication": 2, "month": 5})
        total = series.sum("month").isel(label=2, replication=0).item()
        self.assertAlmostEqual(total, summary.loc[(2, 0), "revenue"], delta=1e-9 * abs(total))
        # Under common random numbers the same replication of two points saw the same draws.
        difference = data.salesim.paired_difference("profit", baseline=run.labels[1])
        expected = summary.loc[(3, 0), "profit"] - summary.loc[(1, 0), "profit"]
        self.assertEqual(difference.isel(label=3, replication=0).item(), expected)
        self.assertTrue((difference.isel(label=1) == 0).all())
        compare = s.load(self.compare_file, multiindex=True).to_xarray()
        self.assertEqual(list(compare.scenario.values), s.load(self.compare_file).labels)


if __name__ == "__main__":
    unittest.main(verbosity=2)
