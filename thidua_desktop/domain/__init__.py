"""Domain enums, value objects and pure helpers. Standard library only."""
