"""The rules knowledge base behind `/phi rules [topic]`, the App Home and `docs/rules.md`.

Written in phiwarden's own words from the clinical sharing guidance the project follows
(see `docs/rules.md` for the sources). Every notice the bot sends names one of these topics
(`Action.rule`), so a clinician who is stopped can read why in one click.
`render_markdown()` produces `docs/rules.md`; a test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where the long form lives; deployments may point this at their intranet copy.
DEFAULT_DOCS_URL = "https://github.com/phiwarden/phiwarden/blob/main/docs/rules.md"


@dataclass(frozen=True, slots=True)
class RuleTopic:
    """One topic: a title, a one-line summary, the points, and optional titled sub-lists."""

    key: str
    title: str
    summary: str
    points: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def anchor(self) -> str:
        """The GitHub-style heading anchor of this topic in `docs/rules.md`."""
        return slug(self.title)

    def url(self, base_url: str = DEFAULT_DOCS_URL) -> str:
        return f"{base_url}#{self.anchor}"


def slug(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


_TOPICS: tuple[RuleTopic, ...] = (
    RuleTopic(
        key="approved",
        title="Approved channels",
        summary=(
            "Identifiable patient details belong only in channels your institution has approved "
            "for clinical care. Everywhere else, de-identify first."
        ),
        points=(
            "Sharing for direct care inside the institution's secure systems (the record, PACS, "
            "approved clinical messaging) is covered by the patient's treatment consent.",
            "A Slack channel counts as one of those systems only when your institution has "
            "approved it for PHI (for example under its messaging policy and business associate "
            "agreement). phiwarden marks such channels as approved.",
            "No other channel is approved, and neither is any Slack Connect channel or DM: "
            "identifiable details there need written consent and a HIPAA authorization first.",
            "Even in an approved channel, share only what the care team needs, and check images "
            "for name, MRN and date-of-birth banners before you post.",
            "Only workspace admins, owners and the configured phiwarden admins can mark a channel "
            "approved (`/phi approve`); each change is recorded with who made it and when.",
        ),
        aliases=(
            "approval",
            "approved channel",
            "approved channels",
            "secure",
            "channels",
            "channel",
        ),
    ),
    RuleTopic(
        key="consent",
        title="Patient consent",
        summary=(
            "Before identifiable material leaves the care setting, the patient's written consent "
            "must cover six things."
        ),
        points=(
            "Every intended use was discussed, one by one: the record only, teaching, "
            "publication, an external consult.",
            "The patient saw the actual image or text that will be shared.",
            "The patient understood that once something is shared electronically or published it "
            "can never be fully taken back.",
            "The patient received written documentation, including how to contact the team to "
            "withdraw consent later.",
            "This consent was taken separately from consent for surgery or treatment, so the "
            "patient did not feel pressed to agree.",
            "It is documented that saying no will not change the patient's care in any way.",
        ),
        aliases=(
            "consents",
            "attest",
            "attestation",
            "permission",
            "authorization",
            "authorisation",
        ),
    ),
    RuleTopic(
        key="images",
        title="Clinical images",
        summary=(
            "Photos leak identifiers people do not notice: check the whole frame, the corners and "
            "the file itself before sharing."
        ),
        points=(
            "The classic slip: a phone photo of a monitor catches the name, MRN and date-of-birth "
            "banner in a corner of the screen.",
            "Look for wristbands, labels, charts, whiteboards, screens and faces in the background.",
            "Distinctive features (a tattoo, a rare injury, an unusual finding) can identify a "
            "patient on their own.",
            "Files carry hidden details: photo metadata (EXIF) and DICOM headers can hold names, "
            "dates and IDs. The redacted copies phiwarden makes are saved without it.",
            "Crop or redact before sharing and post in an approved channel; outside one, images "
            "need written consent and a HIPAA authorization first.",
        ),
        aliases=(
            "image",
            "photo",
            "photos",
            "pictures",
            "picture",
            "monitor",
            "screenshot",
            "screenshots",
            "dicom",
            "xray",
            "x-ray",
            "scan",
        ),
    ),
    RuleTopic(
        key="external",
        title="External sharing",
        summary=(
            "Slack Connect channels, DMs outside the care team and any outside platform need the "
            "patient's written consent and a HIPAA authorization first."
        ),
        points=(
            "That includes outside websites, apps and diagnostic services run by third "
            "parties, as well as email, text messages and any other insecure route.",
            "It covers social media too, even for education, and any teaching, publication or "
            "research use.",
            "In Slack: any channel your institution has not approved, any Slack Connect channel "
            "shared with another organisation, and direct messages with people who are not part "
            "of the patient's care team.",
        ),
        sections=(
            (
                "Check with your institution before sharing outside it",
                (
                    "Talk to risk management or the compliance office.",
                    "Confirm the platform meets HIPAA security requirements.",
                    "Make sure outside consultants are credentialed and licensed.",
                    "Stick to the hospital's own rules on photography and social media.",
                    "Document why the outside consultation is clinically necessary.",
                ),
            ),
        ),
        aliases=(
            "external sharing",
            "share",
            "sharing",
            "slack connect",
            "connect",
            "outside",
            "dm",
            "dms",
            "direct message",
            "social media",
        ),
    ),
    RuleTopic(
        key="identifiers",
        title="What identifies a patient",
        summary=(
            "A name is not needed to identify someone: two or more small details together can be "
            "enough (the combination rule)."
        ),
        points=(
            'Dates of service, including relative ones such as "today", "yesterday" or '
            '"last night".',
            "The institution's name or a small area: city, neighbourhood, ward.",
            "Practitioner names, or a unique clinical feature (rare condition, distinctive injury, "
            "tattoo).",
            'An exact age: give a range instead, such as "in her 60s" or "elderly".',
            "Record numbers and birth dates, which monitors and image overlays often display.",
        ),
        sections=(
            (
                "HIPAA Safe Harbor: the 18 identifiers (45 CFR 164.514(b)(2))",
                (
                    "Names.",
                    "Places smaller than a state: street, city, county, ZIP code (only the first "
                    "three digits of a large ZIP area may stay).",
                    "Every part of a date except the year (birth, admission, discharge, death, "
                    "service), and any age over 89.",
                    "Telephone numbers.",
                    "Fax numbers.",
                    "Email addresses.",
                    "Social Security numbers.",
                    "Medical record numbers.",
                    "Health plan beneficiary numbers.",
                    "Account numbers.",
                    "Certificate and licence numbers.",
                    "Vehicle identifiers, including licence plates.",
                    "Device identifiers and serial numbers.",
                    "Web addresses (URLs).",
                    "IP addresses.",
                    "Biometric identifiers such as fingerprints and voice prints.",
                    "Full-face photographs and comparable images.",
                    "Any other unique identifying number, characteristic or code.",
                ),
            ),
        ),
        aliases=(
            "ids",
            "id",
            "identifier",
            "phi",
            "combination",
            "combination rule",
            "safe harbor",
            "safe harbour",
            "hipaa",
            "18",
            "deidentify",
            "de-identify",
            "redact",
        ),
    ),
    RuleTopic(
        key="alternatives",
        title="Safe alternatives",
        summary="Ways to get a second opinion without putting identifiable details in the wrong place.",
        points=(
            "Use the institution's secure telemedicine or teleconsultation system.",
            "Request a formal consult with a credentialed specialist through PACS.",
            "Use hospital-approved secure messaging between providers.",
            "Bring outside images into the hospital's own imaging system under its import "
            "procedure, so they can be re-read there.",
            "In Slack: post a de-identified version (phiwarden can make one for you), or move the "
            "discussion to an approved channel.",
        ),
        aliases=("alternative", "instead", "options", "safe", "what can i do"),
    ),
    RuleTopic(
        key="consequences",
        title="Why it matters",
        summary="Sharing patient details in the wrong place has real consequences for patients and for you.",
        points=(
            "56% of US state medical boards have disciplined doctors for unprofessional conduct "
            "online.",
            "14% of UK GMC investigations into social media use ended with a suspended or "
            "restricted licence.",
            "Other outcomes include fines, lawsuits, criminal penalties, damage to reputation, and "
            "restriction or loss of a licence.",
            "Above all, patients trust that what they show their care team stays with it.",
        ),
        aliases=("consequence", "why", "risk", "risks", "penalties", "penalty", "fines"),
    ),
    RuleTopic(
        key="checks",
        title="How phiwarden checks posts",
        summary=(
            "phiwarden reads new posts, edits and files where it is installed and acts on them "
            "according to the channel's policy."
        ),
        points=(
            "It looks for names, dates, exact ages, ID numbers, contact details, places, room and "
            "bed numbers, and in images for banners, faces and file metadata.",
            "What happens next depends on the channel: allow, redact (replace with a "
            "de-identified copy), block, or confirm (hide the post until you attest consent).",
            "Files it cannot read (an unsupported type or too large) are handled by the "
            "channel's policy for unscannable files, because their contents cannot be checked.",
            "If the checker itself fails, the post is treated with the channel's failure "
            "action: in clinical channels it errs on the side of the patient.",
            "Its records hold only ids, the kinds of detail found, counts and the action taken. "
            "The words of a post are kept only while it waits to be checked or while it is "
            "hidden for your answer (at most the confirm timeout), encrypted, and erased "
            "after; images are never kept, only Slack's link to them.",
        ),
        aliases=(
            "check",
            "files",
            "file",
            "unscannable",
            "failure",
            "privacy",
            "how",
            "phiwarden",
            "bot",
            "policy",
        ),
    ),
)

_BY_NAME: dict[str, RuleTopic] = {}
for _t in _TOPICS:
    for _name in (_t.key, _t.title, *_t.aliases):
        _BY_NAME.setdefault(re.sub(r"\s+", " ", _name.strip().lower()), _t)


def all_topics() -> tuple[RuleTopic, ...]:
    """Every topic, in reading order."""
    return _TOPICS


def topic_keys() -> tuple[str, ...]:
    return tuple(t.key for t in _TOPICS)


def topic(name: str) -> RuleTopic | None:
    """The topic for a key, title or alias ("external sharing", "ids", "phi"), else None."""
    normal = re.sub(r"\s+", " ", name.strip().lower())
    if normal in _BY_NAME:
        return _BY_NAME[normal]
    # "rules for images" / "image rules": accept a known word inside a short phrase.
    for word in normal.split(" "):
        if word in _BY_NAME and word not in ("for", "the"):
            return _BY_NAME[word]
    return None


def render_markdown() -> str:
    """`docs/rules.md`: every topic as a heading with its summary, points and sub-lists."""
    lines = [
        "# Sharing patient information in Slack: the rules phiwarden explains",
        "",
        "<!-- Generated by `python -m bot.rules > docs/rules.md`; edit bot/rules.py instead. -->",
        "",
        "Ask the bot for any topic with `/phi rules <topic>`. Topics:",
        "",
    ]
    lines += [f"- [{t.title}](#{t.anchor}) (`/phi rules {t.key}`)" for t in _TOPICS]
    for t in _TOPICS:
        lines += ["", f"## {t.title}", "", t.summary, ""]
        lines += [f"- {p}" for p in t.points]
        for heading, points in t.sections:
            lines += ["", f"### {heading}", ""]
            lines += [f"- {p}" for p in points]
    lines += [
        "",
        "## Sources",
        "",
        "Summarised from clinician-facing guidance on sharing patient images for diagnostic "
        "assistance (Dr.Oracle Medical Advisory Board, updated February 2026), which cites "
        "institutional guidance and a 2025 review of social media posting by healthcare "
        "professionals, and from the HIPAA Privacy Rule's Safe Harbor method, 45 CFR "
        "164.514(b)(2). This page explains; your institution's policies decide.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(), end="")
