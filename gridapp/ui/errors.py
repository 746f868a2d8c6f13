"""Domain errors as sentences for the user, in the interface language."""

from __future__ import annotations

from ..domain.errors import DomainError
from .i18n import language, tr

TEMPLATES = {
    "illegal_transition": "案件 {case} 当前为「{state}」，不能执行此操作。",
    "permission_denied": "您的角色不能执行此操作。",
    "out_of_scope": "案件 {case} 不在您的责任范围内。",
    "separation_of_duties": "监管分离：您处置过案件 {case}，不能由您核查。",
    "stale_case": "案件 {case} 已被其他工作站修改（您看到的是第 {seen} 版，现在是第 {current} "
                  "版）。界面已刷新，请确认后重新操作。",
    "not_found": "未找到：{value}",
}


def explain(exc: Exception) -> str:
    """One or two sentences: what went wrong and what to do."""
    if not isinstance(exc, DomainError):
        return str(exc)
    if language() == "en":
        return str(exc)
    template = TEMPLATES.get(exc.code)
    if template is None:
        return tr("输入有误：") + str(exc)
    params = {k: v for k, v in exc.params.items()}
    if "state" in params:
        from ..domain.case import CaseState
        params["state"] = CaseState(params["state"]).label_zh
    try:
        return template.format(**params) + "\n\n" + str(exc)
    except KeyError:
        return str(exc)
