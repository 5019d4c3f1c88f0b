"""Synthetic labelled corpora for the benchmarks."""
