"""The bulletin as a PDF (reportlab): title, headline numbers, a map of the district coloured
by score, ranking tables and charts, with the CJK font embedded so it reads anywhere."""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..analysis.bulletin import Bulletin
from ..domain.indicators import Level, percent

FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SCORE_BREAKS = (60, 70, 80, 90)
SCORE_COLOURS = ("#d7301f", "#fc8d59", "#fdcc8a", "#a6d96a", "#1a9641")  # worst → best
SCORE_TEXT = ("#b2182b", "#c8552b", "#9a6a00", "#4d8a1f", "#1a7837")  # the same, legible on white
HEAD_BG = colors.HexColor("#DDE6F0")
WIDTH = A4[0] - 36 * mm


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register and name a font that has Chinese glyphs (embedded), else a CID font."""
    for path in FONT_FILES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
            return "CJK"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    return {"base": base,
            "title": ParagraphStyle("title", parent=base, fontSize=17, leading=24, alignment=1,
                                    spaceAfter=4),
            "sub": ParagraphStyle("sub", parent=base, fontSize=9, alignment=1,
                                  textColor=colors.HexColor("#555555"), spaceAfter=8),
            "h": ParagraphStyle("h", parent=base, fontSize=12.5, leading=18, spaceBefore=8,
                                spaceAfter=4, textColor=colors.HexColor("#1F3B5C")),
            "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11,
                                    textColor=colors.HexColor("#555555"))}


def write_pdf(b: Bulletin, path: Path) -> Path:
    font = cjk_font()
    st = _styles(font)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=b.title,
                            author="gridapp", subject=b.period.label)
    h, p = b.headline, b.previous
    story = [Paragraph(b.title, st["title"]),
             Paragraph(f"考核方案：{b.scheme_name}（{_version(b)}） · "
                       f"生成于 {b.made_at:%Y-%m-%d %H:%M}", st["sub"]),
             Paragraph("一、总体情况", st["h"]),
             Paragraph(_summary_text(b), st["base"]),
             Paragraph(b.provenance(), st["small"]), Spacer(0, 4),
             _headline_table(h, p, font), Spacer(0, 6)]
    streets = b.tables[Level.STREET]
    if b.streets is not None and len(b.streets):
        story += [Paragraph("二、各街道考核得分分布", st["h"]),
                  _score_map(b.streets, streets, font)]
    story += [PageBreak(), Paragraph("三、街道考核排名", st["h"]),
              _rank_table(streets, font, "街道"),
              Paragraph("四、责任单位考核排名", st["h"]),
              _rank_table(b.tables[Level.DEPARTMENT], font, "责任单位")]
    chiefs = b.tables[Level.ROAD_CHIEF].dropna(subset=["rank"])
    if len(chiefs):
        story += [Paragraph("五、路长考核（前十名与后十名）", st["h"]),
                  _rank_table(_ends(chiefs), font, "路长")]
    story += [Paragraph("六、案件趋势与处置时长", st["h"]),
              KeepTogether([_trend_chart(b.trend, font), Spacer(0, 6),
                            _street_bars(streets, font), Spacer(0, 6),
                            _histogram(b.handling_hours, font)]),
              Paragraph("七、高频问题", st["h"]), _top_table(b.top_classes, font),
              Paragraph("八、重复投诉点位", st["h"]), _repeat_table(b, font),
              Spacer(0, 8),
              Paragraph("口径说明：本期案件指本期内立案的案件，按截止时点（期末）的办理状态统计；"
                        "应结案数为已处置或已超期未结的案件（已批准挂账的除外）；"
                        "按期结案指结案且通过核查的处置在时限内完成。详见 README“考核指标”。",
                        st["small"])]
    doc.build(story, onFirstPage=_footer(font, b), onLaterPages=_footer(font, b))
    return path


def _version(b: Bulletin) -> str:
    return f"第{b.scheme_version}版" if b.scheme_version else "系统默认"


def _footer(font: str, b: Bulletin):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(18 * mm, 9 * mm, f"{b.district} · {b.period.label_zh} · gridapp")
        canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"第 {doc.page} 页")
        canvas.restoreState()
    return draw


def _summary_text(b: Bulletin) -> str:
    h, p = b.headline, b.previous

    def delta(key: str) -> str:
        d = h[key] - p[key]
        return f"，较上期{'增加' if d >= 0 else '减少'}{abs(d):,}件" if p[key] else ""
    best = b.tables[Level.STREET].dropna(subset=["rank"])
    lead = f"街道得分第一为{best['name'].iat[0]}（{best['score'].iat[0]:.2f}分）。" if len(best) else ""
    return (f"{b.period.label_zh}，全区共上报问题{h['reported']:,}件{delta('reported')}；"
            f"立案{h['registered']:,}件，应结案{h['due']:,}件，结案{h['closed']:,}件，"
            f"按期结案{h['closed_on_time']:,}件，按期结案率{percent(h['close_on_time_rate'])}"
            f"（上期{percent(p['close_on_time_rate'])}）；截止期末超期未处置{h['overdue']:,}件，"
            f"返工{h['reworked']:,}件，退回{h['returned']:,}件。{lead}")


def _style(font: str, numeric_from: int = 1) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA8B8")),
        ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F7FA")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ])


def _headline_table(h: dict, p: dict, font: str) -> Table:
    rows = [("指标", "本期", "上期", "指标", "本期", "上期")]
    counts = [("上报数", "reported"), ("立案数", "registered"), ("应结案数", "due"),
              ("结案数", "closed"), ("按期结案数", "closed_on_time"), ("超期数", "overdue")]
    rates = [("按期结案率", "close_on_time_rate"), ("结案率", "close_rate"),
             ("按期处置率", "handle_on_time_rate"), ("签收率", "sign_rate"),
             ("返工率", "rework_rate"), ("群众满意率", "satisfaction_rate")]
    for (cn, ck), (rn, rk) in zip(counts, rates, strict=True):
        rows.append((cn, f"{h[ck]:,}", f"{p[ck]:,}", rn, percent(h[rk]), percent(p[rk])))
    t = Table(rows, colWidths=[WIDTH * w for w in (0.2, 0.13, 0.13, 0.2, 0.17, 0.17)])
    style = _style(font)
    style.add("ALIGN", (3, 1), (3, -1), "LEFT")
    t.setStyle(style)
    return t


def _fmt(v, kind: str) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "—"
    if kind == "pct":
        return percent(float(v))
    if kind == "score":
        return f"{float(v):.2f}"
    if kind == "delta":
        return f"{float(v):+.2f}"
    if kind == "move":
        v = int(v)
        return f"↑{v}" if v > 0 else (f"↓{-v}" if v < 0 else "—")
    return f"{int(v):,}"


def _rank_table(t: pd.DataFrame, font: str, what: str) -> Table:
    cols = [("rank", "排名", "int"), ("name", what, "text"), ("score", "得分", "score"),
            ("grade", "等级", "text"), ("change", "较上期", "delta"),
            ("rank_change", "名次", "move"), ("due", "应结案", "int"),
            ("handle_on_time_rate", "按期处置率", "pct"), ("close_on_time_rate", "按期结案率", "pct"),
            ("rework_rate", "返工率", "pct"), ("overdue", "超期", "int")]
    cols = [c for c in cols if c[0] in t.columns]
    # a column at a time, its values as Python's (itertuples made a namedtuple class and a
    # frame of the columns shown each table: ~1/3 of a table's making)
    shown = [t[c[0]].tolist() if c[2] == "text" else [_fmt(v, c[2]) for v in t[c[0]].tolist()]
             for c in cols]
    rows = [[c[1] for c in cols], *(list(r) for r in zip(*shown, strict=True))]
    widths = {"name": 0.17, "grade": 0.07, "rank": 0.06, "rank_change": 0.07}
    tbl = Table(rows, colWidths=[WIDTH * widths.get(c[0], 0.09) for c in cols], repeatRows=1)
    style = _style(font)
    style.add("FONT", (0, 0), (-1, 0), font, 7.5)
    style.add("ALIGN", (1, 1), (1, -1), "LEFT")
    style.add("ALIGN", (3, 1), (3, -1), "CENTER")
    # a score's colour by its band: one command a run of rows in one band (the table is
    # sorted by score, so a band's rows are together; each command costs reportlab a pass)
    bands = [int(np.searchsorted(SCORE_BREAKS, s, side="right"))
             if isinstance(s, float) and not math.isnan(s) else None for s in t["score"].tolist()]
    for band, run in itertools.groupby(enumerate(bands, start=1), key=lambda ib: ib[1]):
        rows = [i for i, _ in run]
        if band is not None:
            style.add("TEXTCOLOR", (2, rows[0]), (2, rows[-1]), colors.HexColor(SCORE_TEXT[band]))
    tbl.setStyle(style)
    return tbl


def _ends(t: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    return t if len(t) <= 2 * n else pd.concat([t.head(n), t.tail(n)])


def _score_colour(score: float) -> str:
    return SCORE_COLOURS[int(np.searchsorted(SCORE_BREAKS, score, side="right"))]


def _score_map(streets, table: pd.DataFrame, font: str) -> Drawing:
    """The district's streets coloured by score, with names, legend, scale bar and north."""
    w, h = WIDTH, 105 * mm
    d = Drawing(w, h)
    minx, miny, maxx, maxy = streets.total_bounds
    k = min((w - 60 * mm) / (maxx - minx), (h - 10 * mm) / (maxy - miny))
    ox, oy = 5 * mm, (h - (maxy - miny) * k) / 2

    def xy(coords) -> list[float]:
        out = []
        for x, y in coords:
            out += [ox + (x - minx) * k, oy + (y - miny) * k]
        return out
    score = table["score"]
    for row in streets.itertuples():
        s = score.get(row.code, np.nan)
        fill = colors.HexColor(_score_colour(s)) if not math.isnan(s) else colors.lightgrey
        polys = getattr(row.geometry, "geoms", [row.geometry])
        for poly in polys:
            d.add(Polygon(xy(poly.exterior.coords), fillColor=fill, strokeColor=colors.white,
                          strokeWidth=0.8))
    for row in streets.itertuples():
        c = row.geometry.representative_point()
        s = score.get(row.code, np.nan)
        x, y = ox + (c.x - minx) * k, oy + (c.y - miny) * k
        d.add(String(x, y + 1, row.name, fontName=font, fontSize=7.5, textAnchor="middle"))
        if not math.isnan(s):
            d.add(String(x, y - 8, f"{s:.1f}", fontName=font, fontSize=7, textAnchor="middle"))
    lx = w - 50 * mm
    d.add(String(lx, h - 8 * mm, "考核得分", fontName=font, fontSize=9))
    bounds = ["< 60", "60–70", "70–80", "80–90", "≥ 90"]
    for i, (col, text) in enumerate(zip(SCORE_COLOURS, bounds, strict=True)):
        y = h - 16 * mm - i * 6 * mm
        d.add(Rect(lx, y, 8 * mm, 4 * mm, fillColor=colors.HexColor(col), strokeWidth=0))
        d.add(String(lx + 10 * mm, y + 1, text, fontName=font, fontSize=8))
    # north arrow and scale bar: a map that leaders print must carry both
    nx, ny = lx + 4 * mm, 30 * mm
    d.add(Polygon([nx, ny + 10 * mm, nx - 3 * mm, ny, nx + 3 * mm, ny],
                  fillColor=colors.black, strokeWidth=0))
    d.add(String(nx, ny + 12 * mm, "N", fontName=font, fontSize=9, textAnchor="middle"))
    metres = _nice((maxx - minx) / 4)
    bar = metres * k
    d.add(Line(lx, 15 * mm, lx + bar, 15 * mm, strokeWidth=2))
    d.add(String(lx, 10 * mm, f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m",
                 fontName=font, fontSize=8))
    return d


def _nice(x: float) -> float:
    e = 10 ** math.floor(math.log10(x))
    return max(m * e for m in (1, 2, 5) if m * e <= x)


def _trend_chart(trend: pd.Series, font: str) -> Drawing:
    d = Drawing(WIDTH, 55 * mm)
    d.add(String(0, 52 * mm, "近12个月上报案件数", fontName=font, fontSize=9))
    c = HorizontalLineChart()
    c.x, c.y, c.width, c.height = 14 * mm, 8 * mm, WIDTH - 20 * mm, 38 * mm
    c.data = [[int(v) for v in trend.to_numpy()]]
    c.categoryAxis.categoryNames = [f"{t:%y.%m}" for t in trend.index]
    c.categoryAxis.labels.fontName = c.valueAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    c.lines[0].strokeColor = colors.HexColor("#2C7FB8")
    c.lines[0].strokeWidth = 1.6
    d.add(c)
    return d


def _street_bars(t: pd.DataFrame, font: str) -> Drawing:
    t = t.dropna(subset=["score"])
    d = Drawing(WIDTH, 60 * mm)
    d.add(String(0, 57 * mm, "各街道按期结案率与得分", fontName=font, fontSize=9))
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 14 * mm, 14 * mm, WIDTH - 20 * mm, 38 * mm
    c.data = [[round(float(v), 2) for v in t["score"]],
              [round(float(v) * 100, 2) if not math.isnan(v) else 0
               for v in t["close_on_time_rate"]]]
    c.categoryAxis.categoryNames = list(t["name"])
    c.categoryAxis.labels.fontName = c.valueAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 7
    c.categoryAxis.labels.angle = 30
    c.categoryAxis.labels.boxAnchor = "ne"
    c.valueAxis.valueMin, c.valueAxis.valueMax = 0, 100
    c.bars[0].fillColor = colors.HexColor("#2C7FB8")
    c.bars[1].fillColor = colors.HexColor("#FDAE61")
    d.add(c)
    for i, (col, text) in enumerate((("#2C7FB8", "得分"), ("#FDAE61", "按期结案率(%)"))):
        x = WIDTH - 60 * mm + i * 28 * mm
        d.add(Rect(x, 57 * mm, 4 * mm, 3 * mm, fillColor=colors.HexColor(col), strokeWidth=0))
        d.add(String(x + 5 * mm, 57 * mm, text, fontName=font, fontSize=8))
    return d


def _histogram(hours: np.ndarray, font: str) -> Drawing:
    d = Drawing(WIDTH, 52 * mm)
    med = f"，中位数 {np.median(hours):.1f} 小时" if len(hours) else ""
    d.add(String(0, 49 * mm, f"处置时长分布（派遣至处置反馈，工作小时{med}）",
                 fontName=font, fontSize=9))
    edges = [0, 1, 2, 4, 8, 16, 40, 80, np.inf]
    counts, _ = np.histogram(hours, bins=edges)
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 14 * mm, 8 * mm, WIDTH - 20 * mm, 36 * mm
    c.data = [[int(v) for v in counts]]
    c.categoryAxis.categoryNames = ["<1", "1–2", "2–4", "4–8", "8–16", "16–40", "40–80", "≥80"]
    c.categoryAxis.labels.fontName = c.valueAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    c.bars[0].fillColor = colors.HexColor("#41AB5D")
    d.add(c)
    return d


def _top_table(top: pd.DataFrame, font: str) -> Table:
    rows = [["小类", "名称", "案件数", "占比", "上期", "变化"]]
    # by columns: iterrows made a Series a row
    for code, name, cases, share, previous, change in zip(
            top.index.tolist(), *(top[c].tolist() for c in
                                  ("name", "cases", "share", "previous", "change")),
            strict=True):
        rows.append([code, name, f"{int(cases):,}", percent(share, 1), f"{int(previous):,}",
                     f"{int(change):+,}"])
    t = Table(rows, colWidths=[WIDTH * w for w in (0.12, 0.33, 0.13, 0.13, 0.13, 0.13)])
    st = _style(font, 2)
    t.setStyle(st)
    return t


def _repeat_table(b: Bulletin, font: str) -> Table:
    rows = [["问题", "网格", "次数", "首次", "最近"]]
    from ..analysis.patterns import as_datetime
    for r in b.repeats:
        rows.append([b.class_names.get(r.class_code, r.class_code), r.cell_code, str(r.cases),
                     f"{as_datetime(r.first):%m-%d %H:%M}", f"{as_datetime(r.last):%m-%d %H:%M}"])
    if len(rows) == 1:
        rows.append(["本期无重复投诉点位", "", "", "", ""])
    t = Table(rows, colWidths=[WIDTH * w for w in (0.3, 0.25, 0.11, 0.17, 0.17)])
    t.setStyle(_style(font, 2))
    return t
