"""案件处理单: one A4 page per case, as city-management offices file and sign them — the
case's fields, a map extract with its point, photos before and after, the timeline of its
audit trail (who, when, why), the deadline and how it stands, and signature lines.

Written with reportlab and the bulletin's embedded CJK font; the map extract is drawn from
the store's own cells and roads (no basemap service), so the sheet prints offline.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import shapely
from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.actions import Action
from ..domain.case import Case, CaseState, DeadlineStatus
from ..domain.people import Role
from ..services import cases as svc
from .bulletin_pdf import cjk_font
from .crs import store_to_lonlat

MAP_W, MAP_H = 84 * mm, 66 * mm
MAP_SPAN_M = 420.0            # ground width of the map extract (about 1:4,900)
PHOTO_W, PHOTO_H = 40 * mm, 52 * mm
TIMELINE_MAX = 14             # rows that fit beside everything else on the page
REASON_MAX = 44               # characters of a step's reason on the sheet
DESCRIPTION_MAX = 180
BEFORE = ("report",)
AFTER = ("rectify", "verify_pass", "reinspect")
GRID = colors.HexColor("#9AA5B1")
HEAD = colors.HexColor("#EEF2F6")


@dataclass
class SheetData:
    """Everything one sheet shows, read from the store in one go."""

    case: Case
    district: str
    class_line: str
    time_limit: str
    street: str
    community: str
    lonlat: tuple[float, float] | None
    assignee: str
    road_chief: str
    grid_worker: str
    reporter: str
    duplicate_of: str
    deadline: str
    timeline: list[tuple[str, str, str, str, str]]   # when, step, who (role), states, why
    before: list[bytes] = field(default_factory=list)
    after: list[bytes] = field(default_factory=list)
    cells: list = field(default_factory=list)        # shapely geometries near the point
    roads: list[tuple[str, object]] = field(default_factory=list)
    printed_by: str = ""
    printed_at: datetime | None = None


def _span(minutes: float, per_day: int) -> str:
    """Working time as a person says it: '1 工作日 3.5 工作时', '2 工作时'."""
    minutes = max(0.0, minutes)
    days, rest = divmod(minutes, per_day)
    hours = round(rest / 60 * 2) / 2
    hours_text = f"{hours:g} 工作时"
    if days:
        return f"{int(days)} 工作日" + (f" {hours_text}" if hours else "")
    return hours_text


def deadline_text(case: Case, limit: str, cal, now: datetime) -> str:
    """处置时限 and how it stands now: remaining, 预警, 超期, or met/missed at the close."""
    per_day = cal.minutes_per_day
    if case.deadline_at is None:
        if case.state is CaseState.CLOSED:
            return "已结案（未计处置时限）"
        return f"未派遣（派遣后按 {limit} 计算）" if limit else "未派遣"
    due = f"{case.deadline_at:%Y-%m-%d %H:%M}（时限 {limit}）" if limit else \
        f"{case.deadline_at:%Y-%m-%d %H:%M}"
    if case.state in (CaseState.CLOSED, CaseState.VERIFIED, CaseState.RECTIFIED):
        done = case.rectified_at or case.closed_at
        if done is None:
            return due
        late = done > case.deadline_at
        return f"{due}；已处置，" + (
            f"超期 {_span(cal.working_minutes_between(case.deadline_at, done), per_day)}"
            if late else "按期")
    if case.state is CaseState.SUSPENDED:
        return f"{due}；挂账中，计时暂停（剩余 " \
               f"{_span(case.suspended_remaining_minutes or 0, per_day)}）"
    status = case.deadline_status(now)
    if status is DeadlineStatus.OVERDUE:
        return f"{due}；已超期 {_span(cal.working_minutes_between(case.deadline_at, now), per_day)}"
    left = _span(cal.working_minutes_between(now, case.deadline_at), per_day)
    if status is DeadlineStatus.WARNING:
        return f"{due}；预警，剩余 {left}"
    return f"{due}；剩余 {left}"


def gather(store, ref: int | str, printed_by: str = "", now: datetime | None = None
           ) -> SheetData:
    """Read the case, its trail, photos and surroundings for the sheet."""
    view = svc.view(store.uow(write=False), None, ref)
    c = view.case
    with store.uow(write=False) as uow:
        now = now or uow.now()
        catalog = uow.config.catalog(c.catalog_version) if c.catalog_version else \
            uow.config.catalog()
        cls = catalog.find(c.class_code) or uow.config.catalog().find(c.class_code)
        cal = uow.config.calendar()
        people = uow.people
        name = {}

        def who(pid: int | None) -> str:
            if pid is None:
                return ""
            if pid not in name:
                name[pid] = people.get(pid).name
            return name[pid]
        assignee = ""
        if c.assignee:
            assignee = who(c.assignee.person_id) if c.assignee.person_id else \
                people.department(c.assignee.department_id).name
        original = ""
        if c.duplicate_of:
            original = uow.cases.get(c.duplicate_of).number
        timeline = [(f"{e.at:%m-%d %H:%M}", Action(e.action).label_zh,
                     f"{who(e.actor_id)}（{Role(e.actor_role).label_zh}）",
                     f"{e.from_state.label_zh if e.from_state else '—'}→{e.to_state.label_zh}",
                     e.reason) for e in view.events]
        before, after = [], []
        for _seq, phase, sha in view.photos:
            _ref, data = uow.photos.get(sha)
            (before if phase in BEFORE else after if phase in AFTER else []).append(data)
        district = uow.config.meta("district_name") or ""
        gaz = uow.places.gazetteer()
        cells, roads = [], []
        if c.placed:
            half = MAP_SPAN_M / 2
            frame = shapely.box(c.x - half, c.y - half * MAP_H / MAP_W,
                                c.x + half, c.y + half * MAP_H / MAP_W)
            index = uow.places.index()
            geoms = index.cells.geometries
            cells = [geoms[k].intersection(frame) for k in index.cells.query(frame)]
            roads = [(n, g.intersection(frame)) for n, g in gaz.road_geoms.items()
                     if g.intersects(frame)]
        areas = {(p.kind, p.code): p for group in gaz.areas.values() for p in group}
        chief, worker = who(c.location.road_chief_id), who(c.location.grid_worker_id)
        reporter = who(c.reporter_id) + (f"（{c.reporter_contact}）" if c.reporter_contact
                                         else "")
        street = next((p.name for (k, code), p in areas.items()
                       if k == "street" and code == c.location.street_code), "")
        community = next((p.name for (k, code), p in areas.items()
                          if k == "community" and code == c.location.community_code), "")
    limit = str(cls.time_limit) if cls else ""
    if c.time_limit_minutes and c.deadline_at:
        limit = _span(c.time_limit_minutes, cal.minutes_per_day)
    lonlat = None
    if c.placed:
        lon, lat = store_to_lonlat(c.x, c.y, store.srid)
        lonlat = (float(lon), float(lat))
    class_line = f"{c.kind.label_zh} · {cls.large_name} · {cls.name}（{c.class_code}）" if cls \
        else c.class_code
    return SheetData(c, district, class_line, limit, street, community, lonlat, assignee,
                     chief, worker, reporter, original, deadline_text(c, limit, cal, now), timeline,
                     before, after, cells, roads, printed_by, now)


# ---- drawing ------------------------------------------------------------------------------

def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("b", fontName=font, fontSize=8.6, leading=11.5, wordWrap="CJK")
    return {"base": base,
            "small": ParagraphStyle("s", parent=base, fontSize=7.4, leading=9.5),
            "title": ParagraphStyle("t", parent=base, fontSize=16, leading=21, alignment=1),
            "sub": ParagraphStyle("u", parent=base, fontSize=8, alignment=1,
                                  textColor=colors.HexColor("#555555")),
            "label": ParagraphStyle("l", parent=base, textColor=colors.HexColor("#333333"))}


def _cut(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fields(d: SheetData, st) -> Table:
    c = d.case
    p = lambda t: Paragraph(_esc(t), st["base"])  # noqa: E731
    lab = lambda t: Paragraph(t, st["label"])     # noqa: E731
    position = f"{d.lonlat[0]:.6f}°E, {d.lonlat[1]:.6f}°N" if d.lonlat else "待定位"
    area = " ".join(x for x in (d.street, d.community) if x)
    rows = [
        [lab("案卷号"), p(c.number), lab("当前状态"), p(c.state.label_zh)],
        [lab("问题来源"), p(c.source.label_zh), lab("上报时间"), p(f"{c.reported_at:%Y-%m-%d %H:%M}")],
        [lab("问题类别"), p(d.class_line), lab("上报人"), p(d.reporter)],
        [lab("地址"), p(c.address or "—"), lab("位置"), p(position)],
        [lab("街道/社区"), p(area or "—"), lab("单元网格"), p(c.location.cell_code or "—")],
        [lab("责任单位"), p(d.assignee or "—"), lab("路长 / 网格员"),
         p(" / ".join(x or "—" for x in (d.road_chief, d.grid_worker)))],
        [lab("处置时限"), p(d.deadline), "", ""],
        [lab("问题描述"), p(_cut(c.description, DESCRIPTION_MAX) or "—"), "", ""],
    ]
    extra = [(k, v) for k, v in (("热线工单号", c.external_id or ""), ("部件编码", c.component_code or ""),
                                 ("重复于", d.duplicate_of)) if v]
    if extra:
        rows.append([lab(extra[0][0]), p(extra[0][1]),
                     lab(extra[1][0]) if len(extra) > 1 else "",
                     p(extra[1][1]) if len(extra) > 1 else ""])
    widths = [20 * mm, 70 * mm, 22 * mm, 62 * mm]
    t = Table(rows, colWidths=widths)
    style = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("BACKGROUND", (0, 0), (0, -1), HEAD), ("BACKGROUND", (2, 0), (2, 5), HEAD),
             ("SPAN", (1, 6), (3, 6)), ("SPAN", (1, 7), (3, 7)),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if extra:
        style.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), HEAD))
    t.setStyle(TableStyle(style))
    return t


def _map(d: SheetData, font: str) -> Drawing:
    """The case's surroundings: cells, roads with their names, the point, scale and north."""
    dr = Drawing(MAP_W, MAP_H)
    dr.add(Rect(0, 0, MAP_W, MAP_H, fillColor=colors.HexColor("#F4F1EA"), strokeColor=GRID,
                strokeWidth=0.6))
    c = d.case
    if not c.placed:
        dr.add(String(MAP_W / 2, MAP_H / 2, "待定位：尚无位置", fontName=font, fontSize=10,
                      textAnchor="middle"))
        return dr
    k = MAP_W / MAP_SPAN_M          # points per metre

    def xy(x: float, y: float) -> tuple[float, float]:
        return MAP_W / 2 + (x - c.x) * k, MAP_H / 2 + (y - c.y) * k

    def lines(geom):
        for part in shapely.get_parts(geom):
            if part.geom_type in ("Polygon",):
                yield list(part.exterior.coords)
            elif part.geom_type in ("LineString", "LinearRing"):
                yield list(part.coords)
            elif part.geom_type.startswith("Multi") or part.geom_type == "GeometryCollection":
                yield from lines(part)
    for g in d.cells:
        for ring in lines(g):
            dr.add(PolyLine([v for p in ring for v in xy(*p[:2])], strokeColor=GRID,
                            strokeWidth=0.35))
    for _name, g in d.roads:
        for ln in lines(g):
            pts = [v for p in ln for v in xy(*p[:2])]
            dr.add(PolyLine(pts, strokeColor=colors.HexColor("#B0B0B0"), strokeWidth=4.2))
            dr.add(PolyLine(pts, strokeColor=colors.white, strokeWidth=3.2))
    for name, g in d.roads:   # names after every road, so none is drawn over
        longest = max((ln for ln in shapely.get_parts(g) if ln.length > 0),
                      key=lambda ln: ln.length, default=None)
        if longest is None or longest.length * k < len(name) * 8:
            continue
        mid = longest.interpolate(0.5, normalized=True)
        a = longest.interpolate(max(0.0, longest.project(mid) - 5))
        b = longest.interpolate(min(longest.length, longest.project(mid) + 5))
        angle = math.degrees(math.atan2(b.y - a.y, b.x - a.x))
        if angle > 90 or angle < -90:
            angle += 180
        px, py = xy(mid.x, mid.y)
        label = Group(String(0, -2.5, name, fontName=font, fontSize=7,
                             fillColor=colors.HexColor("#444444"), textAnchor="middle"))
        rad = math.radians(angle)
        label.transform = (math.cos(rad), math.sin(rad), -math.sin(rad), math.cos(rad), px, py)
        dr.add(label)
    cx, cy = xy(c.x, c.y)
    dr.add(Circle(cx, cy, 5.5, fillColor=colors.HexColor("#D7301F"), strokeColor=colors.white,
                  strokeWidth=1.5))
    # scale bar (100 m) and north arrow
    bar = 100 * k
    dr.add(Line(6, 6, 6 + bar, 6, strokeColor=colors.black, strokeWidth=1.2))
    for x in (6, 6 + bar):
        dr.add(Line(x, 4, x, 8, strokeColor=colors.black, strokeWidth=1))
    dr.add(String(6 + bar / 2, 9, "100 米", fontName=font, fontSize=6.5, textAnchor="middle"))
    nx, ny = MAP_W - 10, MAP_H - 16
    dr.add(PolyLine([nx - 3, ny, nx, ny + 9, nx + 3, ny], strokeColor=colors.black,
                    strokeWidth=1))
    dr.add(String(nx, ny + 10, "N", fontName=font, fontSize=7, textAnchor="middle"))
    return dr


def _photo(data: bytes | None, font: str, caption: str):
    if data is None:
        d = Drawing(PHOTO_W, PHOTO_H)
        d.add(Rect(0, 0, PHOTO_W, PHOTO_H, fillColor=colors.HexColor("#F2F2F2"),
                   strokeColor=GRID, strokeWidth=0.5))
        d.add(String(PHOTO_W / 2, PHOTO_H / 2, f"（无{caption}照片）", fontName=font,
                     fontSize=8, textAnchor="middle", fillColor=colors.HexColor("#888888")))
        return d
    img = ImageOps.exif_transpose(PILImage.open(io.BytesIO(data)))
    img.thumbnail((900, 900))
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    buf.seek(0)
    w, h = img.size
    s = min(PHOTO_W / w, PHOTO_H / h)
    return Image(buf, w * s, h * s)


def _middle(d: SheetData, font: str, st) -> Table:
    """Map on the left; photos before and after on the right."""
    before = d.before[0] if d.before else None
    after = d.after[-1] if d.after else None
    more = lambda n: f"（共 {n} 张）" if n > 1 else ""  # noqa: E731
    photos = Table([[_photo(before, font, "处置前"), _photo(after, font, "处置后")],
                    [Paragraph("处置前（上报）" + more(len(d.before)), st["small"]),
                     Paragraph("处置后" + more(len(d.after)), st["small"])]],
                   colWidths=[PHOTO_W + 2 * mm] * 2)
    photos.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    t = Table([[_map(d, font), photos]], colWidths=[MAP_W + 2 * mm, 2 * PHOTO_W + 6 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _timeline(d: SheetData, st, most: int) -> Table:
    rows = d.timeline
    if len(rows) > most:   # the first steps and the latest; the rest is in the system
        keep = most - 1
        head, tail = rows[:3], rows[-(keep - 3):]
        gap = len(rows) - len(head) - len(tail)
        rows = head + [("", "…", f"中间 {gap} 步从略", "", "完整记录见系统审计记录")] + tail
    p = lambda t: Paragraph(_esc(t), st["small"])  # noqa: E731
    data = [[p("时间"), p("环节"), p("经办人"), p("状态"), p("意见 / 说明")]]
    data += [[p(w), p(a), p(who), p(s), p(_cut(r, REASON_MAX))] for w, a, who, s, r in rows]
    t = Table(data, colWidths=[19 * mm, 22 * mm, 30 * mm, 26 * mm, 77 * mm], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, GRID),
                           ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return t


def _signatures(st) -> Table:
    who = ("受理员", "派遣员", "处置单位负责人", "核查人", "值班长")
    data = [[Paragraph(f"{w}（签字）", st["small"]) for w in who],
            ["", "", "", "", ""],
            [Paragraph("&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;日",
                       st["small"])] * 5]
    t = Table(data, colWidths=[34.8 * mm] * 5, rowHeights=[None, 11 * mm, None])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, GRID),
                           ("INNERGRID", (0, 0), (-1, -1), 0.3, GRID),
                           ("ALIGN", (0, 2), (-1, 2), "RIGHT")]))
    return t


def write_case_sheet(d: SheetData, path: str | Path) -> Path:
    """The sheet as a one-page A4 PDF at `path` (written beside it, then moved into place)."""
    path = Path(path)
    font = cjk_font()
    st = _styles(font)
    c = d.case
    title = f"{d.district}城市管理案件处理单" if d.district else "城市管理案件处理单"
    printed = f"{d.printed_at:%Y-%m-%d %H:%M}" if d.printed_at else ""

    def footer(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(18 * mm, 7 * mm, f"{title} · {c.number} · gridapp")
        canvas.restoreState()
    # one page, always: a case with a long history shows fewer middle steps
    for most in (TIMELINE_MAX, 10, 7, 5):
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                topMargin=12 * mm, bottomMargin=12 * mm,
                                title=f"案件处理单 {c.number}", author="gridapp",
                                subject=c.number)
        story = [Paragraph(title, st["title"]),
                 Paragraph(f"案卷号 {c.number} · 打印 {printed}" +
                           (f" · {_esc(d.printed_by)}" if d.printed_by else ""), st["sub"]),
                 Spacer(0, 3 * mm), _fields(d, st), Spacer(0, 2.5 * mm),
                 _middle(d, font, st), Spacer(0, 2 * mm),
                 Paragraph("办理经过（审计记录）", st["label"]), Spacer(0, 1 * mm),
                 _timeline(d, st, most), Spacer(0, 3 * mm), _signatures(st)]
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        if doc.page == 1:
            break
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(path)
    return path


def case_sheet(store, ref: int | str, path: str | Path, printed_by: str = "",
               now: datetime | None = None) -> Path:
    """gather + write: the 案件处理单 of one case as a PDF."""
    return write_case_sheet(gather(store, ref, printed_by, now), path)
