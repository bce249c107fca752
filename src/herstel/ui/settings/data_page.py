"""The Data page of the settings dialog: where your data is, export, delete it all.

- The data folder, as text you can select, and a button that opens it in the
  file manager (``QDesktopServices``).
- "Export JSON…" and "Export CSV…": the same code as ``herstel export -o`` and
  the history window's export (the store's ``export``), on a worker thread.
- "Delete all my data…": a confirmation that names what goes and what stays,
  then the store's ``erase_all`` — one transaction, so the history is either
  all there or all gone — and ``data_deleted`` so the app can show the empty
  history. Nothing here blocks: the dialogs open with ``open()``.

The page is handed the app's one ``HistoryStore`` and never opens the file itself.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Literal

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from herstel.core.settings import Settings
from herstel.storage.connection import StorageError
from herstel.storage.history import HistoryStore
from herstel.storage.paths import DataPaths
from herstel.ui.common.export_dialog import ask_export_file
from herstel.ui.common.i18n import fill
from herstel.ui.settings.page import SettingsPage, page_layout

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now().astimezone()


class DataSettingsPage(SettingsPage):
    """Your data folder, export, and deleting everything Herstel has stored about you."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    data_deleted = Signal()
    """The history was deleted (the database is empty now)."""
    export_finished = Signal(str)
    """An export was written (its path)."""

    def __init__(
        self,
        settings: Settings,
        paths: DataPaths,
        store: HistoryStore,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = _now,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(settings, parent)
        self.paths = paths
        self._store = store
        self._now = now
        self._open_url = open_url
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.folder = QLineEdit(str(paths.data_dir))
        self.folder.setObjectName("dataFolder")
        self.folder.setReadOnly(True)  # selectable and copyable, not editable
        self.folder.setCursorPosition(0)
        self.folder.setMinimumWidth(320)
        self.settings_folder = QLabel()
        self.settings_folder.setProperty("role", "muted")
        self.settings_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton()
        self.export_json = QPushButton()
        self.export_csv = QPushButton()
        self.delete_all = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.status.hide()
        self.confirmation: QMessageBox | None = None
        self._export_dialog: QFileDialog | None = None
        self._exporting = False
        self._folder_label = QLabel()
        self._folder_label.setBuddy(self.folder)
        self._export_label = QLabel()
        self._export_label.setBuddy(self.export_json)
        self._delete_label = QLabel()
        self._delete_label.setBuddy(self.delete_all)

        layout, form = page_layout(self)
        layout.insertWidget(0, self.about)
        folder_box = QHBoxLayout()
        folder_box.setSpacing(8)
        folder_box.addWidget(self.open_folder)
        folder_box.addStretch(1)
        export_box = QHBoxLayout()
        export_box.setSpacing(8)
        export_box.addWidget(self.export_json)
        export_box.addWidget(self.export_csv)
        export_box.addStretch(1)
        delete_box = QHBoxLayout()
        delete_box.addWidget(self.delete_all)
        delete_box.addStretch(1)
        form.setFieldGrowthPolicy(form.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self._folder_label, self.folder)
        if paths.config_dir != paths.data_dir:
            form.addRow("", self.settings_folder)
        form.addRow("", folder_box)
        form.addRow(self._export_label, export_box)
        form.addRow(self._delete_label, delete_box)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self._retranslate()
        self.open_folder.clicked.connect(self.open_data_folder)
        self.export_json.clicked.connect(lambda: self.export("json"))
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        self.delete_all.clicked.connect(self.confirm_delete)

    def title(self) -> str:
        return self.tr("Data")

    def _load(self, settings: Settings) -> None:
        pass  # this page edits no settings

    # --- the folder ---------------------------------------------------------------

    def open_data_folder(self) -> bool:
        """Show the data folder in the file manager."""
        url = QUrl.fromLocalFile(str(self.paths.data_dir))
        if self._open_url(url):
            return True
        self._say(self.tr("The folder could not be opened here. You find it at the path above."))
        return False

    # --- export -------------------------------------------------------------------

    def export(self, kind: str) -> QFileDialog:
        """Ask where to save (non-modal); the export runs when a file is chosen."""
        if self._export_dialog is not None:
            self._export_dialog.close()
        self._export_dialog = ask_export_file(
            self,
            kind,
            self._now().date(),
            lambda path: self.export_to(path, kind),
            self._export_dialog_closed,
        )
        return self._export_dialog

    def _export_dialog_closed(self) -> None:
        self._export_dialog = None

    def export_to(self, target: Path, kind: str) -> None:
        """Write an export to ``target`` on a worker thread, like ``herstel export -o``."""
        from herstel.ui.common.background import run_in_background

        if self._exporting:
            return
        self._exporting = True
        self._set_busy(True)
        self._say(self.tr("Exporting…"))
        store, now = self._store, self._now().isoformat()
        export_kind: Literal["csv", "json"] = "csv" if kind == "csv" else "json"

        def done(result: object) -> None:
            self._exporting = False
            self._set_busy(False)
            if isinstance(result, BaseException):
                log.error("settings: export to %s failed: %s", target, result)
                if isinstance(result, FileNotFoundError) and not store.path.exists():
                    self._say(self.tr("There is nothing to export yet."))
                    return
                reason = getattr(result, "strerror", None) or str(result)
                self._say(fill(self.tr("Could not export: {reason}"), reason=reason))
                return
            self._say(fill(self.tr("Saved to {path}"), path=str(target)))
            self.export_finished.emit(str(target))

        run_in_background(self, lambda: store.export(target, export_kind, now), done)

    # --- deleting everything ------------------------------------------------------

    def confirm_delete(self) -> QMessageBox:
        """Ask first (non-modal); "Delete everything" erases, anything else keeps it all."""
        if self.confirmation is not None:
            self.confirmation.raise_()
            return self.confirmation
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete all your data?"))
        box.setText(self.tr("Delete all your data from this computer?"))
        box.setInformativeText(
            self.tr(
                "This deletes every session you breathed, your answers to the checks, "
                "your sleep answers and the history of your reminders, and the copies "
                "Herstel kept of them (a backup from before an update, damaged files "
                "set aside). Your settings stay.\n\nThis cannot be undone. If you want "
                "to keep your history, export it first."
            )
        )
        self.erase_button = box.addButton(
            self.tr("Delete everything"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("Keep my data"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.keep_button = keep
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(lambda _code: self._answered(box))
        self.confirmation = box
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        self.confirmation = None
        if box.clickedButton() is self.erase_button:
            self.erase_everything()

    def erase_everything(self) -> bool:
        """Delete the history through the store; True when it is gone."""
        try:
            removed = self._store.erase_all()
        except (sqlite3.Error, StorageError) as error:
            log.error("settings: deleting all data failed: %s", error)
            self._say(
                fill(
                    self.tr("Nothing was deleted: {reason}"),
                    reason=str(error),
                )
            )
            return False
        except OSError as error:  # the history is gone; a copy beside it could not go
            log.error("settings: a copy of the data could not be removed: %s", error)
            self._say(
                fill(
                    self.tr("Your history is deleted, but {path} could not be removed: {reason}"),
                    path=str(error.filename or ""),
                    reason=error.strerror or str(error),
                )
            )
            self.data_deleted.emit()
            return True
        log.info("settings: all history deleted, with %d copies beside it", len(removed))
        self._say(self.tr("All your data is deleted. Herstel carries on with an empty history."))
        self.data_deleted.emit()
        return True

    # --- helpers ------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.export_json, self.export_csv, self.delete_all):
            button.setEnabled(not busy)

    def _retranslate_texts(self) -> None:
        self.about.setText(
            self.tr(
                "Everything Herstel remembers stays on this computer, in one folder. "
                "Nothing is sent anywhere."
            )
        )
        self._folder_label.setText(self.tr("&Folder"))
        self.settings_folder.setText(
            fill(
                self.tr("Your settings are kept in {folder}"),
                folder=str(self.paths.config_dir),
            )
        )
        self.open_folder.setText(self.tr("&Open the folder"))
        self._export_label.setText(self.tr("Export"))
        self.export_json.setText(self.tr("Export &JSON…"))
        self.export_csv.setText(self.tr("Export &CSV…"))
        self._delete_label.setText(self.tr("Delete"))
        self.delete_all.setText(self.tr("&Delete all my data…"))
