"""`ForeignAddressRecognizer` alone (no spaCy): every USPS suffix in Title Case, European
street orders, postcodes before the town."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.streets import ForeignAddressRecognizer
from tests.detect.recognizers.tables import found

STREETS = ForeignAddressRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "usps_plural_unit",
            "at 326 James Parkways Apt. 727;",
            {("326 James Parkways Apt. 727", "ADDRESS")},
        ),
        ("usps_mount", "at 06915 Tyler Mount;", {("06915 Tyler Mount", "ADDRESS")}),
        ("glued", "in Hauptstraße 12, Berlin", {("Hauptstraße 12", "ADDRESS")}),
        (
            "glued_boulevard",
            "pickup Noortjeboulevard 98 | drop",
            {("Noortjeboulevard 98", "ADDRESS")},
        ),
        ("type_first", "to Calle de Alcalá 42 now", {("Calle de Alcalá 42", "ADDRESS")}),
        (
            "type_first_comma_floor",
            "Piazza Stefania, 62 Appartamento 2",
            {("Piazza Stefania, 62 Appartamento 2", "ADDRESS")},
        ),
        ("number_first", "Livraison : 9, avenue de Guérin", {("9, avenue de Guérin", "ADDRESS")}),
        (
            "postcode_town",
            "Hauptstraße 12, 10115 Berlin.",
            {("Hauptstraße 12", "ADDRESS"), ("10115 Berlin", "ZIP")},
        ),
        (
            "postcode_hyphen_town",
            "rue X 3, 56266 Laurent-les-Bains.",
            {("56266 Laurent-les-Bains", "ZIP")},
        ),
        (
            "caseless",
            "मधु, 2246 संदीप जैन, 121920 फतहपुर.",
            {("2246 संदीप जैन", "ADDRESS"), ("121920 फतहपुर", "ZIP")},
        ),
    ],
)
def test_when_an_address_is_written_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(STREETS, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("lower_case_usps", "give 4 pine nuts and rest"),
        ("count_after_comma", "gave 4 units, 1000 Units total"),
        ("no_clause_end", "at 5, 1200 Main meeting moved"),
        ("boulevard_alone", "the Boulevard 4 lanes are shut"),
    ],
)
def test_when_a_number_precedes_a_word_then_it_is_no_address(case: str, text: str) -> None:
    assert found(STREETS, text) == set()


def test_when_a_street_has_a_building_unit_then_the_unit_is_part_of_the_address() -> None:
    assert ("3078 S. Grange Hall Street, Bldg 347F", "ADDRESS") in found(
        STREETS, "at 3078 S. Grange Hall Street, Bldg 347F and"
    )


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("county_road_house", "Lives at 6712 County Road 174.", "6712 County Road 174"),
        ("rural_route_box", "Also Rural Route 9, Box 14 and", "Rural Route 9, Box 14"),
        ("highway_contract_box", "Home: HC 67 Box 960, Orrin", "HC 67 Box 960"),
        ("highway_direction", "Deliver to 4872 Hwy 57 S, East Callow", "4872 Hwy 57 S"),
        ("farm_to_market_after_off", "gravel drive off FM 2672, 3 mi", "FM 2672"),
        ("state_route", "off State Route 68;", "State Route 68"),
        ("block_of", "Directions: 400 block of Mulberry Road;", "400 block of Mulberry Road"),
        ("unit_with_letter", "at 3336 Wolf Run Pike, Apt. 9-B.", "3336 Wolf Run Pike, Apt. 9-B"),
    ],
)
def test_when_a_rural_or_numbered_road_is_written_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(STREETS, text)}


@pytest.mark.parametrize(
    "text", ["RR 18, HR 80", "took highway 20 minutes", "on the highway 2 hrs", "the SR 2 views"]
)
def test_when_a_road_word_is_a_vital_or_a_duration_then_it_is_no_address(text: str) -> None:
    assert found(STREETS, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("house_range", "resume at 91-33 Hughes Highway #168 after", "91-33 Hughes Highway #168"),
        ("half_number", "then 1053 1/2 Thompson Parkway (Ames)", "1053 1/2 Thompson Parkway"),
        ("grid_prefix", "at E990 Brown Road, Frances", "E990 Brown Road"),
        ("direction_after", "then 39770 Garcia Hollow SE.", "39770 Garcia Hollow SE"),
        ("two_units", "4712 Stone Port Apt. 353 #238\nLake", "4712 Stone Port Apt. 353 #238"),
        ("flat_first", "to Flat 10, 99 Griffin Mews, Ely", "Flat 10, 99 Griffin Mews"),
        ("ordinal_name", "at 57329 49th Row Apt 15B; card", "57329 49th Row Apt 15B"),
        ("lettered_county_road", "S1064 County Rd M\nRm 193", "S1064 County Rd M\nRm 193"),
        ("utah_grid", "Home: 457 W 5600 E, Unit 4", "457 W 5600 E, Unit 4"),
        ("military_box", "Joshua Berry\nPSC 5489, Box 5917\nDPO AA", "PSC 5489, Box 5917"),
        ("military_unit_box", "Unit 6046 Box 7010\nFPO AP 47068", "Unit 6046 Box 7010"),
        ("rue_number_range", "relocated to 198-7947 rue Collins, Sault", "198-7947 rue Collins"),
    ],
)
def test_when_an_address_has_a_range_half_grid_or_unit_shape_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(STREETS, text)}


@pytest.mark.parametrize(
    "text", ["give 2-3 tabs q4h and N95 masks", "N95 Mask Fit Day", "BP 120 S 80 E"]
)
def test_when_a_grid_or_range_shape_has_no_street_then_it_is_no_address(text: str) -> None:
    assert found(STREETS, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("polish_postcode_town", "ul. Lawendowa 100\n28-215 Radom", "28-215 Radom"),
        ("polish_plac", "plac Poniatowskiego 23\n91-104 Łódź", "plac Poniatowskiego 23"),
        ("austrian_particles", "Ring 1\n2393 Spittal an der Drau", "2393 Spittal an der Drau"),
        ("brazil_cep_town", "Rua Azevedo, 1\n92174-218 Peixoto", "92174-218 Peixoto"),
        (
            "italian_postcode_comma_town",
            "Viale Nicola, 6\n20157, Vialba (MI)",
            "20157, Vialba (MI)",
        ),
        (
            "spanish_town_comma_postcode",
            "Paseo Nélida Arnaiz 367\nMelilla, 05139",
            "Melilla, 05139",
        ),
        ("dutch_glued_baan", "Alexanderbaan 7\n9837MU\nEeserveen", "Alexanderbaan 7"),
        ("dutch_postcode_line", "Alexanderbaan 7\n9837MU\nEeserveen", "9837MU"),
        ("danish_alle", "Olympos Allé 4\n3879 Thisted", "Olympos Allé 4"),
        ("mexican_state_postcode", "Depto. 218\nVieja Mónaco, GTO 81003", "81003"),
        (
            "spanish_units",
            "Calle Maldivas 616 Edif. 630 , Depto. 494",
            "Calle Maldivas 616 Edif. 630 , Depto. 494",
        ),
    ],
)
def test_when_a_european_or_latin_american_address_is_written_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(STREETS, text)}


@pytest.mark.parametrize(
    "text", ["Total, 12345\nnext", "1000 Units\nmore", "Dose 1234 AB given", "counted 12-345 cells"]
)
def test_when_a_number_and_a_word_only_look_like_a_postcode_and_town_then_nothing_is_found(
    text: str,
) -> None:
    assert found(STREETS, text) == set()


# The street types of British, Irish and Australasian addresses that Publication 28 does not
# list (issue 13, `clinic_letters` dev voice), in Title Case after a house number and a name.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("close", "pick-up 08:15 from 167 Gupta Close, then", "167 Gupta Close"),
        ("parade", "lives at 4 Harbour Parade with", "4 Harbour Parade"),
        ("pathway", "Tristan Martinez, 7 Myers Pathway, 2929 East Tony", "7 Myers Pathway"),
        ("rise_flat", "Flat 3, 12 Kestrel Rise, Galway", "Flat 3, 12 Kestrel Rise"),
    ],
)
def test_when_a_british_street_type_ends_an_address_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(STREETS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("close_contacts", "had 4 Close contacts at work"),
        ("lower_case", "4 close friends rise early"),
        ("no_name_before_type", "seen 3 Parade staff"),
    ],
)
def test_when_a_british_street_type_is_a_word_then_it_is_no_address(case: str, text: str) -> None:
    assert found(STREETS, text) == set()


# Romanian street types before the name, with "Nr." before the number, and Italian canals
# (issue 13, `intake_desk` dev voice).
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        (
            "romanian_boulevard_nr",
            "Address now Bulevardul Dorian Barbu Nr. 92, Fagaras",
            "Bulevardul Dorian Barbu Nr. 92",
        ),
        (
            "romanian_strada_nr",
            "Strada Mihai Eminescu nr. 12, Cluj",
            "Strada Mihai Eminescu nr. 12",
        ),
        ("romanian_calea", "Calea Victoriei 12, București", "Calea Victoriei 12"),
        ("italian_canal", "Address now Canale Camilla, 138, Bolgheri", "Canale Camilla, 138"),
    ],
)
def test_when_a_romanian_or_italian_street_type_opens_an_address_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(STREETS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("no_number", "the Calea Victoriei museum"),
        ("lower_case_name", "calea lui 12 ani"),
        ("nr_without_name", "Strada nr. 12"),
    ],
)
def test_when_a_romanian_street_word_has_no_name_and_number_then_it_is_no_address(
    case: str, text: str
) -> None:
    assert found(STREETS, text) == set()


# Issue 13's address pass (`address_stress` dev voice): the flats, floors and units of many
# languages after a street, street types of the Nordic, Finnish, Hungarian and Czech
# languages, Mexico's road kinds, Portugal's "R.", Australian units and British flats with no
# house number. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "street"),
    [
        ("de_top", "an Kuhnstrasse 82, Top 1 bitte", "Kuhnstrasse 82, Top 1"),
        ("de_floor", "Clemens-Schmidt-Platz 83, 3. OG", "Clemens-Schmidt-Platz 83, 3. OG"),
        ("nl_bus", "Danadreef 292, bus 7", "Danadreef 292, bus 7"),
        ("nl_hoog", "Lisanneweg 20, 2-hoog", "Lisanneweg 20, 2-hoog"),
        ("ro_block", "Strada Dumitrescu Nr. 486 Bl. 53 Sc. 39 Ap. 370", "Strada Dumitrescu Nr. 486 Bl. 53 Sc. 39 Ap. 370"),
        ("ro_no_diacritic", "la Soseaua Ioniță Nr. 85, Ap. 5", "Soseaua Ioniță Nr. 85, Ap. 5"),
        ("pt_r_do", "na R. do Monte Cativo, 3, 7º Esq.", "R. do Monte Cativo, 3, 7º Esq."),
        ("mx_interior", "en Diagonal Quintanilla 302 019, Dpto. 8", "Diagonal Quintanilla 302 019, Dpto. 8"),
        ("mx_eje_vial", "Eje vial Zacatecas 408 Edif. 179", "Eje vial Zacatecas 408 Edif. 179"),
        ("fr_floor", "au 2389 avenue Élodie 5e étage", "2389 avenue Élodie 5e étage"),
        ("fr_apt", "45553 allée Vallée Apt. 759, Dionne", "45553 allée Vallée Apt. 759"),
        ("sv_stigen", "bor på Skolstigen 3, 97882 Skövde", "Skolstigen 3"),
        ("no_kollen", "Kristiansenkollen 166", "Kristiansenkollen 166"),
        ("no_flat", "Andersenrøa 548, leil. H0909", "Andersenrøa 548, leil. H0909"),
        ("da_leading_word", "Store Regnevej 163, 6. th.", "Store Regnevej 163, 6. th."),
        ("fi_glued", "Orapihlajakuja 0 A 3", "Orapihlajakuja 0 A 3"),
        ("fi_apart", "Taavetti Laitisen bulevardi 764 B 9", "Taavetti Laitisen bulevardi 764 B 9"),
        ("hu_utca", "Nyékhídi utca 219., fsz. 3.", "Nyékhídi utca 219., fsz. 3."),
        ("cz_preposition", "Nad Zavážkou 580, byt 1", "Nad Zavážkou 580, byt 1"),
        ("cz_adjective", "bydlí Vídeňská 67", "Vídeňská 67"),
        ("au_unit_house", "at 3/228 Susan Arcade;", "3/228 Susan Arcade"),
        ("uk_flat_first", "c/o Tina, Flat 14Z, Smith Mount; Devon", "Flat 14Z, Smith Mount"),
    ],
)  # fmt: skip
def test_when_a_street_carries_its_language_s_unit_or_type_then_all_of_it_is_found(
    case: str, text: str, street: str
) -> None:
    assert (street, "ADDRESS") in found(STREETS, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("given_names", "Julia 3 and Cecilia 45 came in"),
        ("english_ova", "Casanova 3 stars"),
        ("pod_room", "Pod Bay 3 is free"),
        ("initial_and_surname", "seen by R. Patel 2x today"),
        ("half_mile", "about 1/2 Mile Down Road"),
        ("diagonal_word", "a diagonal line 3 cm long"),
    ],
)
def test_when_a_name_or_word_is_followed_by_a_number_then_it_is_no_address(
    case: str, text: str
) -> None:
    assert not any(sub == "ADDRESS" for _, sub in found(STREETS, text))


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("cz_two_groups", "Vídeňská 67, 257 90 Svratka", ("257 90 Svratka", "ZIP")),
        ("pt_code", "Rua Emma Mendes, 74, 9606-682 Seia", ("9606-682 Seia", "ZIP")),
        ("after_semicolon", "Industrigatan 49; 21907 Ängelholm", ("21907 Ängelholm", "ZIP")),
        ("it_province", "Via Corbo, 4, 23822 Rivodora (AN)", ("23822 Rivodora", "ZIP")),
    ],
)
def test_when_a_postcode_of_another_shape_opens_its_town_then_it_is_found(
    case: str, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(STREETS, text)


def test_when_a_postcode_and_town_end_a_line_then_the_next_line_is_not_the_town() -> None:
    assert ("9638 Mariusfjell", "ZIP") in found(STREETS, "Andersenrøa 548\n9638 Mariusfjell\nNorge")


# Issue 13's places pass (`world_addresses` dev voice): flats before the house number in
# capitals and two at once, Australian road types, New Zealand's rural delivery round, Spanish,
# Brazilian and Quebec street types, a county field a bar closes. Sentences written for these
# tests.
@pytest.mark.parametrize(
    ("case", "text", "street"),
    [
        ("flat_first_capitals", "DELIVERY NOTE\nFLAT 35, 141 KERRY FORDS\nEDWARDSTOWN B7 3ZF", "FLAT 35, 141 KERRY FORDS"),
        ("two_units_first", "Re: Paul\nFlat 10, Apt. 730, 63 Brooks View\nMathewtown 2206", "Flat 10, Apt. 730, 63 Brooks View"),
        ("au_level_and_type", "FLAT 21, LEVEL 5 802 BETH TRUNKWAY, COREYFORT", "FLAT 21, LEVEL 5 802 BETH TRUNKWAY"),
        ("au_villas", "post this to him? 34 Walker Villas, 2428 Kimberlyview", "34 Walker Villas"),
        ("nz_rural_delivery", "757 Manawamokotere Drive, RD 7, Wairoto 9347", "757 Manawamokotere Drive, RD 7"),
        ("spanish_vial", "Marcia Molins, Vial Esperanza Criado 15, 02457 Granada", "Vial Esperanza Criado 15"),
        ("brazilian_distrito", "Distrito Manuella Monteiro, 6, 05122-535 Porto", "Distrito Manuella Monteiro, 6"),
        ("quebec_montee", "Re: William Soucy, 6979 montée Sophie", "6979 montée Sophie"),
    ],
)  # fmt: skip
def test_when_a_street_of_another_shape_is_written_then_it_is_found(
    case: str, text: str, street: str
) -> None:
    assert any(street == span for span, _ in found(STREETS, text))


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("area_code", "Area Code 555 is wrong"),
        ("rd_alone", "RR 18, RD 3 on the chart"),
        ("dip_in_prose", "a 2 day dip in her sats"),
    ],
)
def test_when_the_new_street_words_are_no_street_then_nothing_is_found(
    case: str, text: str
) -> None:
    assert found(STREETS, text) == set()


def test_when_a_town_ending_in_gap_follows_a_unit_line_then_it_is_no_street() -> None:
    text = "Herbert Bertelsen\n9038 Copperhead Dr Apt 22B\nTillery Gap, MI 46337"
    assert not any("Tillery" in span for span, _ in found(STREETS, text))


@pytest.mark.parametrize(
    ("case", "text", "street"),
    [
        (
            "year_like_unit",
            "Delivery is arranged to Maple Court #2019 on 3/4.",
            "Maple Court #2019",
        ),
        ("unit", "Please deliver to Cedar Lane #1201 today.", "Cedar Lane #1201"),
        (
            "unit_letter",
            "Courier left it at Birch Avenue #12B, with the neighbour.",
            "Birch Avenue #12B",
        ),
    ],
)
def test_when_a_street_has_a_unit_sign_and_no_house_number_then_it_is_an_address(
    case: str, text: str, street: str
) -> None:
    assert (street, "ADDRESS") in found(STREETS, text)


def test_when_a_determiner_leads_a_street_word_and_a_sign_then_it_is_no_address() -> None:
    assert found(STREETS, "The Court #2 hearing is at 10.") == set()
