"""`VerbalSecretRecognizer` alone (no spaCy): the secrets a caller verifies with, a word with no
digit, after its label, in the reply, spelled and read back (issue 13, `verification_calls` dev
voice); and the labels that give no value."""

from __future__ import annotations

import pytest

from bot.detect.normalise import view
from bot.detect.recognizers.verbal_secrets import VerbalSecretRecognizer, secret_word
from tests.detect.recognizers.tables import found

SECRETS = VerbalSecretRecognizer()


def _spans(text: str) -> set[str]:
    # the recognizers read the normalised view, where "B-R-A-M" is joined ("BRAM")
    seen = view(text).text
    return {span for span, _subtype in found(SECRETS, seen)}


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("on_the_account_is", "the password on the account is bluebird, is that right?", {"bluebird"}),
        ("colon", "her security word: Marigold", {"Marigold"}),
        ("quoted_phrase", "passphrase 'correct horse'", {"correct horse"}),
        ("set_as", "he set the memorable place as Tenby", {"Tenby"}),
        ("equals_quoted", "verbal password = 'sunflower'", {"sunflower"}),
        ("safe_word_is", "the safe word is pineapple", {"pineapple"}),
        ("nickname_possessive", "account nickname Grandma's", {"Grandma's"}),
        ("quoted_possessive", "my account nickname was 'Grandma's'. Can you help?", {"Grandma's"}),
        ("quoted_phrase_read_back", "AGT: the account nickname?\nCUST: it's ‘Nana's pot’ I think.\nAGT: Nana's pot, lovely.", {"Nana's pot"}),
        ("phrase_unquoted", "his passphrase = jam before cream. Advice given", {"jam before cream"}),
        ("nickname_two_words", "account nickname = Holiday fund; passphrase repeated", {"Holiday fund"}),
        ("apostrophe_s", "password's lemonade", {"lemonade"}),
        ("changed_to", "password changed to Walrus at the caller's request", {"Walrus"}),
        ("we_agreed", "the code word we agreed is Mulberry", {"Mulberry"}),
        ("is_it", "my memorable word, is it 'Quokka'?", {"Quokka"}),
        ("first_pet_agreed", "the first pet's name we agreed is Rascal and DOB", {"Rascal"}),
        ("voice_id", 'voice ID enrolled as "Toffee"', {"Toffee"}),
        ("username_dash", "ask for the username - “sparkles”.", {"sparkles"}),
        ("username_underscore", "username on file is bookworm_bea.", {"bookworm_bea"}),
        ("said", "asked for the safe word; resident said “nutmeg”.", {"nutmeg"}),
        ("german", "Kennwort ist Sonnenblume", {"Sonnenblume"}),
        ("french", "mot de passe : tournesol", {"tournesol"}),
        ("spanish", "la contraseña es girasol", {"girasol"}),
        ("portuguese", "senha: girassol", {"girassol"}),
        ("dutch", "wachtwoord: zonnebloem", {"zonnebloem"}),
        ("reply_next_line", "Agent: What's the verbal password?\nCaller: It's sunflower.", {"sunflower"}),
        ("reply_timestamped", "[00:01:12] AGT: And the code word?\n[00:01:15] CUST: I think it's 'Lollipop'.", {"Lollipop"}),
        ("reply_same_line", "Agent: and your memorable word? Caller: it's Kestrel.", {"Kestrel"}),
        ("reply_please", "AGT: I'll need memorable place please.\nCUST: hang on, spell it: l i s b o n.", {"lisbon"}),
        ("spelled_hyphens", "the password is M-A-R-I-G-O-L-D", {"MARIGOLD"}),
        ("spelled_after_label", "hang on, password spelled m a r m o s e t.", {"marmoset"}),
        ("nato", "Caller: it's bravo oscar bravo", {"bravo oscar bravo"}),
        ("letter_for", "Caller: M for mike, A for alpha, R for romeo", {"M for mike, A for alpha, R for romeo"}),
        # issue 13, `account_desk`: letters with their words between dashes
        ("letter_for_dashed", "Caller: V for Victoria - B for Bob - A for apple", {"V for Victoria - B for Bob - A for apple"}),
        ("letters_reply", "Agent: the first and third letters of your password?\nCaller: B and U", {"B and U"}),
        ("letters_inline", "second and fourth letters of her memorable word: A and G", {"A and G"}),
        ("biometric_name", "voice biometric enrolment name: Toffee", {"Toffee"}),
        ("reference_word", "customer ref word: Pelican", {"Pelican"}),
        ("memorable_info", "memorable info: Tenby", {"Tenby"}),
        ("no_article_question", "answer to security question: Rover", {"Rover"}),
        ("bracketed", "Memorable place (Tenby) confirmed", {"Tenby"}),
        ("then_confirmed", "security word Marigold confirmed", {"Marigold"}),
        ("then_agreed", "Care home: family code word BLUEBELL agreed.", {"BLUEBELL"}),
        ("spelt_as", "spelt as S-U-N-F-L-O-W-E-R", {"SUNFLOWER"}),
        ("question_answer_same_line", "Q: What was your first car? A: Corolla", {"Corolla"}),
        ("parent_middle_name", "father's middle name: Aneurin", {"Aneurin"}),
        ("grew_up_on", "street she grew up on: Acacia", {"Acacia"}),
        ("enrolled_under", "voiceprint enrolled under 'Toffee'", {"Toffee"}),
        ("nickname_on_account", "nickname on account: Grandma's", {"Grandma's"}),
        ("read_back", "my security answer is marigold.\nAgent: So that's 'marigold', yes?", {"marigold"}),
    ],
)  # fmt: skip
def test_when_a_secret_word_is_given_then_it_is_found(
    case: str, text: str, expected: set[str]
) -> None:
    assert _spans(text) == expected


def test_when_the_agent_reads_the_secret_back_then_both_mentions_are_found() -> None:
    text = "CUSTOMER: erm... 'zeppelin'\nAGENT: the password on the account is zeppelin?\nAGENT: just to confirm, zeppelin?"
    results = SECRETS.analyze(text, ["ID"])

    assert sorted(r.start for r in results) == [
        m for m in range(len(text)) if text.startswith("zeppelin", m)
    ]


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("reset_link", "the password reset link was sent"),
        ("forgot", "she forgot her password"),
        ("not_set_up", "security question not set up"),
        ("memorable_day", "a memorable day for the family"),
        ("asterisks", "Password: ******"),
        ("redacted", "password: [redacted]"),
        ("not_set_quoted", "password: 'not set'"),
        ("declined", "passphrase declined, caller to ring back"),
        ("must", "the password must be at least eight characters"),
        ("hint", "password hint shown on screen"),
        ("handy", "have you got your passphrase handy?"),
        ("correct", "the password is correct"),
        ("case_sensitive", "the password is case sensitive"),
        ("not_required", "security word is not required for this enquiry"),
        ("answered_correctly", "security questions answered correctly"),
        ("recommended", "a strong password is recommended"),
        ("reply_no", "Agent: do you have your password?\nCaller: no sorry"),
        ("reply_speaker_only", "Agent: what's your password?\nCaller: I don't know"),
        ("reply_question", "Agent: what's your password?\nCaller: can I reset it?"),
        ("reply_sorry", "Agent: what's your memorable word?\nCaller: Sorry?"),
        ("reply_wait", "AGT: and the passcode please.\nCUST: Wait."),
        ("label_spelled", "AGT: the password please.\nCUST: hang on, password spelled out below"),
        ("pet_name_word", "asked for first pet's name; resident could not say"),
        ("german_forgot", "Passwort vergessen, Rückruf erbeten"),
        ("french_forgot", "mot de passe oublié"),
        ("spanish_forgot", "olvidó su contraseña"),
        ("two_nato_words", "Victor Hotel on the corner"),
        ("bracketed_state", "password (reset)"),
        ("update_confirmed", "password update confirmed"),
        ("letters_no_value", "the letters of the password are important"),
        ("first_car_park", "the first car park on the left"),
        ("first_car_was", "first car was a Ford"),
        ("care_plan_favourite", "favourite colour: teal"),
        ("phrase_not_given", "passphrase: not provided today."),
        ("phrase_too_long", "passphrase is too long for the system."),
        ("nickname_blank", "account nickname: left blank."),
    ],
)
def test_when_a_label_gives_no_secret_then_it_is_left_alone(case: str, text: str) -> None:
    assert _spans(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password is bluebird.", True),
        ("password is bluebird and DOB", True),
        ("password is declined", False),
        ("password is case sensitive", False),
        ("password is hint", False),
    ],
)
def test_when_a_word_follows_a_label_then_it_is_a_secret_only_if_it_ends_its_clause(
    text: str, expected: bool
) -> None:
    start = len("password is ")
    end = start + len(text[start:].split()[0].rstrip("."))

    assert secret_word(text, start, end) is expected
