"""Cron expressions for scheduled announcements, parsed by APScheduler (PTB's JobQueue)."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from index import ConfigError

_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def parse_cron(expression: str, timezone: tzinfo | None = None) -> CronTrigger:
    """A five-field crontab ("0 7 * * 1": Mondays at 07:00) or a ConfigError naming it."""
    fields = expression.split()
    if len(fields) != 5:
        raise ConfigError(f"announcements.scheduled: cron {expression!r} needs 5 fields "
                          "(minute hour day month weekday)")
    minute, hour, day, month, weekday = fields
    try:
        return CronTrigger(minute=minute, hour=hour, day=day, month=month,
                           day_of_week=_crontab_weekdays(weekday),
                           timezone=timezone or ZoneInfo("Asia/Jakarta"))
    except ValueError as exc:
        raise ConfigError(f"announcements.scheduled: invalid cron {expression!r}: {exc}") from exc


def next_run(expression: str, timezone: tzinfo, now: datetime | None = None) -> datetime | None:
    now = now or datetime.now(timezone)
    return parse_cron(expression, timezone).get_next_fire_time(None, now)


def _crontab_weekdays(field: str) -> str:
    """Crontab counts weekdays from Sunday = 0 (or 7); APScheduler from Monday = 0.
    Names mean the same to both, so numbers become names (step values stay numbers)."""
    return re.sub(r"(?<![/\d])\d+", lambda m: _WEEKDAYS[int(m.group()) % 7], field)
