"""A stand-in for the user's editor in the sway tests: one window, a focused text field."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QPlainTextEdit


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setDesktopFileName("herstel-e2e-editor")
    editor = QPlainTextEdit()
    editor.setWindowTitle("Stand-in editor")
    editor.setPlainText("Typing here; a reminder must not take this focus.\n")
    editor.show()
    editor.setFocus()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
