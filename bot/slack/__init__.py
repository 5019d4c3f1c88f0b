"""Everything that talks to the Slack Web API: the gateway and the channel directory."""

from bot.slack.channels import ChannelDirectory
from bot.slack.gateway import MemoryActionLog, SlackGateway

__all__ = ["ChannelDirectory", "MemoryActionLog", "SlackGateway"]
