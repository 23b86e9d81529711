"""The downloadable list of uses, the same from the dashboard and the command line."""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

import pandas as pd

EXPORT_COLUMNS = [
    "id", "name", "category", "status", "first_us_approval", "products", "areas",
    "offered_at_clinic", "sources",
]
ExportFormat = Literal["json", "csv"]
LIST_COLUMNS = ("products", "areas", "sources")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_records(frame: pd.DataFrame) -> list[dict]:
    """Plain records: lists as lists, a missing approval year as None."""
    records = []
    for row in frame[EXPORT_COLUMNS].to_dict(orient="records"):
        for column in LIST_COLUMNS:
            row[column] = list(row[column])
        year = row["first_us_approval"]
        row["first_us_approval"] = None if pd.isna(year) else int(year)
        row["offered_at_clinic"] = bool(row["offered_at_clinic"])
        records.append(row)
    return records


def export_uses(frame: pd.DataFrame, export_format: ExportFormat) -> str:
    records = export_records(frame)
    if export_format == "json":
        return json.dumps(records, ensure_ascii=False, indent=2)
    if export_format == "csv":
        return _to_csv(records)
    raise ValueError(f"unknown export format {export_format!r}")


def _to_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: lists joined, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
