"""Herstel: guided slow-breathing breaks that help you recover, not just rest."""

__version__ = "0.1.0"

APP_ID = "io.github.herstel.Herstel"
APP_NAME = "Herstel"
