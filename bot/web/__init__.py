"""HTTP pieces beside the Slack endpoint: `ops` adds `/healthz` and `/metrics`."""
