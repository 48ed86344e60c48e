"""Spreadsheet exports (CSV with a UTF-8 BOM for Excel, XLSX through openpyxl) safe from formula injection.

A text cell that starts with =, +, -, @, a tab or a carriage return would be run as a formula by Excel,
LibreOffice or WPS (OWASP "CSV Injection"); such cells get a leading apostrophe, which spreadsheet programs
show as text. Numbers stay numbers. Sources: https://owasp.org/www-community/attacks/CSV_Injection
"""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell value as exported: text starting with a formula trigger is prefixed with "'"; None → ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_PREFIXES) else text


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
        sheet.append([neutralise(h) for h in header])
        for row in rows:
            sheet.append([neutralise(v) for v in row])
        for column, name in enumerate(header, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = max(10, min(40, 2 * len(str(name)) + 4))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in '[]:*?/\\' else ch for ch in title).strip("'")
    return (cleaned or "sheet")[:31]
