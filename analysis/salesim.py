"""Load salesim HDF5 files into tidy pandas DataFrames.

    import salesim as s             # installed (cmake --install, or pip install ./analysis)
    import analysis.salesim as s    # from the source tree's root
    run = s.load("out/baseline.h5")
    run.summary        # one row per (design point, replication), design parameters joined
    run.timeseries     # long form: point, replication, month, metric, value
    run.stats          # one row per (design point, metric): mean, sd, ci_low, ci_high, n
    run.units          # {metric: unit label}, e.g. run.units["revenue"] == "$"
    run.meanings       # {metric: one-line meaning}; `salesim metrics` lists them all
    s.units("out/baseline.h5")  # the units alone, without loading the values

    Points are named as `salesim export` names them: a `scenario` column in run and compare files,
    a `label` column ("service.level=0.4, ...") in sweeps. Metric and point names are categoricals
    in the file's order (categorical=False gives plain strings).

    run = s.load("out/compare.h5", multiindex=True)
    run.summary        # index (scenario, replication), one column per metric
    run.timeseries     # index (scenario, replication, month), one column per metric
    run.stats          # index (scenario, metric)

    ds = run.to_xarray()   # needs Debian's python3-xarray
    ds["revenue"]          # dims (scenario, replication); time series (scenario, replication, month),
                           # named "revenue_series" where a summary has the same name
    ds.salesim.units       # {metric: unit}, also each variable's attrs["units"]
    ds.salesim.paired_difference("profit", baseline="baseline")  # per replication, common random numbers

    fit = s.load_calibration("out/CDNOW_master-calibration.h5")   # from salesim calibrate
    fit.customers      # one row per customer: P(alive), expected transactions, residual value
    fit.tracking       # per week: actual and expected repeat transactions, cumulative
    fit.parameters     # model, parameter, estimate, standard_error

Needs Debian's python3-h5py and python3-pandas (no PyPI). For CSV or JSON without Python, see
`salesim export FILE.h5`.
"""

from dataclasses import dataclass, field

import h5py
import numpy as np
import pandas as pd

SCHEMA_VERSION = 1


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


@dataclass
class SalesimFile:
    attributes: dict
    scenario_yaml: str
    design: pd.DataFrame
    summary: pd.DataFrame
    timeseries: pd.DataFrame
    stats: pd.DataFrame
    sensitivity: pd.DataFrame = field(default_factory=pd.DataFrame)
    comparison: pd.DataFrame = field(default_factory=pd.DataFrame)
    units: dict = field(default_factory=dict)
    meanings: dict = field(default_factory=dict)
    label_column: str = "scenario"  # "scenario" (run, compare) or "label" (sweep)
    labels: list = field(default_factory=list)  # the name of each design point, in point order

    def to_xarray(self):
        """The finished runs as an xarray Dataset (see the module's docstring); needs python3-xarray."""
        try:
            from . import salesim_xarray  # imported as analysis.salesim, from the source tree
        except ImportError:
            import salesim_xarray  # installed beside this module
        return salesim_xarray.to_xarray(self)


def _stored_scenario_names(yaml_text):
    """The top-level `name:` of each scenario document in the file's stored YAML."""
    names = []
    for line in yaml_text.splitlines():
        if line.startswith("name:"):
            name = line[5:].strip(" \t\"'\r")
            if name:
                names.append(name)
    return names


def _indexed_overrides(command, scenarios):
    """What `--set N:key=value` of the command line adds to scenario N's name, as `salesim export` does."""
    added = [""] * scenarios
    words = command.split()
    for i, word in enumerate(words):
        value = words[i + 1] if word == "--set" and i + 1 < len(words) else word[6:] if word.startswith("--set=") else ""
        index, colon, override = value.partition(":")
        if colon and index.isdigit() and 1 <= int(index[:18]) <= scenarios:
            added[int(index) - 1] += " --set " + override
    return added


def _tell_apart(labels, command):
    """Makes every label different: first with the overrides, then with the point's number."""
    def repeated(values, p):
        return values.count(values[p]) > 1
    added = _indexed_overrides(command, len(labels))
    labels = [label + added[p] if repeated(labels, p) else label for p, label in enumerate(labels)]
    return [f"{label} ({p + 1})" if repeated(labels, p) else label for p, label in enumerate(labels)]


def _point_labels(design, scenario_yaml, command):
    """(column, labels): the name of each design point, as the C++ tables and `salesim export` give it."""
    parameters = [name for name in design.columns if name != "point"]
    points = len(design)
    if parameters in ([], ["scenario"]):
        names = _stored_scenario_names(scenario_yaml)
        labels = names if len(names) == points else [f"scenario {p + 1}" for p in range(points)]
        return "scenario", _tell_apart(labels, command)
    labels = [", ".join(f"{name}={design[name].iloc[p]:g}" for name in parameters) for p in range(points)]
    return "label", _tell_apart(labels, "")


def _name_points(frame, column, labels, index_name, categorical, first=0):
    """Adds the label column after `index_name`: point numbers, or alternatives, which start at point 1."""
    if frame.empty:
        return frame
    values = [labels[i + first] for i in frame[index_name]]
    frame = frame.drop(columns=[column], errors="ignore")
    frame.insert(1, column, pd.Categorical(values, categories=labels) if categorical else values)
    return frame


def _categorical_metrics(frame, order, categorical):
    if categorical and not frame.empty and "metric" in frame:
        present = set(frame.metric)
        categories = [m for m in dict.fromkeys(order) if m in present]
        frame["metric"] = pd.Categorical(frame["metric"], categories=categories)
    return frame


def _with_multiindex(run):
    """Summary by (point name, replication), wide time series by (point name, replication, month),
    stats by (point name, metric)."""
    key = run.label_column
    run.summary = run.summary.set_index([key, "replication"]).drop(columns=["point"])
    if not run.timeseries.empty:
        run.timeseries = run.timeseries.pivot_table(index=[key, "replication", "month"], columns="metric",
                                                    values="value", observed=True, sort=False)
        run.timeseries.columns = list(run.timeseries.columns)
    if not run.stats.empty:
        run.stats = run.stats.set_index([key, "metric"]).drop(columns=["point"])
    return run


def _design(f):
    params = f["design/params"][...]
    names = [_text(n) for n in f["design/params"].attrs.get("names", [])]
    design = pd.DataFrame(params, columns=names)
    design.insert(0, "point", np.arange(params.shape[0]))
    return design


def _statistics(f, group, index_name):
    frames = []
    if group not in f:
        return pd.DataFrame()
    for metric in f[group]:
        table = pd.DataFrame(f[group][metric][...])
        table.insert(0, index_name, np.arange(len(table)))
        table.insert(1, "metric", metric)
        frames.append(table)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _metric_attribute(f, attribute):
    """{metric: text} of every summary and time series dataset that records `attribute`.

    A name that is both a summary and a time series is one metric of the registry, with one unit.
    Files written before units were recorded give an empty dict.
    """
    labels = {}
    for group in ("summary", "timeseries"):
        if group not in f:
            continue
        for metric in f[group]:
            if attribute in f[group][metric].attrs:
                labels.setdefault(metric, _text(f[group][metric].attrs[attribute]))
    return labels


def units(path):
    """{metric: unit label} of a salesim file, e.g. {"revenue": "$", "true_nps": "NPS points"}."""
    with h5py.File(path, "r") as f:
        return _metric_attribute(f, "unit")


def load(path, timeseries=True, categorical=True, multiindex=False):
    """Reads a salesim file: summaries joined to design parameters, time series in long form.

    Only finished runs (design/done == 1) appear, so a partial file from an interrupted sweep
    loads too. Raises ValueError for a file of another schema version. With multiindex=True the
    tables are indexed by point name and replication (see the module's docstring).
    """
    with h5py.File(path, "r") as f:
        attributes = {key: (_text(v) if isinstance(v, (bytes, str)) else v.item() if hasattr(v, "item") else v)
                      for key, v in f.attrs.items()}
        if int(attributes.get("schema_version", -1)) != SCHEMA_VERSION:
            raise ValueError(f"{path}: schema_version {attributes.get('schema_version')} is not {SCHEMA_VERSION}")
        done = f["design/done"][...].astype(bool)
        points, replications = done.shape
        point_index, replication_index = np.nonzero(done)
        design = _design(f)

        summary = pd.DataFrame({"point": point_index, "replication": replication_index})
        for metric in f["summary"].attrs.get("names", list(f["summary"])):
            metric = _text(metric)
            summary[metric] = f["summary"][metric][...][done]
        summary = summary.merge(design, on="point", how="left")

        frames = []
        if timeseries:
            for metric in f["timeseries"].attrs.get("names", list(f["timeseries"])):
                metric = _text(metric)
                values = f["timeseries"][metric][...][done]  # runs x months
                months = values.shape[1] if values.ndim == 2 else 0
                frames.append(pd.DataFrame({
                    "point": np.repeat(point_index, months),
                    "replication": np.repeat(replication_index, months),
                    "month": np.tile(np.arange(1, months + 1), len(point_index)),
                    "metric": metric,
                    "value": values.reshape(-1),
                }))
        series = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
            columns=["point", "replication", "month", "metric", "value"])

        sensitivity = pd.DataFrame()
        if "sensitivity" in f:
            group = f["sensitivity"]
            metrics = [_text(m) for m in group.attrs["metrics"]]
            parameters = [_text(p) for p in group.attrs["parameters"]]
            sensitivity = pd.DataFrame(group["src"][...].reshape(len(metrics), len(parameters)),
                                       columns=parameters)
            sensitivity.insert(0, "metric", metrics)
            sensitivity.insert(1, "r_squared", group["r_squared"][...])

        scenario_yaml = _text(f["scenario"].attrs["yaml"])
        column, labels = _point_labels(design, scenario_yaml, _text(f.attrs.get("command", "")))
        summary_order = [_text(m) for m in f["summary"].attrs.get("names", [])]
        series_order = [_text(m) for m in f["timeseries"].attrs.get("names", [])]
        run = SalesimFile(
            attributes=attributes,
            scenario_yaml=scenario_yaml,
            design=_name_points(design, column, labels, "point", categorical),
            summary=_name_points(summary, column, labels, "point", categorical),
            timeseries=_categorical_metrics(_name_points(series, column, labels, "point", categorical),
                                            series_order, categorical),
            stats=_categorical_metrics(_name_points(_statistics(f, "stats", "point"), column, labels, "point",
                                                    categorical), summary_order, categorical),
            sensitivity=sensitivity,
            comparison=_categorical_metrics(_name_points(_statistics(f, "comparison", "alternative"), column,
                                                         labels, "alternative", categorical, first=1),
                                            summary_order, categorical),
            units=_metric_attribute(f, "unit"),
            meanings=_metric_attribute(f, "meaning"),
            label_column=column,
            labels=labels,
        )
    return _with_multiindex(run) if multiindex else run


@dataclass
class CalibrationFile:
    attributes: dict
    customers: pd.DataFrame
    tracking: pd.DataFrame
    parameters: pd.DataFrame


def _table(f, name, key=None):
    if name not in f:
        return pd.DataFrame()
    group = f[name]
    columns = {}
    for column in group:
        values = group[column][...]
        columns[column] = [_text(v) for v in values] if values.dtype.kind in "OSU" else values
    frame = pd.DataFrame(columns)
    return frame.set_index(key) if key and key in frame else frame


def load_calibration(path):
    """Reads a file of `salesim calibrate`: the per-customer table, the weekly tracking and the fits.

    Raises ValueError for a file that is not a calibration file.
    """
    with h5py.File(path, "r") as f:
        attributes = {key: _text(v) for key, v in f.attrs.items()}
        if attributes.get("kind") != "calibration":
            raise ValueError(f"{path}: not a salesim calibration file (kind {attributes.get('kind')!r})")
        parameters = []
        for group, model in (("fit_transactions", attributes.get("model")), ("fit_spend", "gamma_gamma")):
            table = _table(f, group)
            if not table.empty:
                table.insert(0, "model", model)
                parameters.append(table)
        return CalibrationFile(attributes=attributes,
                               customers=_table(f, "customers", key="customer_id"),
                               tracking=_table(f, "tracking"),
                               parameters=pd.concat(parameters, ignore_index=True) if parameters else pd.DataFrame())
