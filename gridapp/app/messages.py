"""Errors as the user reads them: one sentence in the interface's language, naming the case
and the field, never raw SQL; the technical details (the store's own line, driver text, SQL)
go apart, for the client's 详细信息 button.

Domain errors carry what went wrong as parameters (`why`, `case`, `field`, `action`, …; see
domain/errors.py); each `why` (else the error's `code`) has a Chinese and an English template
here. The CLI prints the errors' own English messages, as before.
"""

from __future__ import annotations

import errno
import json

from ..domain.actions import SPECS, Action
from ..domain.case import CaseState
from ..domain.errors import DomainError
from ..paths import resource

C = "案件 {case}"
E = "Case {case}"
# why (or "why:action", or the error's code) → (中文, English)
TEMPLATES: dict[str, tuple[str, str]] = {
    # the transition table, roles and scope
    "illegal": (C + " 当前为“{state}”，不能{action}。",
                E + " is “{state}”: it cannot be given “{action}” now."),
    "role": (C + "：您的角色不能{action}。", E + ": your role cannot do “{action}”."),
    "not_assignee": (C + " 未派遣给您（{user}），不能{action}。",
                     E + " is not dispatched to you ({user}): you cannot do “{action}”."),
    "not_own_segment": (C + " 不在路长 {user} 的责任路段上。",
                        E + " is not on a segment of road chief {user}."),
    "not_own_cell": (C + " 位于单元网格 {cell}，不在 {user} 的责任网格内，也未指派其核查"
                         "（派遣员可“指派核查”）。",
                     E + " lies in cell {cell}, not one of {user}'s cells, and its "
                         "verification was not assigned to {user} (a dispatcher can)."),
    "separation": ("监管分离：{user} 处置过" + C + "，不能由其核查。",
                   "Separation of duties: {user} rectified case {case} and may not verify "
                   "it."),
    "verifier_rectified": ("监管分离：{user} 处置过" + C + "，不能指派其核查。",
                           "Separation of duties: {user} rectified case {case} and may not "
                           "verify it."),
    "citizen_only": (C + " 不是市民反映的案件，无需回告和回访。",
                     E + " was not raised by a citizen: it gets no reply or return visit."),
    "may_not_report": ("{user} 没有上报案件的权限。", "{user} may not report cases."),
    "deactivated": ("用户 {user} 已停用。", "User {user} is deactivated."),
    # what an action needs
    "needs_reason": (C + "：{action}须填写“{field}”。", E + ": “{action}” needs the {field}."),
    "choice": (C + "：“{field}”的取值无效，请从列表中选择。",
               E + ": choose the {field} from the list."),
    "choice:report": ("“{field}”的取值无效，请从列表中选择。", "Choose the {field} from the list."),
    "too_long": (C + "：“{field}”共 {length} 字，最多 {limit} 字。",
                 E + ": the {field} is {length} characters long; at most {limit}."),
    "too_long:report": ("“{field}”共 {length} 字，最多 {limit} 字。",
                        "The {field} is {length} characters long; at most {limit}."),
    "reject_reason": (C + "：请选择不予立案的原因。", E + ": choose why it is not registered."),
    "duplicate_needs_original": (C + "：作为重复案件不予立案时，须指明原案件。",
                                 E + ": a duplicate must name its original case."),
    "duplicate_self": (C + " 不能与自身重复。", E + " cannot duplicate itself."),
    "unplaced": (C + " 尚未定位（待定位）：请先在地图上标定位置，再派遣。",
                 E + " has no position yet: place it on the map before dispatching it."),
    "no_assignee": (C + "：派遣须选择责任单位或路长。",
                    E + ": dispatch needs a department or a road chief."),
    "no_unit": (C + "：没有负责的单位或路长，请选择派遣对象。",
                E + ": no department or road chief is responsible; choose one."),
    "deadline_before": (C + "：应办结时间早于派遣时间。",
                        E + ": the deadline is before the dispatch."),
    "no_time_limit": (C + "：类别 {value} 没有处置时限，请管理员在目录中补充。",
                      E + ": class {value} has no time limit; an administrator must add it "
                          "to the catalog."),
    "no_verifier": (C + "：请选择核查的网格员。", E + ": choose the grid worker who verifies."),
    "not_grid_worker": (C + "：{user} 不是在岗的网格员。",
                        E + ": {user} is not an active grid worker."),
    "no_extra": (C + "：请选择延期时长。", E + ": choose how much more time is needed."),
    "already_replied": (C + " 已回告过。", E + " was already replied to."),
    "reply_first": (C + "：请先回告，再回访。",
                    E + ": reply to the citizen before the return visit."),
    "already_visited": (C + " 已回访过。", E + " already had its return visit."),
    "no_visit_due": (C + "：现在无需回访。", E + ": no return visit is due."),
    "own_point": (C + " 上报时已有准确位置；只有按地址定位或待定位的案件才在地图上标定。",
                  E + " was reported with its own point; only a case located from its "
                      "address, or not yet, is placed on the map."),
    "no_point": (C + "：请先在地图上点击案件位置。",
                 E + ": click the case's place on the map first."),
    "outside": (C + "：所选位置不在辖区任何单元网格内，请重新选择。",
                E + ": the point chosen lies outside every unit grid cell of the district; "
                    "choose another."),
    "outside:report": ("所选位置不在辖区任何单元网格内，请在辖区内选点。",
                       "The point lies outside every unit grid cell of the district; choose "
                       "one inside it."),
    "report_needs_point": ("上报须在地图上选定问题位置。", "A report needs its point on the map."),
    "point_pair": (C + "：更正位置须同时给出 X 和 Y。",
                   E + ": a corrected point needs both X and Y."),
    "class_inactive": (C + "：类别 {value} 已停用，请选择其他类别。",
                       E + ": class {value} is no longer in use; choose another."),
    "unknown_class": (C + "：“{value}”不在问题类别目录中。",
                      E + ": “{value}” is no class of the catalog."),
    "component_class": (C + " 是部件 {component} 的问题，类别 {value} 与该部件不符。",
                        E + " is about component {component}, which class {value} does not "
                            "describe."),
    "component_class:report": ("部件 {component} 不属于类别 {klass}。",
                               "Component {component} is not of class {klass}."),
    "ticket_taken": ("热线工单 {value} 已是" + C + "：一个工单只对应一个案件。",
                     "Hotline ticket {value} is already case {case}; one case per ticket."),
    "no_department": ("没有编码为 {value} 的部门。", "No department has the code {value}."),
    "not_road_chief": ("{value} 不是路长。", "{value} is not a road chief."),
    "not_chiefs_segment": (C + " 不在路长 {value} 的责任路段上。",
                           E + " is not on a segment of road chief {value}."),
    "no_case": ("未找到案件 {value}。", "No case {value} was found."),
    # the store and the trail
    "stale": (C + " 已在其他工作站被 {who} 于 {at} 修改（您看到的是第 {seen} 版，现在是第 {current} 版）。"
                  "界面已刷新，请确认后重新操作。",
              E + " was changed by {who} at {at} (you saw version {seen}, it is now version "
                  "{current}). The view was refreshed: check it and try again."),
    "stale_case": (C + " 已被其他工作站修改（您看到的是第 {seen} 版，现在是第 {current} 版）。"
                       "界面已刷新，请确认后重新操作。",
                   E + " was changed on another workstation (you saw version {seen}, it is "
                       "now version {current}). The view was refreshed: check it and try "
                       "again."),
    "trail_damaged": (C + " 的审计记录已损坏，暂不能办理；请管理员运行 gridapp audit verify。",
                      E + ": its audit trail is damaged and it cannot be acted on; an "
                          "administrator must run gridapp audit verify."),
    "trail_mismatch": (C + " 的案件记录与审计记录不一致，暂不能办理；请管理员运行 gridapp "
                           "audit verify。",
                       E + ": its record and its audit trail disagree and it cannot be acted "
                           "on; an administrator must run gridapp audit verify."),
    "clock_backwards": (C + "：本机时间早于该案件上一步的时间，请检查电脑时钟。",
                        E + ": this computer's time is earlier than the case's last step; "
                            "check the clock."),
    # photos
    "photo_missing": ("照片尚未保存到数据库，请重新添加。",
                      "A photo is not in the store yet; add it again."),
    "photo_empty": ("照片 {value} 是空文件。", "Photo {value} is an empty file."),
    "photo_too_big": ("照片 {value} 太大（上限 {limit}）。",
                      "Photo {value} is too large (the limit is {limit})."),
    "photo_animated": ("照片 {value} 是动图，请使用静态照片。",
                       "Photo {value} is animated; use a still photo."),
    "photo_bomb": ("照片 {value} 声称的像素数不合常理，已拒收。",
                   "Photo {value} claims more pixels than any photo has; refused."),
    "photo_format": ("照片 {value} 不是 JPEG、PNG 或 WebP 图片。",
                     "Photo {value} is not a JPEG, PNG or WebP image."),
    "photo_damaged": ("照片 {value} 已损坏或不完整，无法显示。",
                      "Photo {value} is damaged or incomplete and cannot be shown."),
    "photo_no_pixels": ("照片 {value} 没有像素。", "Photo {value} has no pixels."),
    "photo_too_many_pixels": ("照片 {value} 像素过多（上限 {limit}）。",
                              "Photo {value} has too many pixels (the limit is {limit})."),
    # by code, when no `why` says more
    "permission_denied": ("您没有执行此操作的权限。", "You may not do this."),
    "out_of_scope": ("此案件不在您的责任范围内。",
                     "This case is outside your area of responsibility."),
    "not_found": ("未找到：{value}", "Not found: {value}"),
    "invalid_input": ("输入有误，操作未完成。", "The input was not accepted; nothing was done."),
    "illegal_transition": ("此案件当前不能执行该操作。", "This case cannot take that step now."),
    "invalid_code": ("编码有误：{value}", "Invalid code: {value}"),
}

# store errors (store/errors.py): one Chinese sentence; in English the store's own line
STORE = {
    "store_busy": "数据库正忙：另一个程序正在写入，等待后仍未完成。请稍后重试；占用者见详细信息。",
    "store_read_only": "数据库为只读，更改未保存。原因见详细信息。",
    "store_full": "存放数据库的磁盘已满，更改未保存。请清理空间后重试。",
    "store_damaged": "数据库已损坏，更改未保存。请管理员检查（gridapp store check）并从备份恢复。",
    "store_unavailable": "无法使用数据库，更改未保存。请检查网络或数据库文件，原因见详细信息。",
}
DB_REFUSED = ("数据库拒绝了此次更改，未保存任何内容。",
              "The database refused the change; nothing was saved.")
UNEXPECTED = ("发生意外错误，操作未完成。", "An unexpected error stopped the operation.")
OWN_STORE = "这是本程序正在使用的数据库文件，不能作为普通文件读取（否则可能损坏数据库）。请选择其他文件。"
OS_REASONS = {errno.ENOENT: "文件或文件夹不存在", errno.EACCES: "没有权限",
              errno.EPERM: "没有权限", errno.ENOSPC: "磁盘已满", errno.EROFS: "磁盘只读",
              errno.EISDIR: "这是一个文件夹", errno.ENOTDIR: "路径不是文件夹"}

_EN: dict[str, str] = {}


def tr_en(text: str) -> str:
    """The interface's English for a Chinese label (resources/translations/en.json)."""
    if not _EN:
        _EN.update(json.loads(resource("translations", "en.json").read_text("utf-8")))
    return _EN.get(text, text)


def _labels(name: str) -> tuple[str, str]:
    """An input's labels (zh, en) by its name, as the forms show them."""
    for spec in SPECS.values():
        inp = spec.input(name)
        if inp is not None:
            return inp.label_zh, inp.label_en.lower()
    return name, name


def _params(exc: DomainError, en: bool) -> dict:
    p = {k: v for k, v in exc.params.items() if v is not None}
    if "action" in p:
        try:
            spec = SPECS[Action(p["action"])]
            p["action"] = spec.label_en if en else spec.label_zh
        except ValueError:
            pass
    if "state" in p:
        try:
            label = CaseState(p["state"]).label_zh
            p["state"] = tr_en(label) if en else label
        except ValueError:
            pass
    if "field" in p:
        zh, english = _labels(str(p["field"]))
        p["field"] = english if en else zh
    return p


def _domain(exc: DomainError, en: bool) -> str:
    params = _params(exc, en)
    why = exc.params.get("why")
    keys = [f"{why}:{exc.params.get('action')}", str(why)] if why else []
    for key in keys + [exc.code]:
        pair = TEMPLATES.get(key)
        if pair is None:
            continue
        try:
            return pair[1 if en else 0].format(**params)
        except (KeyError, IndexError, ValueError):
            continue   # a template naming what this error does not carry: a plainer one
    return str(exc) if en else TEMPLATES["invalid_input"][0]


def _store_code(exc: BaseException) -> str | None:
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) and code.startswith("store_") else None


def _is_driver(exc: BaseException) -> bool:
    mod = type(exc).__module__ or ""
    return mod.startswith(("sqlalchemy", "psycopg", "sqlite3", "sqlean"))


def explain(exc: BaseException, lang: str = "zh") -> str:
    """One or two sentences in `lang` (zh, en): what went wrong, what to do."""
    en = lang == "en"
    if isinstance(exc, DomainError):
        return _domain(exc, en)
    store = _store_code(exc)
    if store is not None:
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return line if en else STORE.get(store, STORE["store_unavailable"])
    if type(exc).__name__ == "OwnStoreFile":
        return str(exc) if en else OWN_STORE
    if _is_driver(exc):
        return DB_REFUSED[1 if en else 0]
    if isinstance(exc, OSError):
        name = exc.filename or ""
        if en:
            return f"Cannot read or write {name}: {exc.strerror or exc}"
        return f"无法读写 {name}：{OS_REASONS.get(exc.errno, '系统错误')}。"
    return UNEXPECTED[1 if en else 0]


def details(exc: BaseException, lang: str = "zh") -> str | None:
    """The technical part (the store's own line, driver text, SQL) for 详细信息, or None when
    the sentence says it all."""
    if isinstance(exc, DomainError):
        return None
    parts = []
    store = _store_code(exc) is not None
    if store:
        if lang != "en":
            parts.append(str(exc))   # the store's own line, with who holds it, which file …
    elif not (isinstance(exc, OSError) and lang == "en") and \
            type(exc).__name__ != "OwnStoreFile":
        parts.append(f"{type(exc).__name__}: {exc}")
    cause = exc.__cause__ or exc.__context__
    while cause is not None and len(parts) < 6:
        parts.append(f"{type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    return "\n\n".join(parts) or None
