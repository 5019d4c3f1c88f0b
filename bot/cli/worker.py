"""`phiwarden worker`: a scale-out scan worker (arq over Redis, jobs recorded in the database).

It builds the same services as `phiwarden run` (store, warm scan processes, Slack gateway,
pipeline) but serves no Slack endpoint: it runs `Pipeline.handle` for jobs dispatched by the
web replicas, and sweeps the database for jobs Redis lost. SIGTERM drains gracefully; kill -9
loses nothing (the lease expires and another worker takes the job over).
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="jobs run at once (default: max(16, 8 x WORKER_PROCESSES))",
    )
    parser.add_argument(
        "--metrics-port",
        type=int,
        default=None,
        help="serve /healthz and /metrics on 127.0.0.1:PORT (0 = any free port)",
    )
    parser.add_argument(
        "--metrics-host",
        default="127.0.0.1",
        help="address for --metrics-port (0.0.0.0 inside a container)",
    )


def run(args: argparse.Namespace) -> int:
    import asyncio

    from bot.config import load_settings

    settings = load_settings()
    if not settings.scaled_out:
        print(
            "phiwarden worker needs QUEUE_URL=redis://...; with the embedded queue, "
            "`phiwarden run` executes jobs itself.",
            file=sys.stderr,
        )
        return 2
    asyncio.run(_serve(args, settings))  # errors: bot.cli.main reports them
    return 0


async def _serve(args: argparse.Namespace, settings: object) -> None:
    import asyncio
    import logging
    import signal

    from aiohttp import web

    from bot.config import Settings
    from bot.jobs.distributed import RedisJobQueue, run_worker
    from bot.logging import configure_logging, log_event
    from bot.services import build_services
    from bot.web.ops import add_ops_routes, make_health_check

    assert isinstance(settings, Settings)
    configure_logging(settings.log_level)
    log = logging.getLogger("phiwarden.worker")
    services = await build_services(settings, start_queue=False)
    store = services.store
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    runner: web.AppRunner | None = None
    if args.metrics_port is not None:
        app = web.Application()
        queue = RedisJobQueue(settings.queue_url, store)
        add_ops_routes(app, make_health_check(store, queue, services.scanner))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, args.metrics_host, args.metrics_port)
        await site.start()
    concurrency = args.concurrency or settings.job_concurrency
    log_event(log, logging.INFO, "worker started", worker=f"{concurrency}", queue="redis")
    try:
        await run_worker(
            settings.queue_url,
            store,
            services.pipeline.handle,
            concurrency=concurrency,
            on_failure=services.pipeline.on_job_failed,
            stop=stop,
        )
    finally:
        if runner is not None:
            await runner.cleanup()
        await services.close()
        log_event(log, logging.INFO, "worker stopped")
