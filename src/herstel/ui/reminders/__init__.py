"""Reminders in the running app: the schedule service, the prompt, its presenter."""
