"""A salesim run file as an xarray Dataset, with a `ds.salesim` accessor; used by SalesimFile.to_xarray().

Needs Debian's python3-xarray. Dimensions: the point (`scenario` in run and compare files, `label` in
sweeps), `replication` and, for time series, `month`; a time series whose name is also a summary is
called `<name>_series`. Design parameters are coordinates on the point; each variable carries its unit
and meaning as attrs["units"] and attrs["long_name"].
"""

import pandas as pd
import xarray as xr


def to_xarray(run):
    key = run.label_column
    summary = run.summary.reset_index() if isinstance(run.summary.index, pd.MultiIndex) else run.summary
    summary = summary.astype({key: str})
    metrics = [m for m in summary.columns if m in run.units or m in run.meanings]
    data = summary.set_index([key, "replication"])[metrics].to_xarray()
    series = run.timeseries
    if isinstance(series.index, pd.MultiIndex):
        series = series.reset_index().melt(id_vars=[key, "replication", "month"], var_name="metric")
    if not series.empty:
        series = series.astype({key: str, "metric": str})
        wide = series.pivot_table(index=[key, "replication", "month"], columns="metric", values="value")
        for metric in wide.columns:
            name = metric if metric not in data else f"{metric}_series"
            data[name] = wide[metric].to_xarray()
    data = data.reindex({key: run.labels})
    design = run.design.astype({key: str}).set_index(key) if key in run.design else run.design.set_index("point")
    for parameter in design.columns:
        if parameter not in ("point", key):
            data = data.assign_coords({parameter: (key, design[parameter].reindex(run.labels).to_numpy())})
    for name in data.data_vars:
        metric = name[:-len("_series")] if name.endswith("_series") else name
        data[name].attrs.update(units=run.units.get(metric, ""), long_name=run.meanings.get(metric, ""))
    data.attrs.update({k: v for k, v in run.attributes.items() if isinstance(v, (str, int, float))})
    return data


@xr.register_dataset_accessor("salesim")
class SalesimAccessor:
    """`ds.salesim`: units and paired differences under common random numbers."""

    def __init__(self, dataset):
        self._dataset = dataset

    @property
    def units(self):
        return {name: variable.attrs.get("units", "") for name, variable in self._dataset.data_vars.items()}

    @property
    def points(self):
        """The name of the point dimension: scenario or label."""
        return "scenario" if "scenario" in self._dataset.dims else "label"

    def paired_difference(self, metric, baseline=None):
        """metric minus its value at the baseline point, replication by replication (the same draws)."""
        values = self._dataset[metric]
        dim = self.points
        reference = values.isel({dim: 0}) if baseline is None else values.sel({dim: baseline})
        return (values - reference).assign_attrs(values.attrs)
