"""案件处理单: one A4 page in Chinese with the fields, map, photos, timeline and deadline."""

import io
import json
from datetime import datetime, timedelta

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from factories import X0, Y0, act, cli_env
from PIL import Image

from gridapp.cli import main
from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.io.case_sheet import case_sheet
from gridapp.services.photos import add_photo

T = datetime(2026, 11, 2, 9, 0)


def photo(store, colour, size=(640, 480)):
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    return add_photo(store.uow(), buf.getvalue(), "p.jpg")


def pages(path):
    doc = pdfium.PdfDocument(str(path))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    w, h = doc[0].get_size()
    return len(doc), text.replace("\r", "").replace("\n", ""), (w, h)


def handled(store, description="路边暴露垃圾一堆", note="已清运完毕"):
    c = act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
            class_code="E0102", x=X0 + 150, y=Y0 + 215, description=description,
            photos=[photo(store, (200, 50, 50))], at=T).case
    act(store, "acceptor", c.id, Action.REGISTER, note="符合立案条件", at=T + timedelta(minutes=10))
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"),
        at=T + timedelta(minutes=20))
    act(store, "sanitation1", c.id, Action.SIGN, at=T + timedelta(minutes=30))
    act(store, "sanitation1", c.id, Action.RECTIFY, note=note,
        photos=[photo(store, (50, 180, 50), (480, 640))], at=T + timedelta(hours=2))
    return c


def test_one_page_in_chinese_with_fields_timeline_and_deadline(store, tmp_path):
    c = handled(store)
    n, text, (w, h) = pages(case_sheet(store, c.id, tmp_path / "s.pdf", "张受理",
                                       now=T + timedelta(hours=3)))
    assert n == 1 and (round(w), round(h)) == (595, 842)       # A4
    for expected in ("江岸区城市管理案件处理单", c.number, "暴露垃圾（E0102）", "市容环境",
                     "一元街三阳社区", "420102001001006", "区环境卫生服务中心", "路长甲",
                     "时限4工作时", "已处置，按期", "办理经过", "赵网格（网格员/监督员）",
                     "陈环卫（部门处置人员）", "已清运完毕", "符合立案条件", "受理员（签字）",
                     "值班长（签字）", "张受理", "处置前（上报）", "处置后", "解放大道", "°E"):
        assert expected.replace(" ", "") in text.replace(" ", ""), expected


def test_the_deadline_as_it_stands(sqlite_store, tmp_path):
    store = sqlite_store
    c = act(store, "worker1", None, Action.REPORT, class_code="E0102", x=X0 + 150,
            y=Y0 + 215, at=T).case
    _, text, _ = pages(case_sheet(store, c.id, tmp_path / "a.pdf", now=T))
    assert "未派遣（派遣后按4工作时计算）" in text.replace(" ", "")
    act(store, "acceptor", c.id, Action.REGISTER, at=T)
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"),
        at=T)
    _, text, _ = pages(case_sheet(store, c.id, tmp_path / "b.pdf", now=T + timedelta(hours=1)))
    assert "剩余3工作时" in text.replace(" ", "")
    _, text, _ = pages(case_sheet(store, c.id, tmp_path / "c.pdf",   # after lunch
                                  now=T.replace(hour=14, minute=30)))
    assert "预警，剩余0.5工作时" in text.replace(" ", "")
    _, text, _ = pages(case_sheet(store, c.id, tmp_path / "d.pdf", now=T + timedelta(days=1)))
    assert "已超期" in text


def test_a_long_history_still_fits_one_page(sqlite_store, tmp_path):
    store = sqlite_store
    long = "很长的说明" * 80
    c = handled(store, description="描述" * 600, note=long)
    for k in range(12):   # supervision orders pile up
        act(store, "boss", c.id, Action.SUPERVISE, note=f"第{k + 1}次督办：" + long,
            at=T + timedelta(hours=3, minutes=k))
    n, text, _ = pages(case_sheet(store, c.id, tmp_path / "s.pdf", now=T + timedelta(hours=4)))
    assert n == 1 and "中间" in text and "步从略" in text and "第12次督办" in text


def test_from_the_shell(sqlite_store, tmp_path):
    c = handled(sqlite_store)
    url = sqlite_store.url
    sqlite_store.close()
    out = tmp_path / "sheet.pdf"
    args = ["case", "sheet", c.number, "--out", str(out), "--as", "acceptor"]
    r = CliRunner().invoke(main, ["--db", url, "--json", *args], env=cli_env(args))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["path"] == str(out)
    n, text, _ = pages(out)
    assert n == 1 and "张受理" in text
    bad = ["case", "sheet", "202600009999", "--as", "acceptor"]
    r = CliRunner().invoke(main, ["--db", url, *bad], env=cli_env(bad))
    assert r.exit_code == 2 and "202600009999" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "案件处理单-202600009999.pdf").exists()


@pytest.mark.parametrize("size", [(4000, 3000), (30, 2000)])
def test_odd_photo_shapes(sqlite_store, tmp_path, size):
    store = sqlite_store
    c = act(store, "worker1", None, Action.REPORT, class_code="E0102", x=X0 + 150,
            y=Y0 + 215, photos=[photo(store, (10, 10, 200), size)], at=T).case
    n, _, _ = pages(case_sheet(store, c.id, tmp_path / "s.pdf", now=T))
    assert n == 1
