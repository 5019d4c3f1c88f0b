"""The metric names, kinds and labels: Prometheus conventions on a registry of our own, labels
that are enums (never an id or content), and `render()` exposing what was counted."""

from __future__ import annotations

from prometheus_client import REGISTRY as GLOBAL_REGISTRY
from prometheus_client import Counter, Gauge, Histogram
from prometheus_client.parser import text_string_to_metric_families

from bot import metrics

METRICS = {
    name: value
    for name, value in vars(metrics).items()
    if isinstance(value, Counter | Gauge | Histogram)
}
# Every label any metric may carry: each has a small, fixed set of values.
ENUM_LABELS = {"type", "verdict", "content", "action", "recognizer", "outcome", "stage"}


def test_every_metric_follows_the_naming_conventions() -> None:
    assert len(METRICS) >= 14
    for name, metric in METRICS.items():
        full = metric._name  # the name before the exposition suffixes
        assert full.startswith("phiwarden_"), name
        if isinstance(metric, Histogram):
            assert full.endswith("_seconds"), name
        if isinstance(metric, Counter):
            assert not full.endswith("_total"), name  # the client appends it on exposition


def test_labels_are_enums_never_ids() -> None:
    for name, metric in METRICS.items():
        labels = set(metric._labelnames)
        assert labels <= ENUM_LABELS, f"{name} has labels {labels - ENUM_LABELS}"
        assert not any("id" in label.split("_") for label in labels), name


def test_the_metrics_live_on_our_registry_not_the_global_one() -> None:
    ours = {f.name for f in text_string_to_metric_families(metrics.render().decode())}
    assert "phiwarden_events_received" in ours and "phiwarden_queue_depth" in ours
    assert GLOBAL_REGISTRY.get_sample_value("phiwarden_jobs_total", {"outcome": "done"}) is None


def test_render_exposes_what_was_counted() -> None:
    before = metrics.REGISTRY.get_sample_value("phiwarden_jobs_total", {"outcome": "retried"})
    metrics.JOBS.labels(outcome="retried").inc(3)
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(metrics.render().decode())
        for s in family.samples
    }
    assert samples[("phiwarden_jobs_total", (("outcome", "retried"),))] == (before or 0) + 3
