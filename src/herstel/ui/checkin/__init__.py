"""The recovery check and its result page."""
