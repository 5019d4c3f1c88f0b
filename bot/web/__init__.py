"""HTTP: the server other code starts, the guard on Slack's endpoint, /healthz, /metrics."""
