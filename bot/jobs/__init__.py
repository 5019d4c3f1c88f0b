"""Durable jobs: the runner with its retry policy, embedded (default) and distributed (Redis)."""
