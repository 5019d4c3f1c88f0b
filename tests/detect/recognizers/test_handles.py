"""`HandleRecognizer` alone (no spaCy): usernames after their label and photo file names with
no digit; verbs, English words and generic camera names left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.handles import HandleRecognizer
from tests.detect.recognizers.tables import found

HANDLES = HandleRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("username_plain", "username jdoe", {("jdoe", "MRN")}),
        ("username_is", "her username is mkowalski", {("mkowalski", "MRN")}),
        ("user_id_colon", "User ID: ttrent", {("ttrent", "MRN")}),
        ("english_username_colon", "username: sunshine", {("sunshine", "MRN")}),
        ("english_username_is", "my username is sparkles", {("sparkles", "MRN")}),
        ("english_username_was", "her username was Moonchild", {("Moonchild", "MRN")}),
        ("login_dotted", "login r.okafor", {("r.okafor", "MRN")}),
        ("handle_at", "her handle is @rosiep", {("@rosiep", "MRN")}),
        ("logged_in_as", "he logged in as bwayne_", {("bwayne_", "MRN")}),
        ("screen_name_capitalised", "screen name JKessler", {("JKessler", "MRN")}),
        ("photo_labelled", "photo: kowalski.jpg", {("kowalski.jpg", "MRN")}),
        ("image_file_labelled", "image file anna_front.png", {("anna_front.png", "MRN")}),
        ("file_name_in_parts", "see maria_lopez.heic", {("maria_lopez.heic", "MRN")}),
    ],
)
def test_when_a_handle_or_photo_name_is_written_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(HANDLES, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("handle_verb", "can you handle the referral"),
        ("handle_verb_word", "please handle discharge today"),
        ("handle_a_name", "can you handle Maria's meds"),
        ("login_failed", "login failed again on the ward PC"),
        ("login_page", "the login page is down"),
        ("username_and_password", "username and password reset"),
        ("username_is_function_word", "the username is the email address on file"),
        # "handle" and "login" are also a door's and a screen's: an English word after them is not
        ("door_handle_is", "the door handle is broken"),
        ("login_colon_word", "login: slow again today"),
        ("english_after_verb_label", "handle with care"),
        ("generic_photo", "photo: IMG.jpg"),
        ("screenshot", "attached screenshot.png"),
        ("wound_photo", "wound_photo.png from this morning"),
        ("words_file", "see error_message.png"),
    ],
)
def test_when_a_label_or_file_names_nobody_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(HANDLES, text) == set()


def test_when_a_named_photo_is_saved_as_jfif_or_avif_then_it_is_found() -> None:
    # issue 13, identifiers pass: one list of image formats for every photo-file rule
    text = "photo: lopez_face.jfif and maria_lopez.avif"
    assert {span for span, _subtype in found(HANDLES, text)} == {
        "lopez_face.jfif",
        "maria_lopez.avif",
    }


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("selfie", "selfie.jpg attached", "selfie.jpg"),
        ("headshot", "sent headshot.png", "headshot.png"),
        ("profile_photo", "uploaded profile_photo.heic", "profile_photo.heic"),
        ("passport_hyphen", "passport-photo.jpeg on file", "passport-photo.jpeg"),
        ("face", "it's face.jpeg", "face.jpeg"),
        ("id_photo", "ID_photo.png", "ID_photo.png"),
        ("id_photo_glued", "IDphoto.png", "IDphoto.png"),
        ("photo_of_me", "photo_of_me.jpg", "photo_of_me.jpg"),
        ("camel_face", "myFace.png", "myFace.png"),
        ("face_front", "face_front.jpg", "face_front.jpg"),
        ("labelled_selfie", "photo: selfie.jpg", "selfie.jpg"),
        # issue 13, `account_desk`: any file after a face photo's label
        ("profile_picture_brackets", "uploaded a profile picture (mark.jpeg) and", "mark.jpeg"),
        ("headshot_colon", "ID check: headshot: front.JPG matched", "front.JPG"),
        ("photo_id_scan", "photo ID scan front.jpg", "front.jpg"),
        ("id_photo_scan_stem", "ID photo scan_front.jpg rejected", "scan_front.jpg"),
        ("selfie_for_check", "selfie for the ID check: me.jpg", "me.jpg"),
        ("passport_uploaded_as", "passport photo uploaded as tiffany.jpg", "tiffany.jpg"),
        ("portal_profile", "the picture for the portal profile, front.png,", "front.png"),
    ],
)
def test_when_a_file_calls_itself_a_photo_of_a_face_then_it_is_found(
    case: str, text: str, expected: str
) -> None:
    # issue 13, traits pass: Safe Harbor item 17 is the face, whatever else the name says
    assert {span for span, _subtype in found(HANDLES, text)} == {expected}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("face_rash", "face_rash.jpg for derm"),
        ("face_wound", "face_wound_photo.png"),
        ("rash_photo", "rash_photo.png attached"),
        ("lesion", "lesion.jpg sent"),
        ("surface", "surface.png"),
        ("interface", "interface_error.png"),
        ("bare_name", "anna.jpg"),
        # issue 13, `account_desk`: a rash's photo is of no face (Safe Harbor item 17)
        ("photo_of_rash", "see photo of the rash on the portal"),
        ("rash_file", "rash.jpg attached for the dermatology team"),
        ("selfie_of_rash", "selfie of the rash: rash_arm.jpg"),
        ("wound_after_label", "profile photo declined; wound.png for the nurse"),
    ],
)
def test_when_a_photo_shows_a_wound_or_no_face_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(HANDLES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "account"),
    [
        ("failed_login_from_ip", "Failed login for jsmith from 10.2.3.4.", "jsmith"),
        (
            "lockout_dotted",
            "Portal lockout for zoe.poole from 155.23.112.181 at 09:14.",
            "zoe.poole",
        ),
        ("reset_requested", "Password reset requested for mary.jones (IP 10.0.0.1).", "mary.jones"),
        ("first_name_digits", "MFA reset for tom42, requested by phone.", "tom42"),
        ("account_locked", "Account r_patel locked after 5 attempts.", "r_patel"),
        ("user_signed_in", "User emily78 signed in from 89.89.189.186.", "emily78"),
        ("logged_in", "[09:14] zoe.poole logged in from 155.23.112.181", "zoe.poole"),
        ("attempt_by", "Login attempt by kmarshall blocked.", "kmarshall"),
        ("session_expired", "Session for csnyder expired.", "csnyder"),
        ("hyphenated", "Unlock request for demi-lee97 approved.", "demi-lee97"),
        ("two_initials", "Sign-in for todriscoll failed (bad password).", "todriscoll"),
        ("code_sent_to", "2FA code sent to dhudson.", "dhudson"),
        ("initial_after", "Unlock request for mcnaughtonc7 approved.", "mcnaughtonc7"),
    ],
)
def test_when_a_log_names_an_account_with_no_label_then_it_is_found(
    case: str, text: str, account: str
) -> None:
    assert (account, "MRN") in found(HANDLES, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("article", "Failed login for the ward PC from the library."),
        ("english_word", "Password reset for staff from IT."),
        ("plural_no_name", "Session for carers from 2pm."),
        ("abbreviation", "Access to physio is by referral."),
        ("disease", "Access for covid-19 patients is by referral."),
        ("hyphenated_words", "Audit of ward-based care for follow-up clinics."),
        ("lab_test", "Audit of hba1c results by t2dm status."),
        ("x_ray", "Reset for x-ray machines."),
        ("system_account", "Login for admin from 10.1.1.1."),
        ("capitalised", "Login for Admin from 10.1.1.1."),
    ],
)
def test_when_a_log_s_word_is_no_account_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(HANDLES, text) == set()
