"""Names in lists (issue 13's chat names pass, `handoff_dev` dev voice): a bed list or a night
list names several patients by surname after one label ("beds 3/4: Ruiz, Patel", "mokoena +
kehukemai"); a word beside a found name across a list's joint is a name of the same list, even a
listed name that is also a word ("Swift"), where the list's shape says it is a list."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after the name, across a comma, a plus or "and"
        ("resus 16 & 17 & 18: Kang, Swift, Kimura all waiting on echo", "Swift"),
        ("ICU 10/11 = Łosiewicz, Mall both boarding in ED", "Mall"),
        ("night list: resus 11,12,13 - swift, zoyakwigwim, maruszczak, all stable", "swift"),
        ("night list: resus 11,12,13 - swift, zoyakwigwim, maruszczak, all stable", "zoyakwigwim"),
        ("rm 9 & 10 - mai + kamau both boarding in ed", "mai"),
        ("RM 18 & 19 = TRẦN, SWIFT BOTH BOARDING IN ED", "SWIFT"),
        # before the name
        ("bays 1/2 - Mokoena, Ostręga to step down in the morning", "Mokoena"),
        ("cdu 11,12 kamau, khitsuchelsuren all waiting on echo", "khitsuchelsuren"),
        ("CDU 2,3 - dabrowski and zachwieja to step down", "dabrowski"),
        ("Okafor, Patel and Nguyen all stable", "Patel"),
    ],
)
def test_when_a_word_stands_in_a_list_of_names_then_it_is_a_name(text: str, name: str) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a comma after a name opens a clause, not a list, when no joint or bed number says so
        ("handing over Okafor, ESRD on HD, on heparin", "ESRD"),
        ("spoke to okafor, will call back", "will"),
        ("saw Okafor, Rose ward is full", "Rose"),
        ("bed 3: Okafor, Heparin at 18 units", "Heparin"),
        # a drug or a service joined to a name
        ("Okafor and Tylenol at 2200", "Tylenol"),
        ("Okafor + ICU outreach", "ICU"),
        ("beds 3/4: Okafor, Mark the fluid balance", "Mark"),
        # a list of words that are names, with no name to anchor it
        ("Hope, Faith and Charity", "Faith"),
    ],
)
def test_when_a_word_beside_a_name_is_no_list_member_then_it_is_no_name(
    text: str, word: str
) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name right before an age written beside a sex letter, as a handoff line writes it
        ("Seo (F 60) fall from standing, on apixaban", "Seo"),
        ("Smith F/70 vomiting in bed 28", "Smith"),
        ("WALTERS M 19 VOMITING IN BED 13", "WALTERS"),
        ("Lorenz (53 y F) fall from standing", "Lorenz"),
        ("norman m 48 vomiting in slot 21", "norman"),
    ],
)
def test_when_an_age_beside_a_sex_follows_a_name_then_it_is_a_name(text: str, name: str) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        # a condition, a person word or a seat before the age, or a ratio after the letter
        "Stroke F/70 to CT",
        "Sepsis M 19 in resus",
        "Hip fx 75/F for theatre",
        "Patient F/70 in bay 2",
        "Bay F 60/40 split",
    ],
)
def test_when_an_age_beside_a_sex_follows_no_name_then_no_name(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


@pytest.mark.parametrize(
    "text",
    [
        # an organism in a name's place: no word list holds them all, their endings say it
        "bay 4 closed for norovirus",
        "Rose ward closed for Norovirus",
        "contact precautions for enterococcus",
        "isolate for acinetobacter",
    ],
)
def test_when_an_organism_stands_where_a_name_would_then_no_name(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [("labs for Viruet pending", "Viruet"), ("stool sent for Okafor, bay 3", "Okafor")],
)
def test_when_a_name_stands_in_the_organisms_place_then_it_is_still_a_name(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a relative named by whose relative she is: the owner is a name too
        ("Baker's Moa is staying for the whole infusion", "Baker"),
        ("Love's Drew is staying for the whole infusion", "Love"),
        ("Okonkwo's Maria is asking for an update", "Okonkwo"),
    ],
)
def test_when_a_found_name_is_someones_then_the_owner_is_a_name(text: str, name: str) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the patient's Maria is here", "patient"),
        ("Parkinson's Maria Lopez is on the list", "Parkinson"),
        ("Monday's Maria Lopez moved to Tuesday", "Monday"),
        ("Mum's Maria Lopez is on the ward", "Mum"),
    ],
)
def test_when_a_found_name_is_owned_by_a_word_then_the_word_is_no_name(
    text: str, word: str
) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spoke with chukwu's noshutim at 958-711-7670, will call back", "noshutim"),
        ("spoke with frost's jorge at +1 694 216 5300, will call back", "frost"),
    ],
)
def test_when_the_unit_spoke_with_someones_relative_then_both_are_names(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("spoke with okafor's daughter at 958-711-7670", "daughter"),
        ("Okafor's entyvio is due at 2", "entyvio"),
        ("spoke with the patient's jorge", "patient"),
    ],
)
def test_when_someones_thing_follows_a_name_then_it_is_no_name(text: str, word: str) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}
