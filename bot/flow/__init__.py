"""The numbered flow of DESIGN.md: intake (1), pipeline (2), files, confirms, audit (5)."""
