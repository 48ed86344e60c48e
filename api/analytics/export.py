"""Spreadsheet exports (CSV with a UTF-8 BOM for Excel, XLSX through openpyxl) safe from formula injection.

A CSV text cell that starts with =, +, -, @ (also after leading whitespace: spaces, tab, CR, LF), or with a
tab/CR/LF, would be run as a formula by Excel, LibreOffice or WPS (OWASP "CSV Injection"); such CSV cells get
a leading apostrophe. In XLSX a string cell is never a formula (openpyxl writes it as a shared string), so the
text is kept exactly and formula-like cells get the cell style's quotePrefix ("treat as text", shown without
an apostrophe). Numbers stay numbers. Source: https://owasp.org/www-community/attacks/CSV_Injection
"""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMULA_TRIGGERS = ("=", "+", "-", "@")
CONTROL_PREFIXES = ("\t", "\r", "\n")


def formula_like(text: str) -> bool:
    """True when a spreadsheet could read the text as a formula: it starts with a tab/CR/LF, or its first
    non-whitespace character is =, +, -, or @."""
    return text.startswith(CONTROL_PREFIXES) or text.lstrip().startswith(FORMULA_TRIGGERS)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return value
    return str(value)


def neutralise(value):
    """The CSV cell value: formula-like text (formula_like) is prefixed with "'"; None → ""; bools → 是/否."""
    value = _plain(value)
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def to_csv(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """sheets: [(title, header, rows)] → one CSV, a title line and a blank line between sheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for index, (title, header, rows) in enumerate(sheets):
        if index:
            writer.writerow([])
        writer.writerow([neutralise(title)])
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """sheets: [(title, header, rows)] → an XLSX workbook with one worksheet per sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(title))
        for values in [header, *rows]:
            sheet.append([_plain(v) for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and formula_like(cell.value):
                    cell.data_type = "s"  # a string, never a formula, whatever it starts with
                    cell.quotePrefix = True
        for column, name in enumerate(header, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = max(10, min(40, 2 * len(str(name)) + 4))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in '[]:*?/\\' else ch for ch in title).strip("'")
    return (cleaned or "sheet")[:31]
