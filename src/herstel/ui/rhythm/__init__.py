"""Find your own rhythm: the guided finder window and its pages."""
