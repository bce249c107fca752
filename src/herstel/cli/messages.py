"""The command line's one-line messages: translated, with numbers and reasons written plainly."""

from __future__ import annotations


class _Messages:
    """Translated one-line messages; the catalogue loads only when one is needed."""

    def __init__(self) -> None:
        self._catalogue: object | None = None

    def tr(self, text: str) -> str:
        from herstel.ui.common.i18n import MessageCatalogue

        if self._catalogue is None:
            self._catalogue = MessageCatalogue.for_system_locale()
        assert isinstance(self._catalogue, MessageCatalogue)
        # lupdate files module-level tr() calls under the empty context.
        return self._catalogue.translate("", text)


_messages = _Messages()


def tr(text: str) -> str:
    return _messages.tr(text)


def number(text: str) -> str:
    """A number as people write it: 4 rather than 4.0."""
    value = float(text)
    return str(int(value)) if value.is_integer() else str(value)


def one_line(text: str) -> str:
    """An OS or SQLite reason kept on one line: the message must stay one line."""
    return text.replace("\n", "\\n").replace("\r", "\\r")
