"""Benchmarks: re-runnable scripts behind every figure in the README."""
