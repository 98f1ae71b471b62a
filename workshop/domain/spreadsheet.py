"""CSV that is safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is
run as a formula by Excel, LibreOffice and Google Sheets: a child named `=1+2` or an idea
`@SUM(1+1)` would compute, and worse formulas can fetch addresses or run commands. Every
CSV this server writes goes through `csv_text`, which gives every such text cell a leading
single quote (OWASP's advice: the spreadsheet then shows the text as it was typed). Numbers
stay numbers: an int or a float is written as it is, so totals still add up.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

# The full-width forms count too: some spreadsheets read "＝1+2" as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> object:
    """The value as a spreadsheet should get it: formulas in text are neutralised."""
    if value is None:
        return ""
    if isinstance(value, int | float):  # bool too: written as True or False
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(header: Iterable[object], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file (header row first) with every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(c) for c in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()
