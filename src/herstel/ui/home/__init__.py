"""The home window and its sections."""
