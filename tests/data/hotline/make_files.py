"""Writes the 12345 exports in this folder (run it again after changing it; the files are
kept in the repository so the tests read exactly what a user would import).

They are made the way real platforms write them, for the tests' mini district (江岸区-like
codes, tests/factories.py): a title row and an export line above the header, a running
number column, the platform's own category paths (城市管理/市容环境/暴露垃圾 …) of which
most are not the command room's classes, tickets without coordinates that give only an
address, a blank row, a row the export repeated, a 合计 row and a 制表人 footer; a GBK CSV
from another platform that writes day first (02/11/2026); mixed offsets; impossible times;
a file with more problems than fit on a screen; and the district's landmarks.

    .venv/bin/python tests/data/hotline/make_files.py
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
from factories import X0, Y0, cell_center  # noqa: E402

from gridapp.io.crs import store_to_lonlat  # noqa: E402

# The platform's category paths: a dozen are the command room's own classes (the mapping
# names them), the rest are other departments' business that still lands on the district.
MAPPED = {
    "城市管理/市容环境/暴露垃圾": "E0102",
    "城市管理/市容环境/道路不洁": "E0104",
    "城市管理/市容环境/垃圾满溢": "E0111",
    "城市管理/街面秩序/占道经营": "E0501",
    "城市管理/街面秩序/流动摊贩": "E0502",
    "城市管理/街面秩序/共享单车乱停放": "E0506",
    "城市管理/宣传广告/非法小广告": "E0201",
    "城乡建设/施工管理/施工扰民": "E0301",
    "城乡建设/施工管理/工地扬尘": "E0302",
    "城乡建设/市政设施/上水井盖破损": "C0101",
    "城乡建设/市政设施/路面破损": "E0407",
    "生态环境/大气污染/餐饮油烟": "E0109",
}
OTHER = [  # 25 more: the catch-all class takes them
    "交通运输/公交服务/线路调整", "交通运输/出租汽车/拒载", "交通运输/道路交通/信号灯配时",
    "住房保障/物业管理/物业服务", "住房保障/物业管理/电梯故障", "住房保障/房屋安全/外墙脱落",
    "市场监管/食品安全/过期食品", "市场监管/价格监管/乱收费", "市场监管/消费维权/退换货",
    "人力社保/劳动关系/拖欠工资", "人力社保/社会保险/医保报销", "教育/学校管理/课后服务",
    "卫生健康/医疗服务/就医排队", "公安/治安管理/噪音扰民", "公安/户政管理/户口迁移",
    "水务/供水/停水", "水务/排水/窨井冒水", "电力/供电/停电", "燃气/供气/燃气价格",
    "园林/绿化养护/树木修剪", "园林/公园管理/公园开放时间", "民政/养老服务/养老补贴",
    "文化旅游/景区管理/门票", "通信/网络/信号差", "其他/咨询/政策咨询",
]
CATEGORIES = list(MAPPED) + OTHER  # 37 distinct texts, as in the real file

HEADER = ["序号", "工单编号", "受理时间", "诉求渠道", "问题分类", "事发地址", "经度", "纬度",
          "诉求内容", "市民姓名", "联系电话", "办理状态"]
CELLS = [("420102001001", s) for s in range(1, 9)] + [("420102002002", s) for s in (1, 3, 6)] \
    + [("420102001002", 2), ("420102002001", 7)]
# addresses without coordinates, and what the store's places make of them
ADDRESSES = [
    "黄浦路与解放大道交叉口东北角",       # intersection
    "江岸区三阳社区解放大道旁人行道",     # road inside a community
    "黄浦路12号门前",                     # a short road (one segment)
    "江岸区政府大门东侧",                 # landmark
    "井盖编号4201020101000001破损",       # a component's code
    "解放大道188号",                      # a long road alone: too rough, 待定位
    "大智社区内",                         # a community alone: 待定位
    "某某花园3栋2单元",                   # nothing the store knows: 待定位
]


def gcj(x: float, y: float) -> tuple[str, str]:
    lon, lat = store_to_lonlat(x, y, 4547, "gcj02")
    return f"{float(lon):.6f}", f"{float(lat):.6f}"


def main_export() -> list[list]:
    """Rows of the district's November export (row values as the platform writes them)."""
    rows = []
    t0 = datetime(2026, 11, 2, 8, 12)
    for i, cat in enumerate(CATEGORIES):
        community, serial = CELLS[i % len(CELLS)]
        x, y = cell_center(community, serial)
        lon, lat = gcj(x + (i % 5) * 7, y - (i % 3) * 9)
        rows.append([f"GD20261102{i + 1:04d}", t0 + timedelta(minutes=47 * i),
                     ["12345热线", "12345热线", "城市留言板", "12345热线"][i % 4], cat,
                     f"江岸区{['三阳', '一元', '保成', '大智'][i % 4]}路{10 + i}号附近", lon, lat,
                     f"市民反映：{cat.split('/')[-1]}，请尽快处理", f"{'王李张刘陈'[i % 5]}先生",
                     f"1390000{i:04d}", "已派单"])
    for k, address in enumerate(ADDRESSES):
        i = len(rows)
        rows.append([f"GD20261105{k + 1:04d}", datetime(2026, 11, 5, 9, 0) + timedelta(hours=k),
                     "12345热线", list(MAPPED)[k % 4], address, "", "",
                     "市民来电反映问题，未提供定位", "赵女士", f"1370000{i:04d}", "已派单"])
    return rows


def write_xlsx(path: Path, rows: list[list]) -> None:
    book = xlsxwriter.Workbook(path)
    book.set_properties({"created": datetime(2026, 11, 16, 8, 30), "author": "12345平台"})
    sheet = book.add_worksheet("工单明细")
    title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
    head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "江岸区12345市民服务热线工单明细表", title)
    sheet.merge_range(1, 0, 1, len(HEADER) - 1,
                      "统计时间：2026-11-01 至 2026-11-15    导出时间：2026-11-16 08:30    "
                      "导出人：张受理")
    sheet.write_row(2, 0, HEADER, head)
    r = 3
    body = [[n + 1, *row] for n, row in enumerate(rows)]
    body.insert(20, body[19])       # the export repeated a row (paging)
    body.insert(31, [None] * len(HEADER))  # a blank row
    for row in body:
        for c, v in enumerate(row):
            if isinstance(v, datetime):
                sheet.write_datetime(r, c, v, when)
            elif v is not None and v != "":
                sheet.write(r, c, v)
        r += 1
    sheet.write_row(r, 0, ["合计", f"{len(rows)}件"])
    sheet.write_row(r + 2, 0, ["制表人：张受理", "", "", "审核：李值班"])
    book.close()


def write_day_first_gbk(path: Path) -> None:
    """Another platform: GBK, day-first times, its own headers, a title and a 合计 row."""
    rows = [["江岸区城建热线(12319)工单汇总"], [],
            ["工单号", "来电时间", "事项分类", "地址", "经度", "纬度", "来电内容"]]
    days = [2, 13, 5, 11, 25, 9]  # 02/11 could be 11 February; 13/11 and 25/11 cannot
    for k, day in enumerate(days):
        community, serial = CELLS[k]
        lon, lat = gcj(*cell_center(community, serial))
        rows.append([f"12319-{k + 1:05d}", f"{day:02d}/11/2026 {9 + k}:{(k * 7) % 60:02d}",
                     "暴露垃圾" if k % 2 else "道路不洁", f"一元路{k + 3}号", lon, lat,
                     "路边有垃圾堆放"])
    rows.append(["合计", "6"])
    with open(path, "w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows(rows)


def write_csv(path: Path, header: list[str], rows: list[list], encoding="utf-8-sig") -> None:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def simple_rows(times: list[str], start: int = 1) -> list[list]:
    rows = []
    for k, t in enumerate(times):
        community, serial = CELLS[k % len(CELLS)]
        lon, lat = gcj(*cell_center(community, serial))
        rows.append([f"GD2026{start + k:06d}", t, "暴露垃圾", "三阳路8号", lon, lat,
                     "路边垃圾成堆"])
    return rows


SIMPLE = ["工单编号", "受理时间", "问题分类", "问题地址", "经度", "纬度", "问题描述"]


def landmarks(path: Path) -> None:
    points = {"江岸区政府": (X0 + 250, Y0 + 120, "政府机关"),
              "三阳路地铁站": (X0 + 60, Y0 + 330, "地铁站"),
              "大智路小学": (X0 + 700, Y0 + 60, "学校")}
    features = []
    for name, (x, y, kind) in points.items():
        lon, lat = store_to_lonlat(x, y, 4547, "wgs84")
        features.append({"type": "Feature", "properties": {"名称": name, "类别": kind},
                         "geometry": {"type": "Point",
                                      "coordinates": [round(float(lon), 7),
                                                      round(float(lat), 7)]}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False, indent=1), encoding="utf-8")


MAPPING = """# 江岸区 12345 exports (the platform's November layout): one file instead of 37 flags
name = "江岸区12345"
coords = "gcj02"
source = "hotline_12345"
catch_all = "E0699"   # 其他（非城管事项）: the district added it to its catalog

[columns]
external_id = "工单编号"
reported_at = "受理时间"
source = "诉求渠道"
category = "问题分类"
address = "事发地址"
description = "诉求内容"
contact = "市民姓名"
phone = "联系电话"

[categories]
""" + "".join(f'"{k}" = "{v}"\n' for k, v in MAPPED.items())


def main() -> None:
    write_xlsx(HERE / "江岸区12345工单明细_2026-11.xlsx", main_export())
    (HERE / "江岸区12345.toml").write_text(MAPPING, encoding="utf-8")
    write_day_first_gbk(HERE / "12319工单_日月年_gbk.csv")
    write_csv(HERE / "12345_offsets.csv", SIMPLE, simple_rows(
        ["2026-11-03 09:30", "2026-11-03T01:30:00Z", "2026-11-03 09:45:00+08:00",
         "2026-11-03T10:00:00+0800"]))
    write_csv(HERE / "12345_ambiguous_dates.csv", SIMPLE, simple_rows(
        ["02/11/2026 09:30", "03/11/2026 10:00", "05/11/2026 11:15"]))
    write_csv(HERE / "12345_impossible_times.csv", SIMPLE, simple_rows(
        ["2026-11-03 09:30", "1900-01-01 00:00", "2035-06-01 08:00"]))
    many = simple_rows([f"2026-11-{d:02d} 10:00" for d in range(1, 21)] * 3)
    for k, row in enumerate(many):  # every row wrong in one or two ways
        row[0] = f"GD-MANY-{k:03d}"
        row[2] = "外星人入侵" if k % 2 else row[2]
        row[1] = "昨天下午" if k % 3 == 0 else row[1]
    write_csv(HERE / "12345_many_problems.csv", SIMPLE, many)
    landmarks(HERE / "landmarks.geojson")


if __name__ == "__main__":
    main()
