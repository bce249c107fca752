"""What every window shares: theme, icons, assets, translations, window helpers."""
