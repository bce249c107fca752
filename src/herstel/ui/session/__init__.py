"""The breathing session: its window, the shape, the flow from start to stored result."""
