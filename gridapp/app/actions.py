"""The app's action dispatch, built from the action specs (domain/actions.py).

A dialog builds its form from `form(action)`: each input's name, kind, labels (zh/en),
whether it is required and its choices; on OK it calls `perform` with the values by name.
"""

from __future__ import annotations

from typing import Any

from ..domain.actions import SPECS, Action, Input, Kind
from ..services import cases as svc

__all__ = ["FIELDS", "REQUIRED", "Input", "Kind", "form", "perform", "required"]


def form(action: Action) -> tuple[Input, ...]:
    """What `action` asks the user for, in order (the dialog's rows)."""
    return SPECS[Action(action)].inputs


def required(action: Action) -> frozenset[str]:
    """The names of the inputs `action` cannot do without."""
    return frozenset(i.name for i in form(action) if i.required)


# Compatibility with forms that only know names: the inputs of each action, and the names
# required wherever they appear (a note required by some actions only is in `required`).
FIELDS: dict[Action, tuple[str, ...]] = {a: tuple(i.name for i in s.inputs)
                                         for a, s in SPECS.items() if a is not Action.REPORT}
REQUIRED: frozenset[str] = frozenset(
    name for name in {i.name for s in SPECS.values() for i in s.inputs}
    if all(i.required for s in SPECS.values() for i in s.inputs if i.name == name))


def perform(store, username: str, case_id: int, action: Action, version: int | None,
            **values: Any) -> svc.Outcome:
    """Run `action` on a case as `username`; `version` is what the user saw (stale check).

    Values are given by input name; an assignee is ("department", code), ("road_chief",
    username) or "department:code"; empty values count as not given.
    """
    given = {k: v for k, v in values.items() if v not in (None, "", (), [])}
    return svc.perform(store.uow(), username, case_id, Action(action),
                       expected_version=version, **given)
