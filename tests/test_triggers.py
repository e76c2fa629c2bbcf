"""Event types found in sentences from protest reports, and historical cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.model import EventType
from geomap.triggers import (
    caption_trigger,
    classify,
    historical_cue,
    is_historical,
    reports_an_event,
    unrealised_cue,
)

P, S, C, N, K, A = (
    EventType.PROTEST,
    EventType.SEIZURE,
    EventType.CLASH,
    EventType.CROWD,
    EventType.CASUALTIES,
    EventType.ARREST,
)

CLASSIFY = [
    # sentence, event types expected (exactly)
    (
        "Angered at what they saw as votes rigged, protestors stormed administration buildings "
        "in several southern cities following the March 13 elections.",
        {S},
    ),
    (
        "Four policemen were reported beaten to death in the towns of Jala-abad and Osh, as "
        "protesters clashed with police, an official from the opposition said.",
        {C, K},
    ),
    (
        "In Jala-abad, groups of protestors set fire to a police station and stormed the "
        "regional governor’s offices, as around 10,000 people rallied outside to demand the "
        "release of protestors arrested earlier.",
        # The arrests the rally demands undone started the story; they are not reported here.
        {C, S, N, P},
    ),
    (
        "Around 2,000 protestors armed with sticks, stones and Molotov cocktails broke into "
        "the police compound and freed around 30 arrested protestors.",
        {N, C, S, A},
    ),
    ("Police opened fire to warn off the crowd, injuring one protestor in the leg.", {C, K}),
    (
        "Police in southern Kyrgyzstan forcibly evicted demonstrators from two provincial "
        "government buildings early today.",
        {C},
    ),
    (
        "The demonstrators had occupied the buildings on 18 March to protest alleged "
        "parliamentary election fraud.",
        {S, P},
    ),
    (
        "RFE/RL's Kyrgyz Service reports hundreds of demonstrators were temporarily detained "
        "in those towns.",
        {A},
    ),
    (
        "Early today, at the same time police stormed the Jalal-Abad building, another group "
        "of security forces from Bishkek launched a raid on the provincial administration "
        "building in the nearby town of Osh.",
        {C},
    ),
    (
        "Karasartov says large crowds of protesters also forced government workers to flee "
        "the building that had just been retaken by security forces.",
        {P, C},
    ),
    ("Soldiers have set up blockades all around the building.", set()),
    ("He told RFE/RL today that nobody died as a result of the raids.", {K, C}),
    ("Yesterday about 8,000 people demonstrated in three cities.", {N, P}),
    (
        "About 1,000 protesters took control of the regional government building and forced "
        "police to flee, reports said.",
        {N, S},
    ),
    (
        "Soldiers flee from the administration building which later was captured by "
        "protesters in Osh.",
        {S},
    ),
    (
        "The demonstrations came after about 10,000 people besieged and then burnt down the "
        "police station in Jalal-Abad on Sunday and blocked the airport's runway.",
        {P, N, C},
    ),
    ("Both Chotonov and Artykov were later released, however.", {A}),
    (
        "Kyrgyzstan's Prime Minister said the government was ready to talk to the protesters, "
        "and promised that force would not be used.",
        set(),
    ),
    (
        '"Not the president, not me, and not the interior minister will allow weapons to be '
        'used against our own people," he said.',
        set(),
    ),
    ("The security forces acted brutally while police did not arrest anyone.", {C}),
    # wire-service phrasing
    ("Riot officers turned water cannon and tear gas on rock-throwing teenagers.", {C}),
    ("Thousands of workers went on strike and blocked the main highway.", {N, P}),
    ("Opposition supporters have staged a sit-in outside parliament since Tuesday.", {P}),
    ("Police detained 45 people after the march.", {A, P}),
    ("Two people were killed and dozens wounded when troops opened fire.", {K, C}),
    ("Electoral officials say allies of the president won overwhelming victories.", set()),
    # "riot police" are a kind of police, and a state of siege is a decree: no clash
    ("Hundreds of marchers sang the national anthem as riot police watched.", {N, P}),
    ("The government declared a state of siege on Wednesday.", set()),
    ("Rioting broke out overnight and riot police fired tear gas.", {C}),
    # protesters converging on a square are gathering there
    ("Throughout the morning, groups of protesters converged on the main square.", {P}),
    # blocking a way in, sitting in or sitting down in the road are protests
    ("Taxi drivers blocked access to the ferry terminal on Wednesday.", {P}),
    ("Students blocked one of the main avenues this afternoon.", {P}),
    ("Four students sat in at the lunch counter of the department store.", {P}),
    ("The pensioners sat down in the road outside the town hall.", {P}),
    # ... but sitting in a meeting is none, nor a letter of protest
    ("The minister sat in on the meeting of the cabinet.", set()),
    ("The federation sent a telegram of protest to the president.", set()),
    # a strike kept somewhere, roadblocks put up and pots banged are protests there
    ("The general strike was widely observed in the northern towns.", {P}),
    ("Traders closed their stalls in answer to the strike call.", {P}),
    ("Shops and the main market have stayed shut for a third day.", {P}),
    ("Roadblocks were also put up on the coast road.", {P}),
    ("Barricades went up in the old quarter overnight.", {P}),
    ("Cacerolazos were heard across the capital after midnight.", {P}),
    # ... but a shop shut for a holiday, or a strike called for next week, is none
    ("The shops were closed for the national holiday.", set()),
    ("The unions called a strike for next week.", set()),
    # a negation runs through a list of event words
    ("There were no reports of clashes or arrests in the town.", set()),
    ("Nobody was hurt or arrested.", {K}),
    # ... but not past a clause of its own
    ("No one was hurt, but police arrested 30 people.", {K, A}),
]


@pytest.mark.parametrize(("sentence", "expected"), CLASSIFY)
def test_classify(sentence: str, expected: set[EventType]) -> None:
    triggers = classify(sentence)
    assert {t.event_type for t in triggers} == expected
    for trigger in triggers:
        assert sentence[trigger.start : trigger.end] == trigger.text
        assert 0.0 < trigger.confidence <= 1.0


def test_one_trigger_per_type_in_sentence_order() -> None:
    triggers = classify("Protesters rallied, then marched, then protested again.")
    assert [t.event_type for t in triggers] == [P]
    triggers = classify("Police arrested 30 protesters after clashes.")
    assert [t.event_type for t in triggers] == [A, C]


HISTORICAL = [
    ("Police shot dead several demonstrators at a similar protest three years ago.", True),
    ("In 1990 hundreds of people were killed in inter-ethnic violence in the area.", True),
    ("Mr Akayev has repeatedly warned of the possibility of civil war.", True),
    ("It would be an uprising of the kind seen in Georgia and Ukraine.", True),
    ("Similar protests took place last year in the capital.", True),
    ("Such rallies were common in the past.", True),
    ("The protests have drawn comparisons with other popular upheavals.", True),
    # a plan or a warning reaches its own clause only: see UNREALISED below
    ("The opposition plans to hold another rally on Friday.", False),
    ("Protesters stormed the regional government building on Friday.", False),
    ("Interfax said the toll could be as high as 10.", False),
    ("Police said four officers were killed in the protests.", False),
    ("Yesterday about 8,000 people demonstrated in three cities.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), HISTORICAL)
def test_is_historical(sentence: str, expected: bool) -> None:
    assert is_historical(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "article_date", "expected"),
    [
        ("Protests erupted in 2005 after the vote.", "2005-03-21", False),
        ("Protests erupted in 2005 after the vote.", "2011-02-13", True),
        ("Protests erupted in 2005 after the vote.", None, True),
    ],
)
def test_in_year_depends_on_the_article_date(
    sentence: str, article_date: str | None, expected: bool
) -> None:
    assert is_historical(sentence, article_date) is expected


def test_historical_cue_points_at_the_words() -> None:
    sentence = "Police shot dead several demonstrators three years ago."
    cue = historical_cue(sentence)
    assert cue is not None
    assert sentence[cue[0] : cue[1]] == "three years ago"


@given(st.text(max_size=300))
def test_classify_never_raises(sentence: str) -> None:
    for trigger in classify(sentence):
        assert sentence[trigger.start : trigger.end] == trigger.text
    is_historical(sentence, "2005-03-21")


# reports_an_event stops at the first trigger: it must say what bool(classify(...)) says,
# on sentences with and without triggers, with slogans (which may hide the strongest
# trigger of a type), causes, crowd figures alone, and whole openings of pages.
_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REPORTS_AN_EVENT = [
    *(sentence for sentence, _ in CLASSIFY),
    'Protesters chanted "storm the parliament" outside the ministry.',
    'Crowds chanted "no more killings" as they marched.',
    "They protested over the killing of a student.",
    "About 20,000 people gathered in the square.",
    "The minister spoke about the budget.",
    *(path.read_text(encoding="utf-8")[:3000] for path in sorted(_SEEDS.glob("*.txt"))),
]


@pytest.mark.parametrize("text", REPORTS_AN_EVENT)
def test_reports_an_event_is_classify_found_anything(text: str) -> None:
    assert reports_an_event(text) is bool(classify(text))


_EVENT_WORDS = (
    *("protesters", "marched", "stormed", "the", "parliament", "police", "fired", "tear"),
    *("gas", "killed", "arrested", "over", "killing", "of", "chanted", '"', "“", "”"),
    *("20,000", "people", "gathered", "to", "promote", "march", "clashed", "no", "one"),
)


@given(st.lists(st.sampled_from(_EVENT_WORDS), max_size=30).map(" ".join))
def test_reports_an_event_never_disagrees(text: str) -> None:
    assert reports_an_event(text) is bool(classify(text))


# Issue 10, class 3: a sentence can hold several triggers, one per event type.
SEVERAL_TRIGGERS = [
    ("Demonstrators clashed with riot police and seized the airport.", {C, S}),
    ("Students blocked the highway, and officers detained 14 of them.", {P, A}),
    ("Crowds marched to the square; two protesters were wounded by rubber bullets.", {P, K, C}),
    ("Miners went on strike.", {P}),
]


@pytest.mark.parametrize(("sentence", "expected"), SEVERAL_TRIGGERS)
def test_a_sentence_can_hold_several_triggers(sentence: str, expected: set[EventType]) -> None:
    assert {t.event_type for t in classify(sentence)} == expected


# Issue 10, class 8: what protesters do to buildings and roads.
EVENT_WORDS = [
    # storming or attacking a seat of power is a seizure
    ("Protesters stormed the presidential residence on Sunday.", S, True),
    ("A crowd stormed the parliament and set fire to the lobby.", S, True),
    ("Rioters attacked the parliament and the presidential palace late on Friday.", S, True),
    ("Hundreds of youths stormed the airport and halted flights.", S, True),
    # occupying roads, squares and bridges is a protest (a blockade), not a seizure
    ("Thousands of farmers occupied the main highway into the capital.", P, True),
    ("Thousands of farmers occupied the main highway into the capital.", S, False),
    ("Students occupied the central square for a third night.", P, True),
    ("Students occupied the central square for a third night.", S, False),
    ("Occupy Lagos drew crowds to the city's streets.", S, False),
    # but occupying a building still is
    ("Workers occupied the ministry of labour.", S, True),
    # "Soviet occupation" is history, not a seizure
    ("Many saw the monument as a symbol of Soviet occupation.", S, False),
]


@pytest.mark.parametrize(("sentence", "event_type", "expected"), EVENT_WORDS)
def test_event_words(sentence: str, event_type: EventType, expected: bool) -> None:
    assert (event_type in {t.event_type for t in classify(sentence)}) is expected


# Issue 10, class 4: causes are not reported events.
CAUSES = [
    ("The canopy collapse that killed 15 people sparked protests across the country.", K),
    ("Protests have spread since the death of a young woman in police custody.", K),
    ("Crowds gathered to demand the release of the activist arrested last week.", A),
    ("The rally followed the arrest of the opposition leader on Friday.", A),
    ("Demonstrations erupted over the killing of a student by a police officer.", K),
]


@pytest.mark.parametrize(("sentence", "cause"), CAUSES)
def test_a_protests_cause_is_not_an_event(sentence: str, cause: EventType) -> None:
    types = {t.event_type for t in classify(sentence)}
    assert cause not in types
    assert P in types  # the protest itself is reported


REPORTED = [
    ("Police killed three protesters on Monday.", K),
    ("Officers arrested 40 people at the rally.", A),
    ("At least 11 people have died in five days of unrest.", K),
]


@pytest.mark.parametrize(("sentence", "event_type"), REPORTED)
def test_reported_killings_and_arrests_stay(sentence: str, event_type: EventType) -> None:
    assert event_type in {t.event_type for t in classify(sentence)}


# Issue 10, class 4: future, planned, threatened and hypothetical events.
UNREALISED = [
    "A rally is planned for tomorrow in the capital.",
    "Those who throw stones will be arrested, the minister said.",
    "The opposition threatened to bring its supporters onto the streets.",
    "Union leaders vowed to strike until wages are paid.",
    "If the vote is rigged, we will occupy the square.",
    "Students called for a nationwide strike on Monday.",
    "Organisers intend to march on parliament next week.",
    "Mr Akayev has warned that such a development would risk civil war in Kyrgyzstan.",
    "The opposition plans to hold another rally on Friday.",
]
REALISED = [
    "Thousands marched through the capital on Monday.",
    "Police could not stop the crowd before it reached the palace.",
    "As many as 12 people may have been killed, witnesses said.",
    "The toll could be as high as 10.",
    "The May 1998 riots left the city in ruins.",
]


@pytest.mark.parametrize("clause", UNREALISED)
def test_future_and_hypothetical_clauses(clause: str) -> None:
    assert unrealised_cue(clause) is not None


@pytest.mark.parametrize("clause", REALISED)
def test_reported_clauses_are_not_unrealised(clause: str) -> None:
    assert unrealised_cue(clause) is None


# Issue 10, class 8: a photo caption with no verb reports a protest.
CAPTIONS = [
    ("Protesters in Aktobe on January 4", False, True),
    ("Protests on 16 August in Minsk", False, True),
    ("Demonstrators outside the parliament in Tbilisi, 3 December 2024", False, True),
    ("Protesters in Mandalay holding banners on 3 March.", True, True),
    # a related-story link names no place after a preposition
    ("Protests before Kyrgyzstan vote", False, False),
    ("Rally_in_Minsk_2020.jpg", False, False),
    # in prose, only a sentence that opens with the protesters and their place
    ("The government said protesters in Minsk were paid.", True, False),
]


@pytest.mark.parametrize(("line", "prose", "expected"), CAPTIONS)
def test_captions(line: str, prose: bool, expected: bool) -> None:
    trigger = caption_trigger(line, prose=prose)
    assert (trigger is not None) is expected
    if trigger is not None:
        assert trigger.event_type is P
        assert line[trigger.start : trigger.end] == trigger.text


def test_a_cue_parted_by_commas_does_not_reach_the_event() -> None:
    clause = "Police, who said they would not tolerate unrest, fired tear gas at the crowd."
    assert unrealised_cue(clause, clause.index("fired")) is None
    assert unrealised_cue(clause, clause.index("unrest")) is not None
    clause = "If the vote is rigged, we will occupy the square."
    assert unrealised_cue(clause, clause.index("occupy")) is not None


def test_a_plan_in_a_later_clause_leaves_the_reported_crowd() -> None:
    # the plan is the government's, told after a comma; the crowd massed
    sentence = (
        "Tens of thousands of protesters massed outside parliament in Valletta, a day after "
        "the minister resigned over the government's plan to sell the port."
    )
    assert not is_historical(sentence)
    assert unrealised_cue(sentence, sentence.index("protesters")) is None


def test_a_cue_reaches_the_places_of_a_list_it_opens() -> None:
    clause = "The press warned that the unrest could spread to other provinces, such as Salta."
    assert unrealised_cue(clause, clause.index("Salta")) is not None


def test_a_task_taken_over_is_no_place_taken() -> None:
    assert classify("The policing role was taken over by the army on Monday.") == ()
    taken = classify("Strikers took over the port offices on Monday.")
    assert EventType.SEIZURE in {t.event_type for t in taken}
