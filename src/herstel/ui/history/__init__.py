"""The History window, its table model and its charts."""
