"""What closing the main window means: Herstel keeps running for its reminders.

With a tray icon the window just hides (said once, the first time). Without a
tray there would be no way back, so the user is asked whether to keep running
in the background (reminders still come) or to quit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class CloseGuard(QObject):
    hidden_to_tray = Signal()  # the window was closed and Herstel runs on in the tray
    quit_requested = Signal()

    def __init__(self, window: QWidget, has_tray: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._has_tray = has_tray
        self._asking: QMessageBox | None = None
        self._allow = False
        window.installEventFilter(self)

    def allow_close(self) -> None:
        """Quitting: let the next close through."""
        self._allow = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window or event.type() != QEvent.Type.Close or self._allow:
            return False
        event.ignore()
        if self._has_tray():
            self._window.hide()
            self.hidden_to_tray.emit()
        else:
            self._ask()
        return True

    def _ask(self) -> None:
        if self._asking is not None:
            self._asking.raise_()
            return
        from PySide6.QtWidgets import QMessageBox  # its many enums: not on the start-up path

        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Keep Herstel running?"))
        box.setText(self.tr("There is no tray icon on this desktop."))
        box.setInformativeText(
            self.tr(
                "Herstel can keep running in the background so your reminders still come, "
                "or quit now."
            )
        )
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)

        def answered() -> None:
            self._asking = None
            if box.clickedButton() is keep:
                self._window.hide()
            else:
                self.quit_requested.emit()
            box.deleteLater()

        box.finished.connect(answered)
        self._asking = box
        box.open()
