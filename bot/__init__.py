"""phiwarden: keeps protected health information out of the wrong Slack channels."""

__version__ = "0.1.0"
