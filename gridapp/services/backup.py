"""The daily backup a client runs by itself: due once a day, rotated, never losing good ones.

Retention is the one backup administrators know from restic and borg: the newest backup of
each of the last `keep_days` days that have one, and the newest of each of the last
`keep_weeks` ISO weeks that have one. A day the client did not run costs no backup; a
backup that fails its check is kept aside (marked) and never pushes a good one out.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime


@dataclass(frozen=True)
class WrittenBackup:
    path: Path
    problem: str | None = None  # None: checked and sound


class BackupTarget(Protocol):
    """What the rotation needs from a store's backups (implemented in gridapp.store.backup)."""

    def backups(self, folder: Path) -> list[BackupFile]: ...
    def write(self, folder: Path, at: datetime) -> WrittenBackup: ...
    def remove(self, path: Path) -> None: ...


@dataclass
class BackupOutcome:
    written: Path | None = None
    removed: list[Path] = field(default_factory=list)
    problem: str | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


def retained(backups: Iterable[BackupFile], keep_days: int, keep_weeks: int) -> set[Path]:
    """The backups to keep: newest per day for `keep_days` days, per ISO week for `keep_weeks`."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    periods: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (keep_days, lambda t: t.date()), (keep_weeks, lambda t: t.isocalendar()[:2]))
    for count, period in periods:
        seen: set[Hashable] = set()
        for b in newest_first:
            key = period(b.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(b.path)
    return keep


def backup_if_due(target: BackupTarget, folder: Path, keep_days: int, keep_weeks: int,
                  now: datetime) -> BackupOutcome:
    """Write today's backup unless there is one, then drop what the rotation does not keep."""
    existing = target.backups(folder)
    today = [b for b in existing if b.taken_at.date() == now.date()]
    if today:
        return BackupOutcome(message=f"today's backup exists: {today[-1].path.name}")
    written = target.write(folder, now)
    if written.problem:
        return BackupOutcome(written.path, [], written.problem,
                             f"backup {written.path.name} failed its check "
                             f"({written.problem}); older backups kept")
    backups = target.backups(folder)
    keep = retained(backups, keep_days, keep_weeks) | {written.path}
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        target.remove(path)
    return BackupOutcome(written.path, removed, None,
                         f"backup {written.path.name} written"
                         + (f", {len(removed)} old one(s) removed" if removed else ""))
