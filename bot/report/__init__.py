"""The compliance report: figures from the audit trail, drawn as charts in one HTML file."""

from bot.report.data import ReportData, summarize
from bot.report.render import render_html

__all__ = ["ReportData", "render_html", "summarize"]
