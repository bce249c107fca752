"""The app's outer shell: the tray icon and what closing the main window means."""
