"""The senses that let reminders read the room (DESIGN §5, issue #17).

Each sense is a small probe that asks the desktop *whether* something is so —
a microphone or camera in use, a full-screen window or an idle inhibitor, Do
Not Disturb, input idle time — and never reads audio, video or window content.
``aggregator.Senses`` combines them for the reminder service. Importing this
package loads nothing heavy: each probe imports its libraries when first asked.
"""
