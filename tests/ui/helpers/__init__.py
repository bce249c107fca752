"""Helpers for the widget tests (not tests themselves): ``screens`` builds every screen.

Imported as ``from helpers.screens import ...``: pytest puts tests/ui on the path.
"""
