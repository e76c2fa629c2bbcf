"""Who made a claim, and whether a sentence reports a denial."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.claims import denial_cue, find_claimant, is_denial

CLAIMANTS = [
    # seed phrases
    (
        "Government spokesman Orazaly Karasartov estimated the crowd today to be about "
        "10,000 people.",
        "Government spokesman Orazaly Karasartov",
    ),
    ("Opposition leaders say 20,000 to 30,000 people were on the streets.", "Opposition leaders"),
    (
        "Interfax news agency, citing law enforcement sources in Jala-abad, said the toll "
        "could be as high as 10.",
        "Interfax news agency",
    ),
    ("Police said four officers were killed in the protests.", "Police"),
    (
        "Four policemen were reported beaten to death in the towns of Jala-abad and Osh, an "
        "official from the opposition Popular Movement said.",
        "an official from the opposition Popular Movement",
    ),
    (
        "Deputy Interior Minister Abdylda Suranchiyev says several protesters were injured.",
        "Deputy Interior Minister Abdylda Suranchiyev",
    ),
    ("Russian media reported there had been deaths on both sides.", "Russian media"),
    (
        "RFE/RL correspondents report that a police station in the city was set on fire.",
        "RFE/RL correspondents",
    ),
    (
        "About 1,000 protesters took control of the regional government building, reports said.",
        "reports",
    ),
    (
        'The independent "Res Publica" newspaper has distributed a press release claiming '
        "that at least four people were killed.",
        'The independent "Res Publica" newspaper',
    ),
    (
        "“The opposition profits by spreading such lying rumours,” Ibraimov said on a Russian "
        "radio station.",
        "Ibraimov",
    ),
    (
        "The BBC's Central Asia correspondent, Monica Whitlock, says most security forces "
        "escaped unhurt.",
        "The BBC's Central Asia correspondent, Monica Whitlock",
    ),
    (
        "In Washington, State Department spokesman James Ereli on Sunday said US officials "
        "were in touch with both sides.",
        "State Department spokesman James Ereli",
    ),
    ("But the demonstrators say the elections were marred by irregularities.", "the demonstrators"),
    # wire-service phrasing
    ("About 50,000 people marched through the capital, according to police.", "police"),
    ("According to the Interior Ministry, 45 people were detained.", "the Interior Ministry"),
    ("Organisers said 100,000 people took part.", "Organisers"),
    ("Police put the number at 30,000.", "Police"),
    ("Witnesses said troops lobbed tear gas into the crowd.", "Witnesses"),
    ("A police spokesman told Reuters that 12 people were arrested.", "A police spokesman"),
    (
        "At least 12 people were killed, the Health Ministry said in a statement.",
        "the Health Ministry",
    ),
    ("Thousands marched in the capital on Saturday, AFP reported.", "AFP"),
    (
        '"We will not leave," said Maria Lopez, a spokeswoman for the organisers.',
        "Maria Lopez, a spokeswoman for the organisers",
    ),
    ("The crowd was estimated by police at 5,000.", "police"),
    ("Local officials said three people died.", "Local officials"),
    ("State television reported that the square had been cleared.", "State television"),
    ("Police, in a statement, said 40 people were held overnight.", "Police"),
]


@pytest.mark.parametrize(("sentence", "claimant"), CLAIMANTS)
def test_find_claimant(sentence: str, claimant: str) -> None:
    claim = find_claimant(sentence)
    assert claim is not None
    assert claim.claimed_by == claimant
    assert sentence[claim.start : claim.end] == claim.claimed_by
    assert not claim.pronoun


def test_pronoun_claimant_is_flagged() -> None:
    claim = find_claimant("He told RFE/RL today that nobody died as a result of the raids.")
    assert claim is not None
    assert (claim.claimed_by, claim.pronoun) == ("He", True)


NO_CLAIMANT = [
    # A denier disputes a figure and is never credited as its source.
    "However, Kyrgyz State Secretary Osmonakun Ibraimov denied the report.",
    "Police denied that anyone had died in the clashes.",
    "Yesterday about 8,000 people demonstrated in three cities.",
    "The European Union and the United States have both described the vote as flawed.",
    "The demonstrators had occupied the buildings on 18 March to protest alleged fraud.",
    "Have Your Say | In Pictures | Week at a Glance",
    "Protesters stormed the regional government building on Friday.",
    "Soldiers have set up blockades all around the building.",
    "",
]


@pytest.mark.parametrize("sentence", NO_CLAIMANT)
def test_no_claimant(sentence: str) -> None:
    assert find_claimant(sentence) is None


DENIALS = [
    ("However, Kyrgyz State Secretary Osmonakun Ibraimov denied the report.", True),
    ("But Interior Ministry spokesman Nurdin Jangaraev has denied the claim.", True),
    ("He told RFE/RL today that nobody died as a result of the raids.", True),
    ("He said that there were no casualties, only several wounded policemen.", True),
    ("The ministry rejected the claims as propaganda.", True),
    ("The government denies that troops fired on the crowd.", True),
    ("Officials dismissed the reports as baseless.", True),
    ("Police said the rumours were untrue.", True),
    ("Police said four officers were killed in the protests.", False),
    ("Russian media reported there had been deaths on both sides.", False),
    ("Interfax said the toll could be as high as 10.", False),
    ("Opposition leaders say 20,000 to 30,000 people were on the streets.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), DENIALS)
def test_is_denial(sentence: str, expected: bool) -> None:
    assert is_denial(sentence) is expected


@given(st.text(max_size=300))
def test_claims_never_raise(sentence: str) -> None:
    claim = find_claimant(sentence)
    if claim is not None:
        assert sentence[claim.start : claim.end] == claim.claimed_by
    is_denial(sentence)


DENIAL_CUES = [
    ("Police denied that rubber bullets had been used.", "denied"),
    ("The ministry rejected reports of deaths.", "rejected"),
    ("Nobody died, police said.", None),  # a zero figure, not a denial of what follows
    ("Protesters marched to the palace.", None),
]


@pytest.mark.parametrize(("sentence", "verb"), DENIAL_CUES)
def test_denial_cue(sentence: str, verb: str | None) -> None:
    cue = denial_cue(sentence)
    assert (sentence[cue[0] : cue[1]] if cue else None) == verb


def test_a_dateline_dash_is_not_part_of_the_claimant() -> None:
    claim = find_claimant("Hong Kong, June 16 (AFP) - Organisers said two million people marched.")
    assert claim is not None and claim.claimed_by == "Organisers"
