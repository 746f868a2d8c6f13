"""A worksheet that takes a column of numbers in one call and writes number cells' XML in
one step: a city bulletin has ~340,000 number cells, and xlsxwriter's per-cell path (argument
decorator, checks, an attribute list escaped per cell) was most of the workbook's time.

Same cells, same bytes: `write_number_column` stores exactly what `write_number` stores, and
`_write_cell` writes a number cell as xlsxwriter's `_xml_number_element` does (its attributes
are a cell reference and a style index, which never need escaping). Anything else goes to
xlsxwriter (pinned in pyproject: this leans on its cell table and `_write_cell` hook)."""

from __future__ import annotations

import math

from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellNumberTuple, Worksheet


class NumberSheet(Worksheet):
    """xlsxwriter's Worksheet with a fast path for number cells."""

    def write_number_column(self, rows: list[int], col: int, numbers: list[float],
                            cell_format=None) -> None:
        """`write_number(row, col, number, cell_format)` for each row and number."""
        if not rows:
            return
        if not all(math.isfinite(v) for v in numbers):  # NaN/inf: xlsxwriter's own rules
            for r, v in zip(rows, numbers, strict=True):
                self.write_number(r, col, v, cell_format)
            return
        if self.constant_memory or self._check_dimensions(min(rows), col) or \
                self._check_dimensions(max(rows), col):
            for r, v in zip(rows, numbers, strict=True):  # the checked path decides
                self.write_number(r, col, v, cell_format)
            return
        table = self.table
        for r, v in zip(rows, numbers, strict=True):
            table[r][col] = CellNumberTuple(v, cell_format)

    def _write_cell(self, row: int, col: int, cell) -> None:
        if cell.__class__ is not CellNumberTuple:
            super()._write_cell(row, col, cell)
            return
        # the style as Worksheet._write_cell picks it: the cell's, the row's, the column's
        if cell.format:
            style = f' s="{cell.format._get_xf_index()}"'
        elif row in self.row_info and self.row_info[row].row_format:
            style = f' s="{self.row_info[row].row_format._get_xf_index()}"'
        elif col in self.col_info and self.col_info[col].column_format is not None:
            style = f' s="{self.col_info[col].column_format._get_xf_index()}"'
        else:
            style = ""
        self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}"{style}>'
                      f'<v>{cell.number:.16G}</v></c>')
