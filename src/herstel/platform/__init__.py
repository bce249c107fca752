"""Talks to the operating system; no widgets: single instance, D-Bus, senses, sound, crashes."""
