"""The small shared widgets as they look."""

from PySide6.QtWidgets import QApplication, QStyle

from gridapp.ui.widgets import MultiSelect


def test_a_filter_button_leaves_room_for_its_menu_arrow(qtbot):
    """Seen walking the client: the case list's 全部状态 / 全部类别 / 全部街道 had their last
    character under the menu arrow."""
    button = MultiSelect()
    qtbot.addWidget(button)
    button.set_items("状态", "全部状态", [(1, "待受理")])
    arrow = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert (button.sizeHint().width() - text) / 2 >= arrow  # centred caption, arrow beside
