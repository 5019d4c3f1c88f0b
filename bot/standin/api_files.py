"""`files.*` methods, including the upload-v2 flow slack_sdk's `files_upload_v2` drives."""

from __future__ import annotations

import asyncio
import secrets
import time

from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.model import Channel, File, Message
from bot.standin.workspace import UploadSlot


def can_see_file(ctx: CallContext, file: File) -> bool:
    """The uploader, or anyone who can see a conversation the file is shared in."""
    if file.user == ctx.actor_id:
        return True
    for channel_id in file.channels:
        channel = ctx.ws.channels.get(channel_id)
        if channel is not None and ctx.actor_id in channel.members:
            return True
        if channel is not None and channel.kind == "public":
            return True
    return False


def _file(ctx: CallContext) -> File:
    file_id = ctx.str_arg("file", missing="file_not_found")
    file = ctx.ws.files.get(file_id)
    if file is None or not can_see_file(ctx, file):
        raise SlackError("file_not_found")
    return file


def files_info(ctx: CallContext) -> JSON:
    ctx.require_scope("files:read")
    file = _file(ctx)
    return {
        "file": file.to_api(ctx.ws),
        "comments": [],
        "response_metadata": {"next_cursor": ""},
    }


def canvases_get_content(ctx: CallContext) -> JSON:
    """A canvas's whole content as markdown (https://docs.slack.dev/reference/methods/canvases.getContent:
    `canvases:read`, bot or user token; `canvas_not_found` if it does not exist or the caller
    cannot view it; one `content` string, no pagination)."""
    ctx.require_scope("canvases:read")
    file = ctx.ws.files.get(ctx.str_arg("canvas_id", missing="canvas_not_found"))
    if file is None or not file.is_canvas or not can_see_file(ctx, file):
        raise SlackError("canvas_not_found")
    return {"content": file.content.decode("utf-8")}


def files_delete(ctx: CallContext) -> JSON:
    ctx.require_scope("files:write")
    file = _file(ctx)
    actor = ctx.ws.users.get(ctx.actor_id)
    admin = actor is not None and not ctx.is_bot and (actor.is_admin or actor.is_owner)
    if file.user != ctx.actor_id and not admin:
        raise SlackError("cant_delete_file")
    del ctx.ws.files[file.id]
    for messages in ctx.ws.messages.values():
        for message in messages:
            if file.id in message.files:
                message.files.remove(file.id)
    return {}


def files_get_upload_url_external(ctx: CallContext) -> JSON:
    ctx.require_scope("files:write")
    filename = ctx.str_arg("filename")
    length = ctx.int_arg("length", required=True)
    if length <= 0:
        raise SlackError("invalid_arguments")
    file_id = "F" + ctx.ws.new_id()
    slot_id = secrets.token_urlsafe(12)
    ctx.ws.uploads[slot_id] = UploadSlot(file_id, filename, length, ctx.auth.token)
    return {"upload_url": f"{ctx.ws.base_url}upload/v1/{slot_id}", "file_id": file_id}


def _share_targets(ctx: CallContext) -> list[Channel]:
    ids: list[str] = []
    if ctx.opt_str("channel_id"):
        ids.append(ctx.str_arg("channel_id"))
    if ctx.opt_str("channels"):
        ids.extend(c.strip() for c in ctx.str_arg("channels").split(",") if c.strip())
    targets = []
    for channel_id in ids:
        channel = ctx.ws.channels.get(channel_id)
        if channel is None or not ctx.visible(channel):
            raise SlackError("channel_not_found")
        ctx.require_not_archived(channel)
        ctx.require_member(channel)
        targets.append(channel)
    return targets


def files_complete_upload_external(ctx: CallContext) -> JSON:
    """Turn uploaded slots into files; with `channel_id` they appear as a message there."""
    ctx.require_scope("files:write")
    entries = ctx.json_arg("files")
    if not isinstance(entries, list) or not entries:
        raise SlackError("invalid_arguments")
    slots: list[tuple[UploadSlot, str]] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise SlackError("invalid_arguments")
        slot = next((s for s in ctx.ws.uploads.values() if s.file_id == entry["id"]), None)
        if slot is None or slot.token != ctx.auth.token or slot.content is None:
            raise SlackError("file_not_found")
        slots.append((slot, str(entry.get("title") or slot.filename)))
    targets = _share_targets(ctx)
    thread_ts = ctx.opt_str("thread_ts")
    comment = ctx.opt_str("initial_comment") or ""
    files: list[File] = []
    for slot, title in slots:
        file = File(
            id=slot.file_id,
            name=slot.filename,
            title=title,
            mimetype=_mimetype(slot.filename),
            content=slot.content or b"",
            user=ctx.actor_id,
            created=int(time.time()),
            channels=[] if ctx.ws.share_delay else [c.id for c in targets],
        )
        ctx.ws.files[file.id] = file
        files.append(file)
    for key in [k for k, s in ctx.ws.uploads.items() if any(s is slot for slot, _ in slots)]:
        del ctx.ws.uploads[key]
    shown = [f.to_api(ctx.ws) for f in files]  # as answered: shares may still be missing

    def share() -> None:
        for channel in targets:
            message = Message(
                ts=ctx.ws.next_ts(),
                channel=channel.id,
                text=comment,
                user=ctx.actor_id,
                bot_id=ctx.auth.bot_id,
                app_id=ctx.ws.app_id if ctx.is_bot else None,
                files=[f.id for f in files],
                thread_ts=thread_ts,
                subtype="file_share",
            )
            ctx.ws.store_message(message)
            ctx.ws.emit(ctx.ws.message_event(message))
            for file in files:
                if channel.id not in file.channels:
                    file.channels.append(channel.id)
                ctx.ws.emit(ctx.ws.file_shared_event(file.id, channel.id))

    if ctx.ws.share_delay:  # the share lands later, as on Slack (`Workspace.share_delay`)
        asyncio.get_running_loop().call_later(ctx.ws.share_delay, share)
    else:
        share()
    return {"files": shown}


_MIMETYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "heic": "image/heic",
    "gif": "image/gif",
    "dcm": "application/dicom",
    "pdf": "application/pdf",
    "txt": "text/plain",
}


def _mimetype(filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return _MIMETYPES.get(ext, "application/octet-stream")


METHODS: dict[str, Handler] = {
    "files.info": files_info,
    "canvases.getContent": canvases_get_content,
    "files.delete": files_delete,
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
}
