"""The history's charts, one module each, drawn with QPainter: calm, readable in light and dark.

- ``MinutesChart`` — minutes breathed per day (last 30 days) or per week;
- ``SignalTrendChart`` — each signal's weekly mean after the session, with the
  before-check where one was recorded, as small multiples;
- ``AdherenceChart`` — what became of the reminders each week, stacked;
- ``CalendarStrip`` — the breathing days of the last weeks and the streak.

Every chart draws from small arrays the history has already aggregated (a few
dozen numbers), never queries while painting, and keeps everything that does
not move in a cached pixmap (rebuilt only on new data, resize, palette, font or
pixel-ratio change); a repaint is a blit plus the hover highlight. Hovering (or
moving with the arrow keys once the chart has focus) shows the exact values in
a small label. Each chart carries an accessible name and an accessible
description that says in words what the picture shows, totals included.
"""
