"""Tidy tables read by pandas equal the run file: `salesim export` of a compare and a sweep, and the
--format csv/json tables of run, compare and sweep. Run as `python3 test_tidy_tables.py SALESIM`."""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SALESIM = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(ROOT, "build/ci/sim/cli/salesim")

TINY = "name: tiny\nrun: {horizon_months: 4, replications: 3, seed: 11}\n" \
       "segments:\n  - {name: firms, size: 200, initial_customers: 40}\n"


def salesim(*arguments):
    result = subprocess.run([SALESIM, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"salesim {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result


class TidyTablesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="salesim-tidy-")
        cls.scenario = os.path.join(cls.dir, "tiny.yaml")
        with open(cls.scenario, "w") as f:
            f.write(TINY)
        cls.compare_file = os.path.join(cls.dir, "compare.h5")
        # The same scenario twice, the second with an override: two points that share a name.
        cls.compare_table = salesim("compare", cls.scenario, cls.scenario, "--set", "2:service.level=0.9",
                                    "--format", "csv", "-o", cls.compare_file).stdout
        with open(os.path.join(cls.dir, "sweep.yaml"), "w") as f:
            f.write("name: tiny-sweep\nscenario: tiny.yaml\nreplications: 2\nseed: 5\ndesign: {kind: grid}\n"
                    "parameters:\n  - {path: service.level, values: [0.3, 0.8]}\n")
        cls.sweep_file = os.path.join(cls.dir, "sweep.h5")
        cls.sweep_table = salesim("sweep", os.path.join(cls.dir, "sweep.yaml"), "--format", "json",
                                  "--metrics", "profit,churn_rate", "-o", cls.sweep_file).stdout

    def test_exported_compare_equals_the_summaries_of_the_file(self):
        out = os.path.join(self.dir, "compare.csv")
        salesim("export", self.compare_file, "-o", out)
        table = pd.read_csv(out, float_precision="round_trip")
        self.assertEqual(list(table.columns), ["scenario", "replication", "metric", "value", "unit"])
        labels = list(dict.fromkeys(table.scenario))
        self.assertEqual(labels, ["tiny", "tiny --set service.level=0.9"])
        with h5py.File(self.compare_file, "r") as f:
            names = [n.decode() if isinstance(n, bytes) else n for n in f["summary"].attrs["names"]]
            self.assertEqual(list(dict.fromkeys(table.metric)), names)
            for metric in names:
                rows = table[table.metric == metric]
                expected = f["summary"][metric][...]  # points x replications
                got = rows.pivot(index="scenario", columns="replication", values="value").loc[labels].to_numpy()
                np.testing.assert_array_equal(got, expected, err_msg=metric)
                self.assertEqual(set(rows.unit.fillna("")), {f["summary"][metric].attrs["unit"]})
            series = pd.read_csv(os.path.join(self.dir, "compare_timeseries.csv"), float_precision="round_trip")
            self.assertEqual(list(series.columns), ["scenario", "replication", "month", "metric", "value", "unit"])
            revenue = series[series.metric == "revenue"]
            self.assertEqual(sorted(revenue.month.unique()), [1, 2, 3, 4])
            got = revenue.sort_values(["replication", "month"])
            got = got[got.scenario == labels[1]].value.to_numpy().reshape(3, 4)
            np.testing.assert_array_equal(got, f["timeseries/revenue"][1])
        self.assertFalse([name for name in os.listdir(self.dir) if name.endswith(".tmp")])

    def test_excel_csv_is_the_csv_behind_a_byte_order_mark(self):
        plain, excel = os.path.join(self.dir, "plain.csv"), os.path.join(self.dir, "excel.csv")
        salesim("export", self.compare_file, "-o", plain)
        salesim("export", self.compare_file, "--format", "excel-csv", "-o", excel)
        with open(plain, "rb") as f:
            plain_bytes = f.read()
        with open(excel, "rb") as f:
            excel_bytes = f.read()
        self.assertEqual(excel_bytes, b"\xef\xbb\xbf" + plain_bytes)
        self.assertFalse(plain_bytes.startswith(b"\xef\xbb\xbf"))
        pd.testing.assert_frame_equal(pd.read_csv(excel, encoding="utf-8-sig", float_precision="round_trip"),
                                      pd.read_csv(plain, float_precision="round_trip"))
        with open(os.path.join(self.dir, "excel_timeseries.csv"), "rb") as f:
            self.assertTrue(f.read().startswith(b"\xef\xbb\xbfscenario,"))
        refused = subprocess.run([SALESIM, "export", self.compare_file, "--format", "excel-csv", "-o",
                                  os.path.join(self.dir, "x.json")], capture_output=True, text=True)
        self.assertEqual(refused.returncode, 2)
        self.assertIn("does not end in .csv", refused.stderr)

    def test_exported_sweep_has_labels_and_parameter_columns_in_json(self):
        out = os.path.join(self.dir, "sweep-export.json")
        salesim("export", self.sweep_file, "-o", out)
        table = pd.read_json(out, orient="records", precise_float=True)
        self.assertEqual(list(table.columns)[:3], ["point", "service.level", "replication"])
        self.assertEqual(list(dict.fromkeys(table.point)), ["service.level=0.3", "service.level=0.8"])
        self.assertEqual(sorted(table["service.level"].unique()), [0.3, 0.8])
        self.assertEqual(len(table), 2 * 2 * table.metric.nunique())
        self.assertTrue(os.path.exists(os.path.join(self.dir, "sweep-export_timeseries.json")))

    def test_compare_format_csv_is_one_row_per_scenario_and_metric(self):
        table = pd.read_csv(io.StringIO(self.compare_table), float_precision="round_trip")
        self.assertEqual(list(table.columns)[:9],
                         ["scenario", "metric", "unit", "part", "mean", "sd", "ci_low", "ci_high", "n"])
        with h5py.File(self.compare_file, "r") as f:
            revenue = table[table.metric == "revenue"].set_index("scenario")
            self.assertEqual(revenue.loc["tiny", "mean"], f["stats/revenue"]["mean"][0])
            self.assertEqual(revenue.loc["tiny --set service.level=0.9", "difference"], f["comparison/revenue"]["mean"][0])
        self.assertEqual(revenue.loc["tiny", "unit"], "$")
        self.assertEqual(revenue.loc["tiny", "part"], "customers")

    def test_sweep_format_json_keeps_the_chosen_metrics_only(self):
        rows = json.loads(self.sweep_table)
        self.assertEqual({row["metric"] for row in rows}, {"profit", "churn_rate"})
        self.assertEqual({row["service.level"] for row in rows}, {0.3, 0.8})
        self.assertEqual(len(rows), 4)

    def test_run_format_json_and_metrics_choose_rows_in_order(self):
        out = os.path.join(self.dir, "run.h5")
        rows = json.loads(salesim("run", self.scenario, "--format", "json", "--metrics", "churn_rate,revenue",
                                  "-o", out).stdout)
        self.assertEqual([row["metric"] for row in rows], ["churn_rate", "revenue"])
        self.assertEqual(rows[1]["n"], 3)
        with h5py.File(out, "r") as f:
            self.assertEqual(rows[1]["mean"], f["stats/revenue"]["mean"][0])

    def test_markdown_groups_rows_by_part(self):
        text = salesim("run", self.scenario, "--format", "markdown", "-o", os.path.join(self.dir, "md.h5")).stdout
        self.assertIn("### customers", text)
        self.assertIn("| metric | unit | mean | 95% CI | n |", text)
        self.assertNotIn("### partnerships", text)  # no partnerships in this world: no rows without values


if __name__ == "__main__":
    unittest.main()
