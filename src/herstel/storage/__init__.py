"""Local persistence: settings file, SQLite database, export and import. No Qt."""
