import pytest

from gridapp.domain.codes import ComponentCode, GridCode, check_district_code, grid_code
from gridapp.domain.errors import InvalidCode


def test_grid_code_parts():
    g = GridCode.parse("420102002003014")
    assert (g.district, g.street, g.community, g.serial) == ("420102", "002", "003", "014")
    assert g.street_code == "420102002" and g.community_code == "420102002003"
    assert str(g) == "420102002003014"


@pytest.mark.parametrize("bad", ["42010200200301", "4201020020030140", "42010200200301x",
                                 "420100002003014",   # prefecture, not a district
                                 "990102002003014",   # no such province
                                 "420102000003014", "420102002000014", "420102002003000"])
def test_grid_code_rejects(bad):
    with pytest.raises(InvalidCode) as e:
        GridCode.parse(bad)
    assert bad in str(e.value)


def test_grid_code_numbering():
    assert grid_code("420102002003", 14) == "420102002003014"
    with pytest.raises(InvalidCode):
        grid_code("420102002003", 1000)


def test_component_code():
    c = ComponentCode.parse("4201020101000001")
    assert c.class_code == "C0101" and c.serial == "000001"
    for bad in ("420102010100000", "4201020001000001", "4201020100000001", "4201020101000000"):
        with pytest.raises(InvalidCode):
            ComponentCode.parse(bad)


def test_district_code():
    assert check_district_code("420103") == "420103"
    with pytest.raises(InvalidCode):
        check_district_code("420100")
