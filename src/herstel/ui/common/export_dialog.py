"""Where to save an export: one non-blocking save dialog for history and settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_export_file(
    parent: QWidget,
    kind: str,
    today: date,
    on_chosen: Callable[[Path], None],
    on_closed: Callable[[], None],
) -> QFileDialog:
    """Open (non-modal) a save dialog for a ``kind`` ("csv" or "json") export.

    It starts in the user's documents folder with ``herstel-<today>.<kind>``;
    ``on_chosen`` gets the file, ``on_closed`` runs however it closes. The
    dialog deletes itself when closed.
    """
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    if kind == "csv":
        title = QCoreApplication.translate("ExportDialog", "Export sessions as CSV")
        filters = QCoreApplication.translate("ExportDialog", "CSV files (*.csv)")
    else:
        title = QCoreApplication.translate("ExportDialog", "Export as JSON")
        filters = QCoreApplication.translate("ExportDialog", "JSON files (*.json)")
    target = Path(folder) / f"herstel-{today.isoformat()}.{kind}"
    dialog = QFileDialog(parent, title, str(target), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(kind)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    dialog.finished.connect(lambda _result: on_closed())
    dialog.open()
    return dialog
