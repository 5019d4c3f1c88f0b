"""A started stand-in and Web API clients for it, one per test (free port each time)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from faker import Faker
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import Channel, StandIn, User


@dataclass
class Ward:
    """A small hospital workspace: two clinicians in a public and a private channel."""

    nurse: User
    doctor: User
    public: Channel
    private: Channel


@pytest.fixture
async def slack() -> AsyncIterator[StandIn]:
    async with StandIn.start() as standin:
        yield standin


@pytest.fixture
def ward(slack: StandIn) -> Ward:
    fake = Faker()
    Faker.seed(4)
    ws = slack.workspace
    nurse = ws.add_user(fake.user_name(), real_name=fake.name())
    doctor = ws.add_user(fake.user_name(), real_name=fake.name())
    public = ws.add_channel("ward-4", members=[nurse.id, doctor.id])
    private = ws.add_channel("icu-handover", kind="private", members=[nurse.id])
    return Ward(nurse, doctor, public, private)


@pytest.fixture
def bot(slack: StandIn) -> AsyncWebClient:
    return AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)


@pytest.fixture
def admin(slack: StandIn) -> AsyncWebClient:
    return AsyncWebClient(base_url=slack.api_url, token=slack.admin_token)
