"""QGIS opens a field package as QField does: its layers, forms and defaults; a report added
through the form comes back into the store through the closed loop."""

import io
import shutil

from factories import X0, Y0, build_mini_store, clock
from PIL import Image

from gridapp.io.field_import import import_package
from gridapp.io.field_package import export_package
from gridapp.services import cases as svc


def test_qgis_opens_the_package_and_its_form_makes_a_report_that_merges(qgis, tmp_path):
    from datetime import datetime, timedelta
    store = build_mini_store(str(tmp_path / "mini.sqlite"), basemap=tmp_path / "mini.mbtiles")
    try:
        clock(store, datetime(2026, 11, 2, 9, 0))
        svc.report(store.uow(), "worker1", class_code="E0102", x=X0 + 150, y=Y0 + 205)
        info = export_package(store, "chief1", tmp_path / "out", "admin")
        buf = io.BytesIO()
        Image.new("RGB", (40, 30), (10, 120, 200)).save(buf, "JPEG")
        (info.folder / "DCIM" / "q1.jpg").write_bytes(buf.getvalue())
        report = qgis("field", info.project.name, X0 + 300, Y0 + 210, "DCIM/q1.jpg",
                      cwd=info.folder)
        assert report["read"]
        layers = report["layers"]
        assert all(v["valid"] for v in layers.values()), layers
        assert layers["gridapp_basemap"]["valid"]
        assert layers["gridapp_cases"]["renderer"] == "RuleRenderer"  # the client's style
        assert layers["gridapp_segments"]["features"] == 1
        rep = layers["field_reports"]
        assert rep["widgets"]["class_code"] == "ValueMap" and "E0102" in rep["value_map"]
        assert rep["widgets"]["photo"] == "ExternalResource" and rep["relative_photos"] == 1
        assert rep["defaults"]["uuid"] == "uuid()" and rep["defaults"]["person"] == "'chief1'"
        assert layers["field_rectifications"]["widgets"]["case_id"] == "ValueRelation"
        assert layers["field_rectifications"]["relation_layer"] == "gridapp_cases"
        assert "field_verifications" not in layers  # a road chief does not verify
        assert report["added"] and report["committed"], report["errors"]
        assert report["new"]["person"] == "chief1" and report["new"]["uuid"]
        # QGIS's now() is this machine's clock: the merge happens a minute later on the
        # store's (held) clock
        clock(store, datetime.fromisoformat(report["new"]["made_at"]) + timedelta(minutes=1))
        shutil.rmtree(info.folder / ".qgis", ignore_errors=True)
        merged = import_package(store, info.folder, "chief1")
        assert [x["layer"] for x in merged.applied] == ["reports"], merged
        case = svc.view(store.uow(), "chief1", merged.applied[0]["case"]).case
        assert case.description == "QGIS 表单上报" and case.class_code == "E0102"
    finally:
        store.close()
