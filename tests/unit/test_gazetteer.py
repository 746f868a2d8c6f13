"""Addresses located against the district's own places, with the kind of match and how
sure it is; nothing is guessed beyond what the address names."""

from shapely.geometry import LineString, Point, box

from gridapp.domain.gazetteer import Gazetteer, NamedPlace
from gridapp.domain.places import LocatedBy

# 解放大道 runs east-west in two segments (2 km), 黄浦路 north-south (400 m), 沿江大道 is
# far away and meets neither
PLACES = [
    NamedPlace("road", "解放大道", LineString([(0, 200), (1000, 200)])),
    NamedPlace("road", "解放大道", LineString([(1000, 200), (2000, 200)])),
    NamedPlace("road", "黄浦路", LineString([(400, 0), (400, 400)])),
    NamedPlace("road", "沿江大道", LineString([(0, 900), (2000, 900)])),
    NamedPlace("community", "三阳社区居民委员会", box(0, 200, 400, 400), "420102001001"),
    NamedPlace("community", "大智社区", box(400, 0, 800, 200), "420102002002"),
    NamedPlace("street", "一元街道", box(0, 0, 400, 400), "420102001"),
    NamedPlace("landmark", "江岸区政府", Point(250, 120)),
    NamedPlace("component", "上水井盖", Point(150, 205), "4201020101000001"),
    NamedPlace("component", "黄浦路公交站亭", Point(410, 300), "4201020203000007"),
]
G = Gazetteer(PLACES)


def test_intersection_of_two_roads():
    m = G.locate("黄浦路与解放大道交叉口东北角")
    assert (m.method, m.match, m.confidence) == (LocatedBy.INTERSECTION, "黄浦路 × 解放大道", 0.9)
    assert (round(m.x), round(m.y)) == (400, 200)
    assert G.locate("解放大道和黄浦路路口").method is LocatedBy.INTERSECTION


def test_roads_that_never_meet_are_no_crossing():
    m = G.locate("沿江大道与黄浦路交叉口")
    assert m.method is not LocatedBy.INTERSECTION


def test_landmark_component_code_and_component_name():
    assert G.locate("江岸区政府大门东侧").method is LocatedBy.LANDMARK
    m = G.locate("井盖编号４２０１０２０１０１０００００１破损")  # full-width digits
    assert m.method is LocatedBy.COMPONENT and (m.x, m.y) == (150, 205)
    assert G.locate("黄浦路公交站亭广告破损").match == "地标 黄浦路公交站亭"


def test_a_road_inside_a_named_community_beats_the_road_alone():
    m = G.locate("三阳社区解放大道旁人行道")
    assert (m.method, m.confidence) == (LocatedBy.ROAD_IN_AREA, 0.7)
    assert 0 <= m.x <= 420 and m.y == 200
    assert m.match == "解放大道 @ 三阳社区居民委员会"


def test_rough_matches_say_how_rough():
    long_road = G.locate("解放大道188号")
    assert (long_road.method, long_road.confidence) == (LocatedBy.ROAD, 0.4)
    assert G.locate("黄浦路12号").confidence == 0.6  # one short road: its chief is certain
    community = G.locate("大智社区内")
    assert (community.method, community.confidence) == (LocatedBy.COMMUNITY, 0.4)
    assert G.locate("三阳社区3栋").match == "三阳社区居民委员会"  # 居委会 named as 社区
    assert G.locate("一元街道办事处旁").method is LocatedBy.STREET


def test_nothing_known_is_no_match():
    assert G.locate("某某花园3栋2单元") is None
    assert G.locate("") is None
