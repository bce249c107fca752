"""Plain-Python domain logic: no Qt, no clock reads, no I/O."""
