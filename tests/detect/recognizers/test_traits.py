"""`TraitRecognizer` alone (no spaCy): identifying characteristics and codes written in letters
only, and a photo of a face in words (issue 13, `traits` dev voice); and the scars, tattoos,
photos and capitals that identify nobody."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.traits import TraitRecognizer
from tests.detect.recognizers.tables import found

TRAITS = TraitRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("tattoo_reading", "a tattoo reading 'MAGGIE' on his left forearm",
         "tattoo reading 'MAGGIE' on his left forearm"),
        ("motif_placed", "spider-web tattoo on the right elbow", "spider-web tattoo on the right elbow"),
        ("motif_adjectives", "has a faded blue anchor tattoo", "faded blue anchor tattoo"),
        ("tattoo_of", "tattoo of a dragon on his back", "tattoo of a dragon on his back"),
        ("quoted_tattooed", '"MUM" tattooed across the knuckles', '"MUM" tattooed across the knuckles'),
        ("name_tattoo", "a Kayleigh tattoo on the chest", "Kayleigh tattoo on the chest"),
        ("shoulder_blade", "rose tattoo on the right shoulder blade", "rose tattoo on the right shoulder blade"),
        ("side_of_neck", "a large brown birthmark over the left side of the neck",
         "large brown birthmark over the left side of the neck"),
        ("port_wine", "port-wine birthmark on his left cheek", "port-wine birthmark on his left cheek"),
        ("shaped_like", "birthmark shaped like a star on the left shoulder",
         "birthmark shaped like a star on the left shoulder"),
        ("engraved", "a bracelet engraved ROSIE", "bracelet engraved ROSIE"),
        ("st_christopher", 'gold St Christopher pendant inscribed "Born Free"',
         'gold St Christopher pendant inscribed "Born Free"'),
        ("hyphenated_words", "tattoo saying Ellie-May on their chest",
         "tattoo saying Ellie-May on their chest"),
        ("five_words", "tattoo saying Only God Can Judge Me", "tattoo saying Only God Can Judge Me"),
        ("engraved_quoted", "gold ring engraved 'Forever Jack'", "gold ring engraved 'Forever Jack'"),
        ("words_on_it", "a locket with 'Nana' on it", "locket with 'Nana' on it"),
        ("initials", "signet ring with the initials J.B.", "signet ring with the initials J.B."),
        ("marks_cue", "distinguishing marks: scar through the left eyebrow; wears glasses",
         "scar through the left eyebrow"),
        ("identifiable_by", "identifiable by a gold front tooth, last seen", "gold front tooth"),
        ("known_as", "known as 'Tiny'", "Tiny"),
        ("goes_by", "goes by Spud", "Spud"),
        ("aka", 'AKA "Smiler"', "Smiler"),
        ("code_word", "code word BLUEBELL", "BLUEBELL"),
        ("family_code_word", "family code word: HEDGEHOG", "HEDGEHOG"),
        ("callsign", "radio callsign SNOWDROP", "SNOWDROP"),
        ("password_word", "the password for the Lifeline account is rhubarb", "rhubarb"),
        ("face_photo", "a picture of his face is attached", "picture of his face"),
        ("face_photo_emailed", "the photo of her face she emailed", "photo of her face she emailed"),
        ("passport_photo", "her passport photo is on file", "her passport photo"),
        ("headshot_sent", "the headshot she sent", "the headshot she sent"),
        ("photo_of_him", "a photo of him is on file", "photo of him"),
        ("picture_of_herself", "she sent a picture of herself", "picture of herself"),
        ("photo_of_patient", "photo of the patient attached", "photo of the patient"),
        ("callers_photo", "the caller's photo is attached", "the caller's photo"),
        ("his_photo", "his photo was uploaded to the portal", "his photo"),
    ],
)  # fmt: skip
def test_when_a_characteristic_code_or_face_photo_is_written_then_it_is_found(
    case: str, text: str, expected: str
) -> None:
    assert {span for span, _subtype in found(TRAITS, text)} == {expected}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("no_tattoos", "no rashes or tattoos"),
        ("no_tattoo_placed", "no tattoo on the arms"),
        ("removal", "referred for tattoo removal consult"),
        ("small_tattoo", "a small tattoo"),
        ("radiotherapy", "radiotherapy tattoo marks checked"),
        ("lone_birthmark", "a large birthmark"),
        ("no_birthmark", "no birthmark on the face"),
        ("laparotomy", "midline laparotomy scar, well healed"),
        ("sternotomy", "old sternotomy scar"),
        ("no_marks", "no distinguishing marks"),
        ("marks_none", "distinguishing marks: none"),
        ("wound_photo", "photo of the wound attached"),
        ("face_rash_photo", "photo of her face rash for derm"),
        ("syndrome", "also known as Takotsubo syndrome"),
        ("known_as_lower", "known as a frequent attender"),
        ("password_reset", "password reset for the ward PC done"),
        ("password_sent", "password sent separately by text"),
        # a word after the cue that does not end its clause, or a state, is no code word
        ("password_hint", "password hint shown on screen"),
        ("password_must", "the password must be at least eight characters"),
        ("safe_word_explained", "safe word explained to family"),
        ("passphrase_repeated", "passphrase repeated three times"),
        ("passphrase_handy", "have you got your passphrase handy?"),
        ("crew_callsign", "crew callsign Delta 41 on scene"),
        ("crew_callsign_spoken", "callsign Alpha two one, ETA 10 min"),
        ("wedding_ring", "wearing a wedding ring"),
        ("capitals", "URGENT - NO KNOWN ALLERGIES"),
        ("selfie_feature", "The selfie upload feature is down"),
        ("photo_of_her_leg", "a photo of her leg ulcer"),
        ("patients_wound", "photo of the patient's wound attached"),
        ("her_photo_of_rash", "her photo of the rash"),
        ("photo_id", "her photo ID was checked"),
        ("photo_consent", "her photo consent signed"),
    ],
)
def test_when_a_mark_photo_or_word_identifies_nobody_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(TRAITS, text) == set()


def test_when_a_motif_word_holds_a_keyword_then_the_mark_is_read_from_the_last_one() -> None:
    # "portrait" holds "port": the tattoo, not a port-wine stain, is the mark
    assert {s for s, _ in found(TRAITS, "a portrait tattoo on the chest")} == {
        "portrait tattoo on the chest"
    }
