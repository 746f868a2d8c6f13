"""A worksheet that takes a table's body as columns in one call (write_block), plain text
without the generic dispatch, and writes number and text cells' XML in one step a row: a city
bulletin has ~340,000 number cells and ~50,000 text cells, and xlsxwriter's per-cell path
(argument decorator, checks, an attribute list escaped per cell) was most of the workbook's
time.

Same cells, same bytes: `write_block` stores what writing its cells one by one stores,
`write_text` what `write` stores for plain text (shared strings numbered in the order
written), and a number or shared-string cell's XML is what xlsxwriter's
`_xml_number_element` / `_xml_string_element` write (its attributes are a cell reference and
a style index, which never need escaping). Anything else goes to xlsxwriter (pinned in
pyproject: this leans on its cell table and `_write_cell` hook)."""

from __future__ import annotations

import types
import zipfile
from typing import Any

import numpy as np
import xlsxwriter.packager
import xlsxwriter.workbook
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple, Worksheet
from xlsxwriter.xmlwriter import re_control_chars_1, re_control_chars_2

DEFLATE_LEVEL = 1  # zlib's fastest: a city bulletin's 14 MB of XML in ~50 ms, not ~170 ms


class _FastZipFile(zipfile.ZipFile):
    """A ZipFile that deflates every entry at DEFLATE_LEVEL: writestr applies an archive's
    level only to entries named by a string, and xlsxwriter hands it ZipInfos."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        super().writestr(zinfo_or_arcname, data, compress_type,
                         DEFLATE_LEVEL if compresslevel is None else compresslevel)


class FastWorkbook(xlsxwriter.Workbook):
    """xlsxwriter's Workbook, its parts deflated at level 1 (the same XML in a zip ~30 %
    larger, written ~3× faster). `_store_workbook` is xlsxwriter's own function (pinned in
    pyproject) bound to module globals where ZipFile is _FastZipFile: not a copy of its code,
    and no other workbook of the process is touched."""

    _store_workbook = types.FunctionType(
        xlsxwriter.Workbook._store_workbook.__code__,
        {**vars(xlsxwriter.workbook), "ZipFile": _FastZipFile}, "_store_workbook")

    def _get_packager(self):
        return _LeanPackager()


class LeanSharedStrings(SharedStrings):
    """xlsxwriter's shared strings part, its <si> elements made in one pass when no string
    needs an _xHHHH_ escape (a bulletin's ~1,300 names: xlsxwriter runs four regular
    expressions and a write per string). The same bytes: `_write_si` escapes control
    characters (none here), marks a string with whitespace at either end (re's \\s is
    str.isspace), writes a rich string as it is and escapes & < > in the others."""

    def _write_sst_strings(self) -> None:
        strings = self.string_table.string_array
        joined = "\n".join(strings)  # \n is no control character, and ends an _xHHHH_
        if re_control_chars_1.search(joined) or re_control_chars_2.search(joined) or \
                "\ufffe" in joined or "\uffff" in joined:
            super()._write_sst_strings()
            return
        escape = any(c in joined for c in "&<>")
        parts = []
        for text in strings:
            if text.startswith("<r>") and text.endswith("</r>"):
                parts.append(f"<si>{text}</si>")
                continue
            if escape:
                text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            if text[:1].isspace() or text[-1:].isspace():
                parts.append(f'<si><t xml:space="preserve">{text}</t></si>')
            else:
                parts.append(f"<si><t>{text}</t></si>")
        self.fh.write("".join(parts))


class _LeanPackager(xlsxwriter.packager.Packager):
    """xlsxwriter's Packager writing the shared strings with LeanSharedStrings:
    `_write_shared_strings_file` is its own function bound to module globals where
    SharedStrings is LeanSharedStrings (as FastWorkbook's `_store_workbook`)."""

    _write_shared_strings_file = types.FunctionType(
        xlsxwriter.packager.Packager._write_shared_strings_file.__code__,
        {**vars(xlsxwriter.packager), "SharedStrings": LeanSharedStrings},
        "_write_shared_strings_file")


def _finite(numbers: list[float]) -> bool:
    try:  # one numpy pass (a Python isfinite per cell cost ~50 ms of a city workbook)
        return bool(np.isfinite(np.asarray(numbers, dtype=float)).all())
    except (TypeError, ValueError):
        return False


class NumberSheet(Worksheet):
    """xlsxwriter's Worksheet with a fast path for number and text cells."""

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[int, str] = {}       # column → its letters
        self._col_styles: dict[int, str] = {}  # column → its format's style attribute
        self._styles: dict[int, str] = {}      # id of a cell format → its style attribute
        self._block: _Block | None = None      # cells given column by column (write_block)

    def write_block(self, first_row: int, first_col: int, columns: list[list],
                    formats: list) -> None:
        """Every cell of a rectangle, given column by column: a float `v` in column j is
        `write_number(row, col, v, formats[j])`, a str `write_text(row, col, v)`, the text
        written row by row (shared strings are numbered by first use). The cells are kept as
        columns and their XML made a column at a time when the sheet is written: a city's
        level sheets are ~400,000 cells. A sheet takes one block, in rows that hold no cell
        yet; anything else (a number not finite, text that is not plain) goes cell by cell."""
        n = len(columns[0]) if columns else 0
        last_row, last_col = first_row + n - 1, first_col + len(columns) - 1
        if n == 0 or self._block is not None or self.constant_memory or \
                any(len(c) != n for c in columns) or \
                not all(self._leanly(c) for c in columns) or \
                any(first_row <= r <= last_row for r in self.table) or \
                self._check_dimensions(first_row, first_col) or \
                self._check_dimensions(last_row, last_col):
            for i in range(n):
                for j, col in enumerate(columns):
                    v = col[i]
                    if isinstance(v, str):
                        self.write_text(first_row + i, first_col + j, v)
                    else:
                        self.write_number(first_row + i, first_col + j, v, formats[j])
            return
        # text in row order: a cell's key is its row × columns + its column
        width = len(columns)
        keys = sorted(i * width + j for j, col in enumerate(columns)
                      for i, v in enumerate(col) if v.__class__ is str)
        cells = [list(col) for col in columns]
        index = self.str_table._get_shared_string_index
        for k in keys:
            i, j = divmod(k, width)
            cells[j][i] = index(cells[j][i])  # an int: a shared string's index
        self._block = _Block(first_row, first_col, cells, list(formats))

    def _leanly(self, column: list) -> bool:
        """Whether every value of a block's column takes the lean path: a finite float or
        plain text (see write_text)."""
        numbers = [v for v in column if v.__class__ is float]
        texts = [v for v in column if v.__class__ is str]
        if len(numbers) + len(texts) != len(column) or not _finite(numbers) or \
                self.strings_to_numbers:
            return False
        # write_text's test of each text, on all of them joined at once (a NUL in a text can
        # only make a plain one look otherwise: it then goes cell by cell)
        if not texts:
            return True
        joined = "\0" + "\0".join(texts) + "\0"
        return ":" not in joined and "\0=" not in joined and "\0{" not in joined and \
            "\0\0" not in joined and max(map(len, texts), default=0) <= self.xls_strmax // 2

    def write_text(self, row: int, col: int, text: str) -> None:
        """`write(row, col, text)` for a str: plain text straight to the shared strings (as
        Worksheet._write_string keeps it); what xlsxwriter would read as something else
        (empty, a formula, a link) or must shorten goes to `write`."""
        if not text or text[0] in "={" or ":" in text or self.strings_to_numbers or \
                self.constant_memory or len(text) > self.xls_strmax // 2:
            self.write(row, col, text)
        elif not self._check_dimensions(row, col):
            self.table[row][col] = CellStringTuple(
                self.str_table._get_shared_string_index(text), None)

    def _write_cell(self, row: int, col: int, cell) -> None:
        if cell.__class__ not in self._lean:
            super()._write_cell(row, col, cell)
            return
        self.fh.write(self._cells_xml(row, [(col, cell)]))

    @property
    def _lean(self) -> tuple[type, ...]:
        """The cells whose XML _cells_xml writes: numbers, and shared strings (in-line
        strings of constant_memory go to xlsxwriter)."""
        return (CellNumberTuple,) if self.constant_memory else \
            (CellNumberTuple, CellStringTuple)

    def _cells_xml(self, row: int, cells: list[tuple[int, Any]]) -> str:
        """The XML of a row's number and shared-string cells, each styled as
        Worksheet._write_cell picks it: the cell's format, else the row's, else the column's.
        What does not change from cell to cell (a column's letters and style, a format's
        style) is worked out once a sheet: a city's bulletin has ~340,000 number cells and
        ~50,000 text cells. Their attributes (a cell reference, a style index) never need
        escaping."""
        names, col_styles, styles = self._names, self._col_styles, self._styles
        info = self.row_info.get(row)
        row_style = f' s="{info.row_format._get_xf_index()}"' \
            if info is not None and info.row_format else None
        number = str(row + 1)
        xml = []
        for col, cell in cells:
            fmt = cell.format
            if fmt:
                style = styles.get(id(fmt))
                if style is None:
                    style = styles[id(fmt)] = f' s="{fmt._get_xf_index()}"'
            elif row_style is not None:
                style = row_style
            else:
                style = col_styles.get(col)
                if style is None:
                    style = col_styles[col] = self._column_style(col)
            name = names.get(col)
            if name is None:
                name = names[col] = xl_col_to_name(col)
            if cell.__class__ is CellNumberTuple:
                xml.append(f'<c r="{name}{number}"{style}><v>{cell.number:.16G}</v></c>')
            else:  # a shared string: its index in the table
                xml.append(f'<c r="{name}{number}"{style} t="s"><v>{cell.string}</v></c>')
        return "".join(xml)

    def _column_style(self, col: int) -> str:
        info = self.col_info.get(col)
        if info is not None and info.column_format is not None:
            return f' s="{info.column_format._get_xf_index()}"'
        return ""

    def _calculate_spans(self) -> None:
        """Worksheet._calculate_spans from each row's own cells (every cell lies within the
        sheet's dimensions: xlsxwriter checked them when it was written)."""
        if self.comments or self.dim_rowmin is None:
            self._materialize()
            super()._calculate_spans()
            return
        spans, lo, hi, last = {}, None, None, self.dim_rowmax
        table, block = self.table, self._block
        for row in range(self.dim_rowmin, last + 1):
            cells = table.get(row)  # (get: the table is a defaultdict)
            if cells:
                a, b = min(cells), max(cells)
                lo, hi = (a, b) if lo is None else (min(lo, a), max(hi, b))
            if block is not None and block.holds(row):
                a, b = block.first_col, block.last_col
                lo, hi = (a, b) if lo is None else (min(lo, a), max(hi, b))
            if ((row + 1) % 16 == 0 or row == last) and lo is not None:
                spans[int(row / 16)] = f"{lo + 1}:{hi + 1}"
                lo = None
        self.row_spans = spans

    def _write_rows(self) -> None:
        """Worksheet._write_rows, a row's cells in column order, its number and text cells'
        XML joined and written at once."""
        if self.comments or self.dim_rowmin is None:
            self._materialize()
            super()._write_rows()
            return
        self._calculate_spans()
        table, row_info, spans, lean = self.table, self.row_info, self.row_spans, self._lean
        block = self._block
        if block is not None and any(
                table.get(r) or (r in row_info and row_info[r].row_format)
                for r in range(block.first_row, block.last_row + 1)):
            self._materialize()  # a row format there, or cells written there since
            block = None
        rows: list[str] = []
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            if block is not None and block.holds(row):
                if row == block.first_row:  # (its formats numbered here, as cell by cell)
                    rows = self._block_rows()
                self._write_row(row, spans.get(int(row / 16)), row_info.get(row))
                self.fh.write(rows[row - block.first_row])
                self._xml_end_tag("row")
                continue
            cells = table.get(row)
            if not cells:
                if row in row_info:  # a blank row with attributes only
                    self._write_empty_row(row, spans.get(int(row / 16)), row_info[row])
                continue
            self._write_row(row, spans.get(int(row / 16)), row_info.get(row))
            run: list[tuple[int, Any]] = []  # cells waiting to be written at once
            for col in sorted(cells):
                cell = cells[col]
                if cell.__class__ in lean:
                    run.append((col, cell))
                    continue
                if run:
                    self.fh.write(self._cells_xml(row, run))
                    run = []
                super()._write_cell(row, col, cell)
            if run:
                self.fh.write(self._cells_xml(row, run))
            self._xml_end_tag("row")

    def _materialize(self) -> None:
        """The block's cells into xlsxwriter's table, for its own paths (comments, autofit);
        a cell written there since stays."""
        b, self._block = self._block, None
        if b is not None:
            for row in range(b.first_row, b.last_row + 1):
                self.table[row] = b.cells(row) | dict(self.table.get(row) or {})

    def autofit(self, *args, **kwargs):
        self._materialize()  # it measures the cells in the table
        return super().autofit(*args, **kwargs)

    def _block_rows(self) -> list[str]:
        """The XML of the block's cells, a string a row, made a column at a time: a number
        styled by its format, else the column's; text by the column's (a row format sends
        its row the long way)."""
        b = self._block
        assert b is not None
        # xlsxwriter numbers a format when a cell first uses it, row by row: the same order
        first_use = []
        for j, values in enumerate(b.columns):
            col_format = getattr(self.col_info.get(b.first_col + j), "column_format", None)
            is_text = [v.__class__ is int for v in values]
            for kind, fmt in ((True, col_format), (False, b.formats[j] or col_format)):
                if fmt and kind in is_text:
                    first_use.append((is_text.index(kind), j, fmt))
        for _, _, fmt in sorted(first_use, key=lambda u: u[:2]):
            fmt._get_xf_index()
        numbers = [str(r + 1) for r in range(b.first_row, b.last_row + 1)]
        columns = []
        for j, values in enumerate(b.columns):
            col = b.first_col + j
            name, fmt = xl_col_to_name(col), b.formats[j]
            has_text = any(v.__class__ is int for v in values)
            has_number = not all(v.__class__ is int for v in values)
            # (a style asked for only when a cell uses it: asking numbers a format)
            text = self._column_style(col) if has_text else ""
            num = (f' s="{fmt._get_xf_index()}"' if fmt else self._column_style(col)) \
                if has_number else ""
            columns.append([f'<c r="{name}{r}"{text} t="s"><v>{v}</v></c>'
                            if v.__class__ is int else
                            f'<c r="{name}{r}"{num}><v>{v:.16G}</v></c>'
                            for r, v in zip(numbers, values, strict=True)])
        return ["".join(parts) for parts in zip(*columns, strict=True)]


class _Block:
    """NumberSheet.write_block's cells: per column a float (a number) or an int (a shared
    string's index) a row."""

    def __init__(self, first_row: int, first_col: int, columns: list[list],
                 formats: list) -> None:
        self.first_row, self.first_col = first_row, first_col
        self.last_row = first_row + len(columns[0]) - 1
        self.last_col = first_col + len(columns) - 1
        self.columns, self.formats = columns, formats

    def holds(self, row: int) -> bool:
        return self.first_row <= row <= self.last_row

    def cells(self, row: int) -> dict[int, Any]:
        """The row's cells as xlsxwriter keeps them in its table."""
        i = row - self.first_row
        return {self.first_col + j: CellStringTuple(v[i], None) if v[i].__class__ is int
                else CellNumberTuple(v[i], self.formats[j])
                for j, v in enumerate(self.columns)}
