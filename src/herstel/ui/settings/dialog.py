"""The settings window: one dialog, a calm list of pages on the left.

Session, Check, Reminders, Sound, Appearance, Start-up and Data. Non-modal
(opened with ``show``, never ``exec``) and applied as you change it: every
page emits ``changed(Settings)`` and the dialog passes it on after showing the
new settings on every other page, so no page can put back another's old value.
Each page with settings of its own has a "Restore defaults" button that resets
only that page's fields. The Data page (only when the dialog is given the data
folder and the app's history store) also emits ``data_deleted`` once the history
has been erased.

The list takes the arrow keys (Up/Down, Home/End move between pages) and Tab
goes on into the page, Shift+Tab back to the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from herstel.core.settings import Settings
from herstel.storage.history import HistoryStore
from herstel.storage.paths import DataPaths
from herstel.ui.common.theme import base_point_size
from herstel.ui.settings.data_page import DataSettingsPage
from herstel.ui.settings.page import PAGE_MARGINS, SettingsPage
from herstel.ui.settings.pages import (
    AppearanceSettingsPage,
    CheckSettingsPage,
    SessionSettingsPage,
    StartupSettingsPage,
)
from herstel.ui.settings.reminders_page import ReminderSettingsPage
from herstel.ui.settings.sound_page import SoundSettingsPage


class _PageFrame(QWidget):
    """A page under its heading, with "Restore defaults" at the foot when it has settings."""

    def __init__(self, page: SettingsPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(base_point_size(self) * 1.45)
        font.setWeight(QFont.Weight.Light)
        self.heading.setFont(font)
        self.restore = QPushButton()
        self.restore.setProperty("quiet", True)
        self.restore.setVisible(bool(page.FIELDS))
        self.restore.clicked.connect(page.restore_defaults)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the controls
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        left, _top, right, bottom = PAGE_MARGINS
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, bottom)
        layout.setSpacing(4)
        heading_row = QHBoxLayout()
        heading_row.setContentsMargins(left, 16, right, 0)
        heading_row.addWidget(self.heading)
        layout.addLayout(heading_row)
        layout.addWidget(scroll, 1)
        foot = QHBoxLayout()
        foot.setContentsMargins(left, 0, right, 0)
        foot.addStretch(1)
        foot.addWidget(self.restore)
        layout.addLayout(foot)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.page.title())
        self.restore.setText(self.tr("Restore &defaults"))
        self.restore.setAccessibleName(
            self.tr("Restore the defaults of {page}").replace("{page}", self.page.title())
        )


class SettingsDialog(QDialog):
    changed = Signal(object)  # Settings
    data_deleted = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        paths: DataPaths | None = None,
        store: HistoryStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.session = SessionSettingsPage(settings)
        self.check = CheckSettingsPage(settings)
        self.reminders = ReminderSettingsPage(settings)
        self.sound = SoundSettingsPage(settings)
        self.appearance = AppearanceSettingsPage(settings)
        self.startup = StartupSettingsPage(settings)
        self.data: DataSettingsPage | None = None
        self.pages: list[SettingsPage] = [
            self.session,
            self.check,
            self.reminders,
            self.sound,
            self.appearance,
            self.startup,
        ]
        if paths is not None and store is not None:
            self.data = DataSettingsPage(settings, paths, store)
            self.data.data_deleted.connect(self.data_deleted)
            self.pages.append(self.data)

        self.page_list = QListWidget()
        self.page_list.setObjectName("settingsPages")
        self.page_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.frames: list[_PageFrame] = []
        for page in self.pages:
            frame = _PageFrame(page)
            self.frames.append(frame)
            self.stack.addWidget(frame)
            self.page_list.addItem(QListWidgetItem(page.title()))
            page.changed.connect(self._page_changed)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._retranslate()
        self.resize(760, 520)

    # --- public -------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        for page in self.pages:
            page.set_settings(settings)

    def show_page(self, page: SettingsPage) -> None:
        self.page_list.setCurrentRow(self.pages.index(page))

    def current_page(self) -> SettingsPage:
        return self.pages[self.stack.currentIndex()]

    def page_titles(self) -> list[str]:
        return [self.page_list.item(row).text() for row in range(self.page_list.count())]

    def restore_button(self, page: SettingsPage) -> QPushButton:
        return self.frames[self.pages.index(page)].restore

    # --- inside -------------------------------------------------------------------

    def _page_changed(self, settings: Settings) -> None:
        # Each page only edits its own fields; keep the others' latest values.
        sender = self.sender()
        for page in self.pages:
            if page is not sender:
                page.set_settings(settings)
        self.changed.emit(settings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Herstel settings"))
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        for row, (page, frame) in enumerate(zip(self.pages, self.frames, strict=True)):
            self.page_list.item(row).setText(page.title())
            frame.retranslate()
        # Item sizes are set here, not left to the style sheet's padding, which the
        # list does not count when it lays its rows out.
        metrics = self.page_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(title) for title in self.page_titles())
        for row in range(self.page_list.count()):
            self.page_list.item(row).setSizeHint(QSize(widest + 24, metrics.height() + 18))
        self.page_list.setFixedWidth(widest + 64)

    def sizeHint(self) -> QSize:
        return QSize(760, 520)
