"""Icons, translations and desktop files shipped inside the wheel."""
