"""The running app: its staged start-up (``bootstrap``) and the services it wires.

Nothing here decides anything: each part's rules live with that part (the
session flow, the reminder service, the shell); this package builds them in
one place and connects them.
"""
