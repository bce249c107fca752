"""PySide6 widgets, by feature. OS integration without widgets lives in ``herstel.platform``."""
