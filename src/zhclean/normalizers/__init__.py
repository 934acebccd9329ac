"""The normalisers, one module per kind of change. See docs/architecture.md."""
