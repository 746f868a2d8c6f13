"""NumberSheet writes the same sheet XML as xlsxwriter's own per-cell path (numbers, text
among them, row and column formats, NaN and infinities, empty columns)."""

import io
import zipfile

import numpy as np
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.io.xlsx_sheet import NumberSheet


def _sheet_xml(fast: bool, columns: list[list[float]], with_formats: bool) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"nan_inf_to_errors": True, "in_memory": True})
    pct = wb.add_format({"num_format": "0.00%"})
    ws = wb.add_worksheet("s", worksheet_class=NumberSheet if fast else None)
    ws.write(0, 0, "代码")
    if with_formats:
        ws.set_row(2, None, wb.add_format({"bold": True}))
        ws.set_column(3, 3, 10, wb.add_format({"num_format": "0.0"}))
    for j, col in enumerate(columns, start=1):
        fmt = pct if with_formats and j % 2 else None
        rows = [i + 1 for i, v in enumerate(col) if v is not None]
        values = [v for v in col if v is not None]
        for r, v in zip(rows, values, strict=True):  # number cells in xlsxwriter's table
            ws.write_number(r, j, v, fmt)
    for r, c, v in ((2, 1, "—"), (17, 9, "x"), (4, 2, "一元街"), (5, 3, "=1+1"), (6, 4, ""),
                    (7, 5, "http://a.b"), (8, 6, "{=x}"), (2, 3, "一元街"), (9, 3, "<&>\""),
                    (3, 1, " 前后空格 "), (1, 0, "420102001")):  # text among numbers, and past
        if fast:
            ws.write_text(r, c, v)
        else:
            ws.write(r, c, v)
    for r, c in ((10, 1), (2, 2)):  # text with a format of its own
        ws.write(r, c, "二元街", pct)
    wb.close()
    with zipfile.ZipFile(buf) as z:  # the sheet, and its shared strings in the same order
        return z.read("xl/worksheets/sheet1.xml") + z.read("xl/sharedStrings.xml")


numbers = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                    st.integers(-10**6, 10**6).map(float))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(numbers, min_size=0, max_size=12), min_size=1, max_size=5),
       st.booleans())
def test_number_columns_make_the_same_sheet(columns, with_formats):
    assert _sheet_xml(True, columns, with_formats) == _sheet_xml(False, columns, with_formats)


def test_a_large_column_is_written_whole():
    col = np.linspace(0, 1, 5000).tolist()
    assert _sheet_xml(True, [col], True) == _sheet_xml(False, [col], True)


def test_the_fast_workbook_zips_the_same_parts_faster_deflated():
    """FastWorkbook is xlsxwriter's workbook deflated at level 1: the same parts, byte for
    byte, in a sound zip; only the compressed sizes differ."""
    from gridapp.io.xlsx_sheet import FastWorkbook

    def parts(cls) -> tuple[dict[str, bytes], int]:
        buf = io.BytesIO()
        wb = cls(buf, {"in_memory": True})
        wb.set_properties({"created": __import__("datetime").datetime(2026, 1, 1)})
        ws = wb.add_worksheet("s")
        for i in range(2000):
            ws.write_row(i, 0, [f"街道{i % 37}", i * 1.25, i % 7])
        wb.close()
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
            assert z.testzip() is None
            return {n: z.read(n) for n in z.namelist()}, \
                sum(i.compress_size for i in z.infolist())
    fast, fast_size = parts(FastWorkbook)
    slow, slow_size = parts(xlsxwriter.Workbook)
    assert fast == slow
    assert fast_size > slow_size  # level 1 (zlib's default is 6)


texts = st.sampled_from(["—", "一元街", "优秀", "420102001", " 空格 ", "<&>", "a:b", "=1", "", "x"])


def _block_xml(fast: bool, columns: list[list], row_format: bool, later: bool,
               comment: bool) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"nan_inf_to_errors": True, "in_memory": True})
    pct, num = wb.add_format({"num_format": "0.00%"}), wb.add_format({"num_format": "0.00"})
    formats = [None if j % 3 == 0 else pct if j % 3 == 1 else num for j in range(len(columns))]
    ws = wb.add_worksheet("s", worksheet_class=NumberSheet if fast else None)
    ws.write_row(0, 0, ["代码", "名称"])
    if fast:
        ws.write_block(1, 0, columns, formats)
    else:  # row by row, as the level sheets were written
        for i in range(len(columns[0]) if columns else 0):
            for j, col in enumerate(columns):
                if isinstance(col[i], str):
                    ws.write(1 + i, j, col[i])
                else:
                    ws.write_number(1 + i, j, col[i], formats[j])
    if row_format:
        ws.set_row(2, None, wb.add_format({"bold": True}))
    ws.set_column(0, 1, 16, wb.add_format({"num_format": "0.0"}))
    if later:  # a cell written into the block's rows afterwards
        ws.write(1, 1, "后写")
        ws.write_number(3, 5, 7.5)
    if comment:
        ws.write_comment(0, 0, "注")
    wb.close()
    with zipfile.ZipFile(buf) as z:
        return z.read("xl/worksheets/sheet1.xml") + z.read("xl/sharedStrings.xml")


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.lists(
           st.lists(st.one_of(texts, numbers.filter(lambda v: v is not None)),
                    min_size=n, max_size=n), min_size=1, max_size=6)),
       st.booleans(), st.booleans(), st.booleans())
def test_a_block_makes_the_same_sheet_as_its_cells_written_row_by_row(columns, row_format,
                                                                       later, comment):
    """write_block: the same sheet and shared strings as writing its cells one by one, in
    row order, whatever its values (non-finite numbers and text xlsxwriter reads as something
    else go cell by cell), row and column formats, cells written there later, comments."""
    assert _block_xml(True, columns, row_format, later, comment) == \
        _block_xml(False, columns, row_format, later, comment)


def test_a_large_block_takes_the_lean_path():
    rng = np.random.default_rng(1)
    columns = [[f"单位{i % 300}" for i in range(3000)]] + \
        [rng.integers(0, 1000, 3000).astype(float).tolist() for _ in range(5)] + \
        [["—" if i % 7 == 0 else float(i) / 7 for i in range(3000)]]
    assert _block_xml(True, columns, True, False, False) == \
        _block_xml(False, columns, True, False, False)
    ws = NumberSheet()
    ws.str_table = xlsxwriter.sharedstrings.SharedStringTable()
    ws.write_block(1, 0, columns, [None] * len(columns))
    assert ws._block is not None and not ws.table  # kept as columns, not as cells


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["一元街", " 前空格", "后空格 ", "\u3000全角空格", "行尾\n", "a\tb", "<&>\"",
                     "", "x", "_x0041_", "a\x01b", "\ufffe", "<r>rich</r>", "\xa0nbsp",
                     "&amp;", "多行\n文本"]),
    st.text(max_size=6)), min_size=1, max_size=12))
def test_lean_shared_strings_are_xlsxwriters_bytes(strings):
    """FastWorkbook writes the shared strings part in one pass: the same bytes as
    xlsxwriter's per-string path (whitespace at either end, escapes, control characters,
    rich-looking strings)."""
    from gridapp.io.xlsx_sheet import FastWorkbook

    def sst(cls) -> bytes:
        buf = io.BytesIO()
        wb = cls(buf, {"in_memory": True, "strings_to_formulas": False,
                       "strings_to_urls": False})
        ws = wb.add_worksheet("s")
        for i, text in enumerate(strings):
            ws.write_string(i, 0, text)
        wb.close()
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
            return z.read("xl/sharedStrings.xml")
    assert sst(FastWorkbook) == sst(xlsxwriter.Workbook)
