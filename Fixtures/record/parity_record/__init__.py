"""Shared library of the Parity golden-value recorder (see Fixtures/record/README.md)."""
