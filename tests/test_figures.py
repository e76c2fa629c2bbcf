"""Crowd sizes and casualty counts, from phrases as news reports write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.figures import find_numbers, parse_counts, parse_crowd, parse_crowds, parse_number

NUMBERS = [
    ("10,000", 10_000),
    ("2,000", 2_000),
    ("1,250,000", 1_250_000),
    ("300", 300),
    ("two thousand", 2_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("twenty-five", 25),
    ("two hundred and fifty", 250),
    # one number, not the range "one hundred" to "twenty thousand"
    ("one hundred and twenty thousand", 120_000),
    ("about three hundred and fifty thousand", 350_000),
    ("between two hundred and three hundred", 200),
    ("a thousand", 1_000),
    ("1.5 million", 1_500_000),
    ("several hundred", 200),
    ("a few thousand", 2_000),  # coders read it as "thousands", the CCC floor
    ("hundreds", 200),
    ("Thousands", 2_000),
    ("tens of thousands", 20_000),
    ("hundreds of thousands", 200_000),
    ("dozens", 24),
    ("Four", 4),
    ("nineteen", 19),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "people", "March", "one two three four", "12abc"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


CROWDS = [
    # seed phrases
    (
        "In Jala-abad, groups of protestors set fire to a police station and stormed the "
        "regional governor’s offices, as around 10,000 people rallied outside.",
        10_000,
        10_000,
        "around 10,000 people",
    ),
    (
        "Around 2,000 protestors armed with sticks, stones and Molotov cocktails broke into "
        "the police compound and freed around 30 arrested protestors.",
        2_000,
        2_000,
        "Around 2,000 protestors",
    ),
    (
        "Opposition leaders say 20,000 to 30,000 people were on the streets taking part in "
        "protests in Jalal-Abad today.",
        20_000,
        30_000,
        "20,000 to 30,000 people",
    ),
    (
        "Government spokesman Orazaly Karasartov estimated the crowd today to be about "
        "10,000 people -- making it the largest demonstration to date.",
        10_000,
        10_000,
        "about 10,000 people",
    ),
    (
        "About 1,000 protesters took control of the regional government building.",
        1_000,
        1_000,
        "About 1,000 protesters",
    ),
    (
        "There were about 300 to 400 people inside, including older men and women.",
        300,
        400,
        "about 300 to 400 people",
    ),
    (
        "Yesterday about 8,000 people demonstrated in three cities.",
        8_000,
        8_000,
        "about 8,000 people",
    ),
    (
        "Hundreds of protestors then re-took the governor’s office.",
        200,
        None,
        "Hundreds of protestors",
    ),
    (
        "Later today, thousands of demonstrators gathered in Jalal-Abad.",
        2_000,
        None,
        "thousands of demonstrators",
    ),
    # wire-service phrasing
    (
        "More than 2,000 people marched through the city centre.",
        2_000,
        None,
        "More than 2,000 people",
    ),
    (
        "Tens of thousands of protesters filled the square.",
        20_000,
        None,
        "Tens of thousands of protesters",
    ),
    ("Two thousand supporters of the opposition rallied.", 2_000, 2_000, "Two thousand supporters"),
    ("A dozen activists chained themselves to the gates.", 12, 12, "A dozen activists"),
    ("Several hundred students blocked the road.", 200, None, "Several hundred students"),
    (
        "Between 5,000 and 7,000 demonstrators took part.",
        5_000,
        7_000,
        "Between 5,000 and 7,000 demonstrators",
    ),
    ("Police said the crowd numbered 3,000.", 3_000, 3_000, "3,000"),
    ("Organisers said 100,000 turned out.", 100_000, 100_000, "100,000"),
    ("A 5,000-strong crowd marched on parliament.", 5_000, 5_000, "5,000-strong crowd"),
    (
        "Some 1.5 million people joined the general strike.",
        1_500_000,
        1_500_000,
        "Some 1.5 million people",
    ),
]


@pytest.mark.parametrize(("sentence", "low", "high", "text"), CROWDS)
def test_parse_crowd(sentence: str, low: int, high: int | None, text: str) -> None:
    crowd = parse_crowd(sentence)
    assert crowd is not None
    assert (crowd.low, crowd.high, crowd.text) == (low, high, text)
    assert sentence[crowd.start : crowd.end] == crowd.text


NOT_CROWDS = [
    "Police freed around 30 arrested protestors.",
    "Four policemen were reported beaten to death.",
    "Demonstrators seized at least seven government buildings.",
    "Both towns are about 250 km southwest of the capital Bishkek.",
    "Polls went to a second round on March 13.",
    "In 1990 hundreds of people were killed in inter-ethnic violence.",
    "The security forces stormed that building at about 4 a.m. (local time).",
    "Turnout was 45 percent.",
    "At least four people were killed and about 28 demonstrators were taken to Osh hospital.",
    "Hundreds of demonstrators were temporarily detained in those towns.",
    "Sagynbaev is one of the antigovernment demonstrators.",
    "Several protesters were injured.",
    "The government offered $2,000 to each family.",
]


@pytest.mark.parametrize("sentence", NOT_CROWDS)
def test_not_a_crowd(sentence: str) -> None:
    assert parse_crowd(sentence) is None


COUNTS = [
    # sentence, killed, injured, arrested
    (
        "Four policemen were reported beaten to death in the towns of Jala-abad and Osh.",
        4,
        None,
        None,
    ),
    (
        "A press release claimed that at least four people were killed and about 28 demonstrators "
        "were taken to Osh hospital.",
        4,
        28,
        None,
    ),
    ("Interfax news agency said the toll could be as high as 10.", 10, None, None),
    (
        "Ibraimov denied the report, saying that there were no casualties, only several wounded "
        "policemen and civilians.",
        0,
        3,
        None,
    ),
    ("He told RFE/RL today that nobody died as a result of the raids.", 0, None, None),
    ("Police opened fire to warn off the crowd, injuring one protestor in the leg.", None, 1, None),
    (
        "Suranchiyev says several protesters and at least one police officer were injured during "
        "the raids.",
        None,
        1,
        None,
    ),
    (
        "RFE/RL's Kyrgyz Service reports hundreds of demonstrators were temporarily detained.",
        None,
        None,
        200,
    ),
    (
        "They broke into the police compound and freed around 30 arrested protestors.",
        None,
        None,
        30,
    ),
    ("Police said four officers were killed in the protests.", 4, None, None),
    ("Rioters caught two, beat them up, and paraded them around the square.", None, None, None),
    # wire-service phrasing
    ("Security forces killed at least 12 protesters, a rights group said.", 12, None, None),
    ("Clashes left 12 people dead and 80 injured.", 12, 80, None),
    ("Police detained 45 people after the rally.", None, None, 45),
    ("The death toll rose to 17 on Monday.", 17, None, None),
    ("No one was injured and no arrests were made.", None, 0, 0),
    ("Two gunmen killed five protesters.", 5, None, None),
    ("Dozens of demonstrators were arrested.", None, None, 24),
    ("Three people died and more than 100 were wounded.", 3, 100, None),
    ("Police made 30 arrests in the capital in March 2005.", None, None, 30),
    # a denial runs through a list: each outcome it names is a zero
    ("Nobody was hurt or arrested during the march.", None, 0, 0),
    ("There were no injuries or deaths, the police said.", 0, 0, None),
    ("No arrests or injuries were reported.", None, 0, 0),
]


@pytest.mark.parametrize(("sentence", "killed", "injured", "arrested"), COUNTS)
def test_parse_counts(
    sentence: str, killed: int | None, injured: int | None, arrested: int | None
) -> None:
    counts = parse_counts(sentence)
    assert (counts.killed, counts.injured, counts.arrested) == (killed, injured, arrested)


def test_counts_keep_the_words() -> None:
    sentence = "Police said four officers were killed in the protests."
    counts = parse_counts(sentence)
    assert counts.killed_text == "four officers were killed"
    assert counts.killed_text in sentence


@pytest.mark.parametrize(
    ("sentence", "released"),
    [
        ("They broke into the police compound and freed around 30 arrested protestors.", True),
        ("Both Chotonov and Artykov were later released, however.", True),
        ("Police detained 45 people after the rally.", False),
        ("The ministry released a statement on Monday.", False),
    ],
)
def test_release_of_detainees(sentence: str, released: bool) -> None:
    assert parse_counts(sentence).released is released


@given(st.text(max_size=300))
def test_number_parsers_never_raise_and_stay_in_bounds(text: str) -> None:
    for phrase in find_numbers(text):
        assert 0 <= phrase.low <= 10_000_000_000
        assert phrase.high is None or phrase.low <= phrase.high
        assert text[phrase.start : phrase.end] == phrase.text
    crowd = parse_crowd(text)
    if crowd is not None:
        assert crowd.low >= 0
        assert text[crowd.start : crowd.end] == crowd.text
    counts = parse_counts(text)
    for value in (counts.killed, counts.injured, counts.arrested):
        assert value is None or 0 <= value <= 10_000_000_000


@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "around",
                "more",
                "than",
                "2,000",
                "10",
                "to",
                "20",
                "hundreds",
                "of",
                "thousands",
                "people",
                "protesters",
                "killed",
                "injured",
                "arrested",
                "were",
                "a",
                "dozen",
                "several",
                "one",
                "twenty",
                "-",
                "and",
                ",",
                ".",
                "police",
                "said",
                "1990",
                "March",
                "km",
                "4",
                "a.m.",
                "toll",
                "no",
                "nobody",
                "died",
            ]
        ),
        max_size=25,
    )
)
def test_number_parsers_survive_news_like_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    parse_crowd(text)
    counts = parse_counts(text)
    for value in (counts.killed, counts.injured, counts.arrested):
        assert value is None or value >= 0


# Issue 10, class 7: figures as reports write them.
NUMBER_WORDS = [
    ("half a million", 500_000),
    ("a quarter of a million", 250_000),
    ("three quarters of a million", 750_000),
    ("half a billion", 500_000_000),
    ("a half", None),  # no scale: not a count
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_WORDS)
def test_fractions_of_a_scale(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


CROWD_FIGURES = [
    ("Half a million people marched through the capital.", 500_000, 500_000),
    ("A quarter of a million protesters filled the avenue.", 250_000, 250_000),
    ("From 12,000 up to 18,000 people rallied.", 12_000, 18_000),
    ("The number of marchers rose above 24,000 at dusk.", 24_000, None),
]


@pytest.mark.parametrize(("sentence", "low", "high"), CROWD_FIGURES)
def test_crowd_figures_in_words_and_ranges(sentence: str, low: int, high: int | None) -> None:
    crowd = parse_crowd(sentence)
    assert crowd is not None
    assert (crowd.low, crowd.high) == (low, high)


# Counts of the arrested, killed, missing and charged are not crowds.
VICTIMS_NOT_CROWDS = [
    "About 20 people were apprehended after the march.",
    "One marcher in Tamale was killed and three others taken to hospital.",
    "Four students, Ana Diaz, Luis Mora and Eva Ruiz among them, were killed.",
    "More than seventy students disappeared after the raid.",
    "At least 1,984 people were facing criminal charges.",
    "Sixty people were hurt, among them two reporters and five policemen.",
    "After the killing of a further six marchers, negotiations opened.",
    # Hedged outcomes: the verb phrase may stand between the count and what befell it.
    "Dozens more people were reported to be wounded when the police charged.",
    "Hundreds of marchers are feared to have been injured in the stampede.",
    "Forty students, most of them from the technical college, were held overnight.",
]


# Crowd figures in the grammar reports use, each a sentence of my own: a figure after a
# date's month, claims inside participles and relative clauses, "put ... at nearer", ranges
# of estimates, quoted figures, headlines in the present, peoples named in -ese.
CROWDS_AS_REPORTS_WRITE_THEM = [
    ("On 12 May 40,000 people marched through Valletta.", [40_000]),
    ("On 3 June an estimated 8,000 teachers rallied in Lusaka.", [8_000]),
    ("On 2 July between 3,000 and 4,000 people gathered at the port.", [3_000]),
    (
        "A crowd of dockers and seamen, estimated at 12,000, massed outside the harbour office.",
        [12_000],
    ),
    ("The march, which union leaders estimated at more than 50,000, reached the palace.", [50_000]),
    (
        "The rally was estimated by police at 9,000 and by the organisers at 25,000.",
        [9_000, 25_000],
    ),
    ("Farmers who were there put the crowd at nearer 6,000.", [6_000]),
    ("The organisers put it at more than 40,000.", [40_000]),
    ("Estimates of the crowd that reached the square range from 15,000 to 30,000.", [15_000]),
    ('Witnesses said the crowd was "at least 5,000".', [5_000]),
    ('State radio said "tens of thousands" had taken part.', [20_000]),
    ("By nightfall the crowd outside the presidential palace had swollen to 70,000.", [70_000]),
    ("The rally in the park was attended by about 2,500 people.", [2_500]),
    ("Organisers claimed more than 80,000.", [80_000]),
    ("Within hours tens of thousands of people had taken to the streets.", [20_000]),
    ("Thousands march in Skopje against the name deal", [2_000]),
    (
        "Hundreds of thousands of Sudanese have packed the square outside army headquarters.",
        [200_000],
    ),
    ("Several hundred then marched to the police station.", [200]),
    ("On the night of the shooting some 3,000 students gathered at the campus gates.", [3_000]),
    ("About 400 squatters held a torch-lit march to the town hall.", [400]),
    ("Riot police surrounded the camp of some 2,000 marchers outside the town.", [2_000]),
    ("A small protest of about 40 people was held outside the embassy.", [40]),
    # two descriptions of the same people joined by "and"
    ("Several hundred left-wing and green activists gathered outside the town hall.", [200]),
    ("Thousands of secondary school and university students marched on parliament.", [2_000]),
    # ... but two groups are no crowd of the second
    ("About 200 police and protesters clashed near the bridge.", []),
    # not crowds: a date, a town's people, people who crossed a border, a toll's estimates
    ("About 70 people died in the unrest; unofficial estimates ranged up to 400.", []),
    ("On 7 March ten members of the council resigned.", []),
    ("Kaya, a town of about 120,000 people, lies north of the capital.", []),
    ("The UN said about 6,000 Congolese had crossed into Uganda since Monday.", []),
    # what only a crowd does to a place, said of a bare number
    ("When several hundred sat down on the tram lines, the police charged.", [200]),
    ("About 300 occupied the rectorate until dawn.", [300]),
    ("Some 1,500 staged a sit-in outside the labour ministry.", [1_500]),
    ("The union said at least 8,000 were on the streets of the port.", [8_000]),
    # a claim of the crowd's size in other words
    ("Police watching from the bridge estimated the meeting at about 1,200.", [1_200]),
    ('A ministry spokesman puts it at "about 4,000".', [4_000]),
    ("The Metro police put it at between 9,000 and 12,000.", [9_000]),
    (
        "The students say there were eleven thousand; the police say three thousand.",
        [11_000, 3_000],
    ),
    ("Our correspondent's estimate is at least 6,000.", [6_000]),
    ("A radio reporter gave a figure of about one hundred and twenty thousand.", [120_000]),
    # people a report singles out are not the size of a gathering
    ("One protester climbed onto the water cannon and turned it away from the crowd.", []),
    ("Three students knelt on the steps of the hall with a petition.", []),
    ("At least 40 people, including two priests, were detained.", []),
    ("The organisers say there were 12 arrests.", []),
    # troops sent and units are no crowd, even beside a claim
    ("A spokesman said about 500 paratroopers had joined the 800-strong garrison.", []),
]


@pytest.mark.parametrize(("sentence", "lows"), CROWDS_AS_REPORTS_WRITE_THEM)
def test_crowds_as_reports_write_them(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


# "held a sit-in" is what a crowd did; "were held" is what was done to it.
def test_a_crowd_that_held_a_sit_in_is_a_crowd() -> None:
    sentence = (
        "Hundreds of nurses, joined by doctors from the city hospitals, held a sit-in outside "
        "the health ministry."
    )
    crowd = parse_crowd(sentence)
    assert crowd is not None and (crowd.low, crowd.high) == (200, None)


@pytest.mark.parametrize("sentence", VICTIMS_NOT_CROWDS)
def test_victim_counts_are_not_crowds(sentence: str) -> None:
    assert parse_crowd(sentence) is None


def test_a_crowd_list_with_including_is_still_a_crowd() -> None:
    sentence = (
        "Marches were held in several towns, including Tartu, where over 6,000 people took part."
    )
    crowd = parse_crowd(sentence)
    assert crowd is not None and (crowd.low, crowd.high) == (6_000, None)


HEDGED_TOLLS = [
    ("As many as 12 people may have been killed in the clashes.", 12),
    ("Up to 30 protesters are feared to have died, rights groups said.", 30),
    ("In the unrest, one marcher was fatally stabbed.", 1),
    ("The riot ended in the killing of another seven marchers.", 7),
]


@pytest.mark.parametrize(("sentence", "killed"), HEDGED_TOLLS)
def test_hedged_tolls(sentence: str, killed: int | None) -> None:
    assert parse_counts(sentence).killed == killed


COUNTER_ESTIMATES = [
    (
        "The march drew a huge crowd: organisers said 190,000 while police put it at 128,000.",
        [190_000, 128_000],
    ),
    ("Turnout was disputed: the opposition claimed 80,000, the police 20,000.", [80_000, 20_000]),
    # one claimed figure alone is not a counter-estimate of anything
    ("Organisers said 5,000.", []),
    # a single ordinary crowd figure stays single
    ("Around 3,000 people rallied, police said.", [3_000]),
    # the claim's verb is read first as the number's hedge ("estimated")
    (
        "Organisers counted more than 60,000 at the rally; police estimated 25,000.",
        [60_000, 25_000],
    ),
    ("Police put the crowd at 4,000; organisers said it was about 9,000.", [4_000, 9_000]),
    # the crowd is what the relative clause's claims measure
    (
        "The crowd, which the union put at 70,000 and reporters at about 30,000, filled the "
        "square.",
        [70_000, 30_000],
    ),
    # a hedged figure with its people noun is one figure, not a claim
    ("An estimated 15,000 people marched past the parliament.", [15_000]),
    # the claimant named after the figure
    (
        "In Lyon the unions counted 40,000 marchers, against 18,000 according to the police.",
        [40_000, 18_000],
    ),
    # the crowd's place between the claim and its figure
    ("Police estimated the crowd on Wenceslas Square and Na Příkopě at 12,000.", [12_000]),
    # a bare figure that took part
    ("In Tomsk, where the march was allowed, about 1,500 took part without incident.", [1_500]),
    ("In Helsinki several hundred Estonian exiles formed a chain of their own.", [200]),
]


@pytest.mark.parametrize(("sentence", "lows"), COUNTER_ESTIMATES)
def test_counter_estimates_are_separate_figures(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


SPELLED_TOLLS = [
    # a count whose outcome follows a list of names
    ("Three students, Ana Diaz, Luis Mora and Eva Ruiz, were killed.", 3),
    # one victim written with "a"
    ("Troops stormed the hostel at dawn, and in the raid a student was killed.", 1),
    ("A young protester was fatally shot near the square.", 1),
    # a citation marker is not a count
    ("[22] A number of officers also died during the unrest.", None),
]


@pytest.mark.parametrize(("sentence", "killed"), SPELLED_TOLLS)
def test_tolls_without_a_plain_count(sentence: str, killed: int | None) -> None:
    assert parse_counts(sentence).killed == killed


# "a crowd of 8,000": "of" after a gathering noun gives its size; elsewhere "of" before a
# number is a year, a page or a part ("in 1998", "one of 12").
CROWD_OF = [
    ("A crowd of 8,000 filled the stadium.", [8_000]),
    ("A crowd of about 6,500 gathered outside the court.", [6_500]),
    ("The rally of some 12,000 people ended peacefully.", [12_000]),
    ("A funeral procession of tens of thousands wound through the old town.", [20_000]),
    ("A silent vigil of about 800 was held outside the prison.", [800]),
    ("The march of 2018 is remembered as peaceful.", []),  # a year
    ("Two of 14 students were hurt.", []),
]


@pytest.mark.parametrize(("sentence", "lows"), CROWD_OF)
def test_a_gathering_of_a_number_is_its_size(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


# Two estimates of one crowd in one sentence, each from its own source.
COUNTER_ESTIMATES_IN_CLAUSES = [
    (
        "A crowd of about 7,000 gathered in the main square, according to the police; "
        "organisers put the figure at 40,000.",
        [7_000, 40_000],
    ),
    (
        "Some 3,000 people marched, officials said; the union estimated the turnout at 9,000.",
        [3_000, 9_000],
    ),
]


@pytest.mark.parametrize(("sentence", "lows"), COUNTER_ESTIMATES_IN_CLAUSES)
def test_a_counter_estimate_in_the_next_clause(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


# People who sought or received care are casualties, never a crowd.
CARE_NOT_CROWDS = [
    ("More than 600 people had sought medical help, the ministry said.", []),
    ("About 150 demonstrators received treatment for tear gas.", []),
    ("Some 90 protesters needed hospital care after the march.", []),
    ("Over 40 people were admitted to hospital.", []),
    # people who gathered are still a crowd
    ("More than 600 people gathered outside the hospital.", [600]),
]


@pytest.mark.parametrize(("sentence", "lows"), CARE_NOT_CROWDS)
def test_people_who_sought_care_are_not_a_crowd(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


# Each outcome with the count written for it, where a later count is set off by names:
# the noun of a count holds no verb and no other count.
COUNTS_BEFORE_NAMES = [
    (
        "At least 157 marchers were killed, 1,253 injured and 30, including the opposition "
        "leader, were arrested.",
        (157, 1_253, 30),
    ),
    ("At least 31 people, among them 22 police officers, were killed.", (31, None, None)),
    (
        "Around 40 people, including 24 gendarmes, were injured, and 60 were arrested.",
        (None, 40, 60),
    ),
]


@pytest.mark.parametrize(("sentence", "counts"), COUNTS_BEFORE_NAMES)
def test_a_count_set_off_by_names_is_its_own(
    sentence: str, counts: tuple[int | None, int | None, int | None]
) -> None:
    found = parse_counts(sentence)
    assert (found.killed, found.injured, found.arrested) == counts


# A vehicle's passengers are no crowd at a place; a convoy's marchers who reach it are.
@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        ("In Vitebsk, police stopped a bus carrying about 40 opposition supporters.", []),
        ("Officers turned back two trucks packed with 60 farmers at the bridge.", []),
        ("A convoy of buses with 3,000 miners reached the square.", [3_000]),
    ],
)
def test_passengers_are_no_crowd(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows


# Groups listed with their own counts before one outcome add up; a list that is really two
# clauses, a group without a count, or an object count do not.
CONJOINED_GROUPS = [
    ("Two miners and three soldiers were killed in the shooting.", (5, None, None)),
    ("Four students and a teacher were killed.", (5, None, None)),
    ("Police said two soldiers and an army driver died.", (3, None, None)),
    ("Officials said six nurses, a doctor and two guards were wounded.", (None, 9, None)),
    ("The ministry said 40 officers and 25 protesters had been injured.", (None, 65, None)),
    ("Shots rang out, and two boys and a woman were killed.", (3, None, None)),
    # two clauses, each with its own outcome
    ("The ministry said three students died and 82 people were injured.", (3, 82, None)),
    ("Two men are dead and more than fifty people have been arrested.", (2, None, 50)),
    # ", and" joins clauses: 12 students were arrested, not 16
    (
        "Forty people were hurt, among them 9 policemen and four reporters, and 12 students "
        "were arrested.",
        (None, 40, 12),
    ),
    # the first count is an object of "arrested"
    ("Police arrested 30 people and two students were killed.", (2, None, 30)),
    # "several" gives no sum
    ("Three officers and several marchers were slightly injured.", (None, 3, None)),
]


@pytest.mark.parametrize(("sentence", "wanted"), CONJOINED_GROUPS)
def test_groups_listed_before_one_outcome_add_up(
    sentence: str, wanted: tuple[int | None, int | None, int | None]
) -> None:
    counts = parse_counts(sentence)
    assert (counts.killed, counts.injured, counts.arrested) == wanted


# More of the ways reports write a crowd's size: a part "of them", a column, a presence,
# a sit-down staged, a claim whose hedge opens the figure, an estimate with no "at".
MORE_CROWD_WRITINGS = [
    ("Several thousand of them tried to march on the ministry.", [2_000]),
    ("About 400 of them held a rally outside the town hall.", [400]),
    ("Organisers say hundreds of thousands are present.", [200_000]),
    ("Tens of thousands are in the streets of the capital.", [20_000]),
    ("A column of several thousand broke away towards the palace.", [2_000]),
    ("By noon the column had grown to about 8,000.", [8_000]),
    ("About 250 nurses staged a sit-down outside the hospital.", [250]),
    ("A police spokesman put it closer to 1,200.", [1_200]),
    ("Local radio estimate 40,000.", [40_000]),
    ("The police estimated them at 6,000, the unions at 25,000.", [6_000, 25_000]),
    # ... but not the dead, the hurt nor a present crisis
    ("The ministry estimated 40 dead.", []),
    ("The ministry counts 83 officers injured since the protests began.", []),
    ("The present crisis has cost 300 jobs.", []),
]


@pytest.mark.parametrize(("sentence", "lows"), MORE_CROWD_WRITINGS)
def test_more_crowd_writings(sentence: str, lows: list[int]) -> None:
    assert [c.low for c in parse_crowds(sentence)] == lows
