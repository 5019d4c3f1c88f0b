"""Prometheus metrics, on a registry of our own so tests and several apps in one process agree.

Names follow Prometheus conventions (`_total` counters, `_seconds` histograms). Labels are
enums only (event type, verdict, action, stage): never an id with unbounded cardinality and
never content. Other modules import the metric objects from here and call `.inc()` etc.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry(auto_describe=True)

# Latency buckets from 1 ms (acks) to 60 s (a slow image scan).
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

EVENTS_RECEIVED = Counter(
    "phiwarden_events_received_total",
    "Slack requests received, by type (event_callback type, command, interaction).",
    ["type"],
    registry=REGISTRY,
)
EVENTS_DUPLICATE = Counter(
    "phiwarden_events_duplicate_total",
    "Slack deliveries dropped as retries or duplicates of an event already recorded.",
    registry=REGISTRY,
)
SIGNATURE_REJECTIONS = Counter(
    "phiwarden_signature_rejections_total",
    "Requests rejected for a missing, bad or stale Slack signature.",
    registry=REGISTRY,
)
VERDICTS = Counter(
    "phiwarden_verdicts_total",
    "Scan verdicts, by verdict and content (text, image, ...).",
    ["verdict", "content"],
    registry=REGISTRY,
)
ACTIONS = Counter(
    "phiwarden_actions_total",
    "Actions carried out by the gateway, by action kind.",
    ["action"],
    registry=REGISTRY,
)
SCAN_LATENCY = Histogram(
    "phiwarden_scan_latency_seconds",
    "Time to scan one post (text or file), by content.",
    ["content"],
    buckets=_BUCKETS,
    registry=REGISTRY,
)
ACK_LATENCY = Histogram(
    "phiwarden_ack_latency_seconds",
    "Time from request received to the ack being sent.",
    buckets=_BUCKETS,
    registry=REGISTRY,
)
EVENT_TO_ACTION = Histogram(
    "phiwarden_event_to_action_seconds",
    "Time from job enqueued to job finished.",
    buckets=_BUCKETS,
    registry=REGISTRY,
)
QUEUE_DEPTH = Gauge(
    "phiwarden_queue_depth",
    "Scan jobs recorded and not finished (pending or running).",
    registry=REGISTRY,
)
LOOP_LAG = Gauge(
    "phiwarden_event_loop_lag_seconds",
    "How late the event loop runs callbacks (smoothed); the embedded runner throttles on it.",
    registry=REGISTRY,
)
FALSE_POSITIVES = Counter(
    "phiwarden_false_positive_reports_total",
    "Reports that a notice was not patient information, by the recognizer that fired.",
    ["recognizer"],
    registry=REGISTRY,
)

JOBS = Counter(
    "phiwarden_jobs_total",
    "Scan jobs by outcome (enqueued, duplicate, done, retried, failed).",
    ["outcome"],
    registry=REGISTRY,
)
FAILURES = Counter(
    "phiwarden_failures_total",
    "Failures by stage (scan, gateway, repost, job, store, queue); each is also audited or logged.",
    ["stage"],
    registry=REGISTRY,
)
RETRIES = Counter(
    "phiwarden_retries_total",
    "Retries by stage (gateway call, job, store).",
    ["stage"],
    registry=REGISTRY,
)


def render() -> bytes:
    """The text exposition of every phiwarden metric."""
    return generate_latest(REGISTRY)
