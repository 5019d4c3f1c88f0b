"""A local Slack for tests and `phiwarden demo`: Web API server, workspace model, event sender."""

from __future__ import annotations

from bot.standin.context import CallContext, SlackError
from bot.standin.faults import Fault, Faults
from bot.standin.model import Channel, Ephemeral, File, Message, Token, User, View
from bot.standin.payloads import state_values
from bot.standin.recorder import Call, Recorder
from bot.standin.responses import ResponseUrls
from bot.standin.scopes import METHOD_SCOPES, scopes_for
from bot.standin.seed import Hospital, seed_hospital
from bot.standin.sender import Delivery, EventSender, sign
from bot.standin.socket_mode import SocketHub, SocketSender
from bot.standin.webapi import StandIn
from bot.standin.workspace import DEFAULT_BOT_SCOPES, DEFAULT_USER_SCOPES, Workspace

__all__ = [
    "DEFAULT_BOT_SCOPES",
    "DEFAULT_USER_SCOPES",
    "METHOD_SCOPES",
    "Call",
    "CallContext",
    "Channel",
    "Delivery",
    "Ephemeral",
    "EventSender",
    "Fault",
    "Faults",
    "File",
    "Hospital",
    "Message",
    "Recorder",
    "ResponseUrls",
    "SlackError",
    "SocketHub",
    "SocketSender",
    "StandIn",
    "Token",
    "User",
    "View",
    "Workspace",
    "scopes_for",
    "seed_hospital",
    "sign",
    "state_values",
]
