"""Settings by type and range: bad values are refused with one line naming key, type, range."""

import math

import pytest

from gridapp.domain.errors import InvalidInput
from gridapp.domain.settings import SPECS, Settings


@pytest.mark.parametrize("key, text, words", [
    ("duplicates.window_hours", "nan", "a number > 0 and ≤ 8784"),
    ("duplicates.window_hours", "inf", "a number > 0 and ≤ 8784"),
    ("duplicates.window_hours", "0", "a number > 0"),
    ("photo_max_bytes", "-1", "a whole number ≥ 1024"),
    ("photo_max_bytes", "1e400", "a whole number"),
    ("photo_max_bytes", "10MB", "a whole number"),
    ("photo_max_pixels", "2.5", "a whole number"),
    ("warning_share", "1", "a number > 0 and < 1"),
    ("warning_share", "-0.2", "a number > 0 and < 1"),
    ("road_tolerance_m", "-5", "a number ≥ 0 and ≤ 1000"),
    ("duplicates.radius_m", "", "a number"),
    ("duplicates.enabled", "maybe", "true or false"),
    ("backup.keep_days", "0", "a whole number ≥ 1 and ≤ 366"),
    ("backup.keep_weeks", "-1", "a whole number ≥ 0"),
])
def test_bad_values_are_refused_naming_key_type_and_range(key, text, words):
    with pytest.raises(InvalidInput) as e:
        Settings().with_value(key, text)
    message = str(e.value)
    assert message.startswith(f"setting {key} must be {words}")
    assert repr(text) in message and "\n" not in message


def test_unknown_key_lists_the_known_ones():
    with pytest.raises(InvalidInput, match="unknown setting 'duplicates.window'.*window_hours"):
        Settings().with_value("duplicates.window", "3")


def test_good_values_are_typed():
    s = Settings().with_value("duplicates.window_hours", "48").with_value(
        "photo_max_bytes", "2097152").with_value("duplicates.auto_link", "no").with_value(
        "backup.folder", " /srv/backups ")
    assert s.duplicates.window_hours == 48.0 and isinstance(s.duplicates.window_hours, float)
    assert s.photo_max_bytes == 2_097_152 and isinstance(s.photo_max_bytes, int)
    assert s.duplicates.auto_link is False and s.backup.folder == "/srv/backups"
    assert Settings.from_dict(s.to_dict()) == s


def test_every_setting_has_a_spec_and_its_default_is_in_range():
    flat = Settings().flat()
    assert set(flat) == set(SPECS)
    for key, spec in SPECS.items():
        assert spec.check(flat[key]) == flat[key]


def test_constructing_out_of_range_is_refused():
    with pytest.raises(InvalidInput, match="photo_max_bytes"):
        Settings(photo_max_bytes=-1)
    with pytest.raises(InvalidInput, match="warning_share"):
        Settings(warning_share=math.nan)


def test_values_a_store_holds_from_before_the_checks_give_way_to_defaults():
    settings, problems = Settings.load({
        "photo_max_bytes": -1, "warning_share": "0.5", "road_tolerance_m": 12,
        "duplicates": {"window_hours": math.nan, "radius_m": 20}, "backup": "junk"})
    assert settings.photo_max_bytes == Settings().photo_max_bytes
    assert settings.duplicates.window_hours == 72.0 and settings.duplicates.radius_m == 20.0
    assert settings.road_tolerance_m == 12.0 and settings.warning_share == 0.8
    assert len(problems) == 3
    assert any("duplicates.window_hours" in p and "nan" in p for p in problems)
    with pytest.raises(InvalidInput, match="photo_max_bytes"):
        Settings.from_dict({"photo_max_bytes": -1})
