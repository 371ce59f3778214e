"""Tidy tables: the rows the ``entente`` command writes as CSV, as Python records or pandas."""

import math

import numpy as np


class Table:
    """Equal-length columns in a fixed order, one row per observation.

    The column names and their order are those of the matching CSV the command line writes
    (docs/manual.md, "Output formats"). Numbers are numpy arrays; text columns are lists of str.
    Missing numbers (no recorded outcome, no paired difference) are NaN in the arrays and in
    DataFrames, and None in records.
    """

    def __init__(self, names, columns):
        self._names = list(names)
        self._columns = dict(columns)

    @classmethod
    def _from_core(cls, pair):
        names, columns = pair
        return cls(names, columns)

    @property
    def columns(self):
        """The column names, in CSV order."""
        return list(self._names)

    def __getitem__(self, name):
        """One column: a numpy array (numbers, bools) or a list of str."""
        return self._columns[name]

    def __len__(self):
        return len(self._columns[self._names[0]]) if self._names else 0

    def to_records(self):
        """A list of dicts, one per row, with plain Python values (NaN becomes None)."""
        plain = []
        for name in self._names:
            column = self._columns[name]
            values = column.tolist() if isinstance(column, np.ndarray) else list(column)
            if isinstance(column, np.ndarray) and column.dtype.kind == "f":
                values = [None if math.isnan(v) else v for v in values]
            plain.append(values)
        return [dict(zip(self._names, row)) for row in zip(*plain)]

    def to_dataframe(self):
        """A pandas DataFrame with the CSV's columns (pandas is imported on first use)."""
        import pandas as pd

        return pd.DataFrame({name: self._columns[name] for name in self._names},
                            columns=self._names)

    def __repr__(self):
        return f"<entente.Table {len(self)} rows: {', '.join(self._names)}>"
