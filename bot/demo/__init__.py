"""`phiwarden demo`: a scripted clinical conversation against the local Slack stand-in."""

from bot.demo.runner import run_demo

__all__ = ["run_demo"]
