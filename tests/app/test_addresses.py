"""A map point's address: street, community, the nearest road and its side, a crossing."""

from factories import X0, Y0
from shapely.geometry import Point

from gridapp.app.addresses import address_at
from gridapp.domain.places import Landmark


def test_a_point_by_a_crossing_names_both_roads(store):
    a = address_at(store, X0 + 410, Y0 + 212)
    assert a.text == "江岸区 大智街 保成社区 黄浦路与解放大道交叉口附近"
    assert a.crossing == ("黄浦路", "解放大道") and a.street == "大智街"


def test_a_point_beside_a_road_names_its_side_and_the_nearest_crossing(store):
    north = address_at(store, X0 + 150, Y0 + 215)
    assert north.text == "江岸区 一元街 三阳社区 解放大道北侧（黄浦路口以西约 250 米）"
    assert north.community == "三阳社区" and north.side == "北侧"
    south = address_at(store, X0 + 150, Y0 + 185)
    assert south.community == "一元社区" and south.side == "南侧"
    east = address_at(store, X0 + 420, Y0 + 60)
    assert east.text == "江岸区 大智街 大智社区 黄浦路东侧（解放大道口以南约 140 米）"


def test_far_from_every_road_the_road_is_only_a_reference(sqlite_store):
    a = address_at(sqlite_store, X0 + 150, Y0 + 350)
    assert a.text == "江岸区 一元街 三阳社区 距解放大道约 150 米" and a.side is None


def test_a_landmark_close_by_is_mentioned(sqlite_store):
    with sqlite_store.uow() as uow:
        uow.loader.landmarks([Landmark("三阳小学", "school", Point(X0 + 160, Y0 + 240))])
        uow.commit()
    a = address_at(sqlite_store, X0 + 150, Y0 + 215)
    assert a.text.endswith("，三阳小学附近") and a.landmark == "三阳小学"
