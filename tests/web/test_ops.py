"""`/healthz` reflects the database and queue; `/metrics` exposes the named metrics."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot import metrics
from bot.store import Store
from bot.web.ops import add_ops_routes, make_health_check


class Queue:
    def __init__(self, alive: bool) -> None:
        self.alive = alive

    async def ping(self) -> bool:
        return self.alive


async def client_for(store: Store, queue: Queue) -> TestClient[web.Request, web.Application]:
    app = web.Application()
    add_ops_routes(app, make_health_check(store, queue))
    client = TestClient(TestServer(app, host="127.0.0.1", port=0))
    await client.start_server()
    return client


async def test_healthz_ok_when_database_and_queue_answer(store: Store) -> None:
    client = await client_for(store, Queue(alive=True))
    try:
        response = await client.get("/healthz")
        assert response.status == 200
        assert await response.json() == {
            "status": "ok",
            "checks": {"database": True, "queue": True},
        }
    finally:
        await client.close()


async def test_healthz_503_when_queue_or_database_down(store: Store) -> None:
    client = await client_for(store, Queue(alive=False))
    try:
        response = await client.get("/healthz")
        assert response.status == 503
        assert (await response.json())["checks"]["queue"] is False
    finally:
        await client.close()

    from bot.config import Settings
    from bot.store import open_store

    broken = await open_store(
        Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none"),
        upgrade_schema=False,
    )
    client = await client_for(broken, Queue(alive=True))
    try:
        response = await client.get("/healthz")
        assert response.status == 503
        assert (await response.json())["checks"] == {"database": False, "queue": True}
    finally:
        await client.close()
        await broken.close()


async def test_metrics_exposes_named_metrics(store: Store) -> None:
    metrics.EVENTS_RECEIVED.labels(type="message").inc()
    metrics.SIGNATURE_REJECTIONS.inc()
    client = await client_for(store, Queue(alive=True))
    try:
        response = await client.get("/metrics")
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        body = await response.text()
    finally:
        await client.close()
    for name in (
        "phiwarden_events_received_total",
        "phiwarden_signature_rejections_total",
        "phiwarden_verdicts_total",
        "phiwarden_actions_total",
        "phiwarden_scan_latency_seconds",
        "phiwarden_ack_latency_seconds",
        "phiwarden_queue_depth",
        "phiwarden_failures_total",
        "phiwarden_retries_total",
    ):
        assert name in body
    assert 'phiwarden_events_received_total{type="message"}' in body
