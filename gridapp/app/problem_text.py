"""Import problems in the interface's language.

The io layer words each problem of a file (and each note on what it did) in English: the
command line's language, the report file's and what its tests match. The client shows them in
Chinese through this table: one pattern per English template, its values (cell text, row
numbers, codes) carried over as they are. A message no pattern knows stays whole in English,
never half translated.
"""

from __future__ import annotations

import re

from ..domain.actions import Action
from ..domain.places import LocatedBy
from ..io.errors import SCREEN_LINES, Problem, ValidationReport
from ..io.field_project import EDIT_LAYERS

V = r"(?P<v>'.*?'|\".*?\"|\S+)"   # a value as the message quotes it

# English template (a regular expression over the whole message) → Chinese
# (first match wins: a message around another comes before the inner one's rules)
_TABLE: list[tuple[str, str]] = [
    # a case's timeline refused by the transition table (services/history.py); "…_t" groups
    # are messages themselves, translated in turn
    (r"case (?P<c>\S+) also on row (?P<r>\d+)", "案卷号 {c} 也出现在第 {r} 行"),
    (r"case (?P<c>\S+): (?P<rest_t>.+)", "案件 {c}：{rest_t}"),
    (r"point \((?P<p>[^)]*)\) lies outside every unit grid cell", "点（{p}）不在任何单元网格内"),
    (r"the first step must be the report", "第一步必须是上报"),
    (r"(?P<action>\w+) at (?P<t>.+?) comes before the step before it \((?P<b>.+)\)",
     "{action}时间 {t} 早于上一环节（{b}）"),
    (r"(?P<action>\w+) time (?P<t>.+?) is (?P<why_t>before .+|in the future .+)",
     "{action}时间 {t} {why_t}"),
    (r"before (?P<d>\S+), the store's earliest plausible date", "早于本库可接受的最早日期 {d}"),
    (r"in the future \(now is (?P<now>.+)\)", "晚于当前时间（现在是 {now}）"),
    (r"dispatch names no department", "派遣未写明部门"),
    (rf"no department with code {V}", "没有代码为 {v} 的部门"),
    (r"(?P<action>\w+) needs the (?P<f>\w+)", "{action}须填写 {f}"),
    # field packages merged back (io/field_import.py): a line per edit, "[column]" optional
    (r"(?P<n>\d+) problem\(s\) in the package; nothing was merged:",
     "外业包有 {n} 个问题，未合并任何内容："),
    (r"… and (?P<n>[\d,]+) more", "…… 另有 {n} 条"),
    (r"(?P<f>\S+\.gpkg), (?P<layer>\w+) row (?P<fid>\d+)(?: \[(?P<col>[^\]]+)\])?: (?P<m_t>.+)",
     "{f}，{layer} 第 {fid} 行{col? [{col}]}：{m_t}"),
    (r"(?P<f>\S+\.gpkg), (?P<layer>\w+): cannot be read \((?P<e>.+)\)",
     "{f}，{layer}：无法读取（{e}）"),
    (r"(?P<t>.+?) is in the future \(the store's clock says (?P<now>.+?)\); is the device's "
     r"clock right\?", "{t} 晚于当前时间（本库时钟为 {now}）；设备的时钟是否正确？"),
    (r"(?P<t>.+?) is before the package was made \((?P<m>.+)\)", "{t} 早于外业包生成时间（{m}）"),
    (r"(?P<t>.+?) is before the case's last event \((?P<l>.+)\)", "{t} 早于该案件的上一环节（{l}）"),
    (r"no point", "没有位置点"),
    (r"\((?P<p>[^)]*)\) lies outside every unit grid cell of the district",
     "（{p}）不在本区任何单元网格内"),
    (rf"{V} is no class of the catalog", "{v} 不是分类目录中的类别"),
    (rf"{V} is no case this package carried", "{v} 不是本外业包所带的案件"),
    (r"a rectification needs a note \(处置说明\)", "处置反馈须填写处置说明"),
    (rf"{V} is neither pass nor fail", "{v} 既不是 pass（通过）也不是 fail（不通过）"),
    (r"a failed verification needs a note", "核查不通过须填写说明"),
    (r"(?P<rel>.+) lies outside the package", "{rel} 不在外业包内"),
    (r"(?P<rel>.+) is not in the package", "外业包中没有 {rel}"),
    # photos (services/photos.py), as a field package's lines carry them; the decoder's own
    # reason for a damaged file stays out of the Chinese line
    (r"photo (?P<v>\S+) is empty", "照片 {v} 是空文件"),
    (r"photo (?P<v>\S+) is (?P<mb>[\d.]+) MB; the limit is (?P<l>[\d.]+) MB",
     "照片 {v} 有 {mb} MB，上限 {l} MB"),
    (r"photo (?P<v>\S+) is animated \((?P<n>\d+) frames\); use a still photo",
     "照片 {v} 是动图（{n} 帧），请使用静态照片"),
    (r"photo (?P<v>\S+) claims more pixels than any photo has .*; the limit is (?P<l>\S+) Mpx",
     "照片 {v} 声称的像素数不合常理，已拒收（上限 {l} 百万像素）"),
    (r"photo (?P<v>\S+) is not a JPEG, PNG or WebP image", "照片 {v} 不是 JPEG、PNG 或 WebP 图片"),
    (r"photo (?P<v>\S+) is damaged or incomplete and cannot be shown(?: \(.*\))?",
     "照片 {v} 已损坏或不完整，无法显示"),
    (r"photo (?P<v>\S+) has no pixels \((?P<s>.+)\)", "照片 {v} 没有像素（{s}）"),
    (r"photo (?P<v>\S+) is (?P<s>\S+) = (?P<mp>\S+) Mpx; the limit is (?P<l>\S+) Mpx",
     "照片 {v} 为 {s}，{mp} 百万像素，上限 {l} 百万像素"),
    # times (io/times.py)
    (rf"{V} is not a date that exists", "{v} 不是一个存在的日期"),
    (r"(?P<n>[\d,]+) time\(s\) of (?P<c>.+) carried an offset \(Z, \+08:00, …\) and were "
     r"converted to (?P<z>\S+)", "{c} 中有 {n} 个时间带时区（Z、+08:00 等），已换算为 {z} 时间"),
    (r"times of (?P<c>.+) without an offset were read in (?P<f>\S+) and converted to (?P<z>\S+)",
     "{c} 中不带时区的时间按 {f} 读取，并换算为 {z} 时间"),
    (r"the column mixes day-first \((?P<a>.+?)\) and month-first \((?P<b>.+?)\) dates; "
     r"nothing can be read safely",
     "该列同时有日在前（{a}）和月在前（{b}）的日期，无法可靠读取"),
    (r"(?P<n>[\d,]+) time\(s\) of the column can be read two ways, e\.g\. (?P<s>.+?) = "
     r"day first (?P<d>.+?) or month first (?P<m>.+?)"
     r"(?:; rows like (?P<r>.+?) suggest (?P<o>day|month) first: set time_format = (?P<f>\".*?\")"
     r" in the mapping if every row is written that way"
     r"|; set time_format = (?P<fd>\".*?\") \(day first\) or (?P<fm>\".*?\") \(month first\)"
     r" in the mapping)?",
     "该列有 {n} 个时间可有两种读法，例如 {s} 可读作 {d}（日在前）或 {m}（月在前）"
     "{r?；{r} 这样的行表明是{o}在前：如每行都这样书写，请在映射文件中设 time_format = {f}}"
     "{fd?；请在映射文件中设 time_format = {fd}（日在前）或 {fm}（月在前）}"),
    (r"a time_format naming the order", "写明日期顺序的 time_format"),
    (r"(?P<c>.+): no value can be read two ways; read day first",
     "{c}：没有可两读的值，按日在前读取"),
    (r"(?P<c>.+): no value can be read two ways; read month first",
     "{c}：没有可两读的值，按月在前读取"),
    (rf"cannot read the time {V} with the format (?P<f>.+)", "无法按格式 {f} 读取时间 {v}"),
    (rf"cannot read the time {V}", "无法读取时间 {v}"),
    (r"(?P<v>.+) does not exist or happens twice in (?P<z>\S+) \(a daylight-saving change\)",
     "{v} 在 {z} 时区不存在或出现两次（夏令时切换）"),
    (r"(?P<v>.+) is before (?P<d>\S+), the store's earliest plausible date",
     "{v} 早于本库可接受的最早日期 {d}"),
    (r"(?P<v>.+) is in the future \(now is (?P<now>.+)\)", "{v} 晚于当前时间（现在是 {now}）"),
    (r"a time from (?P<d>\S+) to now", "{d} 至今的时间"),
    (r"a time written as (?P<f>.+)", "按 {f} 书写的时间"),
    (r"a time no later than now", "不晚于当前的时间"),
    (r"a date and time such as (?P<d>.+?) \(or set time_format in the mapping\)",
     "日期和时间，例如 {d}（或在映射文件中设 time_format）"),
    (r"a time with its offset", "带时区的时间"),
    (r"one order in the whole column, named by time_format",
     "整列同一种日期顺序，并在映射文件的 time_format 中写明"),
    # hotline tickets (io/hotline.py)
    (r"(?P<d>.+) has no unit grid cells yet: cases cannot be located",
     "{d} 尚无单元网格，案件无法定位"),
    (r"no data rows below the header \(row (?P<r>\d+)\)", "表头（第 {r} 行）以下没有数据行"),
    (r"no time", "没有时间"),
    (r"the time the ticket was taken", "工单受理时间"),
    (r"no ticket number", "没有工单号"),
    (r"the ticket's number", "工单号"),
    (rf"catch-all class {V} is not in the catalog", "兜底类别 {v} 不在案件分类目录中"),
    (rf"class {V} of the mapping is not in the catalog", "映射文件中的类别 {v} 不在案件分类目录中"),
    (rf"class {V} is not in the catalog", "类别 {v} 不在案件分类目录中"),
    (r"a class code such as (?P<c>\S+)", "类别代码，例如 {c}"),
    (r"(?P<n>[\d,]+) ticket\(s\) in (?P<k>[\d,]+) category\(ies\) the mapping does not name "
     r"went to the catch-all class (?P<rest>.+)",
     "映射文件未列出的 {k} 个类别共 {n} 件工单归入兜底类别 {rest}"),
    (rf"source {V} unknown", "来源 {v} 无法识别"),
    (r"12345, 12319, 留言板, 随手拍, 媒体 or a \[sources\] entry",
     "12345、12319、留言板、随手拍、媒体，或映射文件 [sources] 中的一项"),
    (rf"{V} is not a longitude", "{v} 不是经度"),
    (rf"{V} is not a latitude", "{v} 不是纬度"),
    (r"a number such as (?P<n>\S+)", "数字，例如 {n}"),
    (r"only one coordinate: (?P<c>.+) is empty", "只有一个坐标：{c} 为空"),
    (r"both 经度 and 纬度, or neither", "经度和纬度都填，或都不填"),
    (r"\((?P<p>[^)]*)\) is (?P<d>[\d,.]+) km from (?P<place>.+?)"
     r"(?:; (?P<a>\S+) and (?P<b>\S+) look swapped)?",
     "（{p}）距离{place} {d} 公里{a?；{a} 和 {b} 似乎填反了}"),
    (r"\((?P<p>[^)]*)\) is far from (?P<place>.+?)(?:; (?P<a>\S+) and (?P<b>\S+) look swapped)?",
     "（{p}）远离{place}{a?；{a} 和 {b} 似乎填反了}"),
    (r"a point in (?P<place>.+?) \((?P<c>\S+); within (?P<km>\S+) km of its boundary\)",
     "{place}内的点（{c} 坐标；边界外 {km} 公里以内）"),
    (r"a point inside the unit grid", "单元网格内的点"),
    (r"\((?P<p>[^)]*)\) lies outside every unit grid cell of (?P<place>.+?)"
     r"(?: \((?P<m>[\d,]+) m from the nearest\))?",
     "（{p}）不在{place}的任何单元网格内{m?（距最近的网格 {m} 米）}"),
    (r"(?P<n>[\d,]+) ticket\(s\) without coordinates located from their address: (?P<by>.*)",
     "{n} 件无坐标的工单按地址定位：{by}"),
    (r"(?P<n>[\d,]+) ticket\(s\) could not be located and come in as 待定位 \(to place on the "
     r"map\)(?:; (?P<k>[\d,]+) matched only roughly)?",
     "{n} 件工单无法定位，以“待定位”导入（需在地图上标定）{k?；其中 {k} 件仅粗略匹配}"),
    (r"ticket (?P<t>\S+) appears on rows (?P<on>.+) with different content",
     "工单 {t} 出现在第 {on} 行，内容不同"),
    (r"each ticket once", "每张工单只出现一次"),
    (r"a catalog class, a \[categories\] entry or catch_all in the mapping",
     "分类目录中的类别、映射文件 [categories] 中的一项，或兜底类别 catch_all"),
    (r"no category", "没有类别"),
    (r"a category, or catch_all in the mapping", "类别，或映射文件中的兜底类别 catch_all"),
    (r"\((?P<p>[^)]*)\) is not a lon/lat in China", "（{p}）不是中国境内的经纬度"),
    # history (io/history.py)
    (r"(?P<n>[\d,]+) case\(s\) of classes the mapping does not name went to the catch-all "
     r"class (?P<c>\S+)", "映射文件未列出类别的 {n} 件案件归入兜底类别 {c}"),
    (rf"mapping {V} is for (?P<k>\S+) exports", "映射文件 {v} 用于 {k} 导出文件"),
    (r"no case number", "没有案卷号"),
    (r"the old system's number", "原系统的案卷号"),
    (r"a class of the catalog, an entry in \[categories\] or a catch_all class",
     "分类目录中的类别、映射文件 [categories] 中的一项，或兜底类别"),
    (rf"satisfaction {V} is unknown", "满意度 {v} 无法识别"),
    (r"not a number", "不是数字"),
    (r"no coordinates", "没有坐标"),
    (r"x/y in the store's CRS", "本库坐标系下的 x/y"),
    (r"longitude and latitude", "经度和纬度"),
    (rf"step {V} is unknown", "环节 {v} 无法识别"),
    (r"no report time", "没有上报时间"),
    (r"the time the case was reported", "案件上报时间"),
    (r"the time of the step", "该环节的时间"),
    (rf"case (?P<c>\S+) starts with {V}; its first row must be the report",
     "案件 {c} 的第一行是 {v}，应为上报"),
    (r"the report first", "第一行为上报"),
    # mapping files and the file's layout (io/mapping.py)
    (rf"kind {V} unknown", "类型 kind {v} 无法识别"),
    (rf"layout {V} unknown", "版式 layout {v} 无法识别"),
    (r"case \(a row per case\) or event \(a row per step\)",
     "case（每行一件案件）或 event（每行一个环节）"),
    (rf"coordinate system {V} unknown", "坐标系 {v} 无法识别"),
    (rf"time zone {V} unknown", "时区 {v} 无法识别"),
    (r"an IANA zone such as (?P<z>\S+)", "IANA 时区名，例如 {z}"),
    (rf"{V} is not a time format", "{v} 不是时间格式"),
    (r"strftime codes such as (?P<f>.+)", "strftime 格式，例如 {f}"),
    (rf"state {V} unknown", "状态 {v} 无法识别"),
    (r"header_row must be a row number \(1 = the first row\)",
     "header_row 应为行号（1 表示第一行）"),
    (r"skip_rows must be row numbers", "skip_rows 应为行号"),
    (r"(?:line (?P<l>\d+), column (?P<c>\d+): )?not valid TOML: (?P<what>.+)",
     "{l?第 {l} 行第 {c} 列：}不是有效的 TOML：{what}"),
    (rf"unknown key {V}", "未知的键 {v}"),
    (r"\[(?P<k>.+)\] must be a table of text = value", "[{k}] 应为“文本 = 值”的表"),
    (r"(?P<k>\S+) must be text in quotes", "{k} 应为带引号的文本"),
    (r"the value must be text in quotes", "值应为带引号的文本"),
    (r"cannot read the mapping: (?P<e>.+)", "无法读取映射文件：{e}"),
    (r"mapping file not found", "找不到映射文件"),
    (rf"{V} is not a known (?P<f>\S+)", "{v} 不是可识别的 {f}"),
    (r"one of (?P<list>.+) or an entry in the mapping's value map",
     "{list} 之一，或映射文件取值表中的一项"),
    (rf"column {V} \(mapping (?P<m>.+)\) is not in the file", "文件中没有列 {v}（映射文件 {m}）"),
    (r"one of the columns: (?P<c>.+)", "以下列之一：{c}"),
    (r"no column for (?P<f>\S+)", "找不到 {f} 对应的列"),
    (r"a column named (?P<names>.+?), or \[columns\] (?P<f>\S+) = \"…\" in the mapping "
     r"\(columns: (?P<c>.+)\)",
     "名为 {names} 的列，或在映射文件中写 [columns] {f} = \"…\"（文件的列：{c}）"),
    (r"the file has no header row", "文件没有表头行"),
    (r"header_row (?P<h>\d+) is past the end of the file \((?P<n>\d+) rows\)",
     "header_row {h} 超出文件末尾（共 {n} 行）"),
    (r"row\(s\) (?P<r>\S+) above the header \(row (?P<h>\d+)\) skipped as title: (?P<t>.*)",
     "表头（第 {h} 行）以上的第 {r} 行作为标题跳过：{t}"),
    (r"row\(s\) (?P<r>\S+) are summary rows \(合计/总计/小计\): skipped",
     "第 {r} 行是合计行（合计/总计/小计），已跳过"),
    (r"row\(s\) (?P<r>\S+) below the summary row skipped", "合计行以下的第 {r} 行已跳过"),
    (r"(?P<n>\d+) row\(s\) repeat earlier rows exactly, imported once: (?P<p>.*)",
     "{n} 行与前面的行完全相同，只导入一次：{p}"),
]
_RULES = [(re.compile(p + r"\Z", re.S), zh) for p, zh in _TABLE]
_WORDS = {"day": "日", "month": "月"}  # words a message carries as values


def _fill(template: str, groups: dict[str, str | None], lang: str = "zh") -> str:
    # "{k?…}" keeps "…" only when group k matched: optional tails of a message
    def optional(m: re.Match) -> str:
        return m.group(2) if groups.get(m.group(1)) else ""
    text = template
    while True:
        new = re.sub(r"\{(\w+)\?((?:[^{}]|\{\w+\})*)\}", optional, text)
        if new == text:
            break
        text = new
    return text.format(**{k: _value(k, v, lang) for k, v in groups.items()})


_LOCATED = {b.value: b.label_zh for b in LocatedBy}
_ACTIONS = {a.value: a.label_zh for a in Action}


def _value(name: str, v: str | None, lang: str) -> str:
    """A value as the Chinese line shows it: the few English words values carry, in Chinese;
    a message inside a message translated in turn; an action by its Chinese name."""
    if v is None:
        return ""
    if name.endswith("_t"):
        return text(v, lang)
    if name == "action" and v in _ACTIONS:
        return _ACTIONS[v]
    if name == "layer" and v in EDIT_LAYERS:
        return EDIT_LAYERS[v].title
    v = _WORDS.get(v, v)
    # "intersection 3, road 1": how tickets were located, by LocatedBy value
    v = re.sub(r"\b([a-z_]+) (\d+)\b",
               lambda m: f"{_LOCATED[m[1]]} {m[2]}" if m[1] in _LOCATED else m[0], v)
    return re.sub(r"\brow ([\d, ]+?) = row (\d+)", r"第 \1 行 = 第 \2 行", v)


def text(message: str | None, lang: str) -> str:
    """One problem's (or note's, or expectation's) text in `lang` ("zh" or "en")."""
    if not message or lang == "en":
        return message or ""
    for pattern, zh in _RULES:
        m = pattern.match(message.strip())
        if m:
            return _fill(zh, m.groupdict(), lang)
    return message


def lines(message: str, lang: str) -> str:
    """A message of several lines (a count, then a line per problem), each in `lang`."""
    return "\n".join(text(one, lang) if one.strip() else one
                     for one in message.splitlines())


def line(p: Problem, lang: str) -> str:
    """文件，第 N 行 [列]：问题；应为 … — as the Problem's own English line reads."""
    if lang == "en":
        return str(p)
    where = p.file + (f"，第 {p.row} 行" if p.row is not None else "")
    col = f" [{p.field}]" if p.field else ""
    tail = f"；应为 {text(p.expected, lang)}" if p.expected else ""
    return f"{where}{col}：{text(p.message, lang)}{tail}"


def report(r: ValidationReport, lang: str) -> str:
    """The whole report as shown on screen: the count, the first lines, where the rest are."""
    if lang == "en":
        return str(r)
    n = len(r.problems)
    shown = r.ordered()[:SCREEN_LINES]
    lines = [line(p, lang) for p in shown]
    if n > len(shown):
        where = f"；全部 {n:,} 条见 {r.saved_to}" if r.saved_to else ""
        lines.append(f"…… 另有 {n - len(shown):,} 条{where}")
    elif r.saved_to:
        lines.append(f"（问题清单另存于 {r.saved_to}）")
    return "\n".join([f"共 {n:,} 个问题，未写入任何数据：", *("  " + x for x in lines)])
