"""The automaton of the +7 plan (what ``normalize_series`` classifies phone columns with) gives exactly
what the regex path (``Plan7.classify``) gives: on every move of the automaton, on numbers drawn from
the plan's own patterns, and its regex reading agrees with ``re`` itself."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkview.identifiers._phone_plan import Plan7, _Digits, _Unsupported, plan7

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DIGITS = "0123456789"


def _rows(numbers: list[str]) -> np.ndarray:
    return np.array([[int(ch) for ch in n] for n in numbers], dtype=np.uint8).reshape(len(numbers), -1)


def _classify_digits(plan: Plan7, numbers: list[str]) -> list[tuple[str | None, str | None]]:
    classes, codes = plan.classify_digits(_rows(numbers))
    return [classes[c] for c in codes.tolist()]


@pytest.mark.parametrize("width", [9, 10, 11, 14])
def test_every_move_of_the_automaton_agrees_with_the_regex_path(width):
    """For every state reached after k digits (by some witness) and every next digit, a number that
    starts that way (random rest) is classified as the regex path classifies it."""
    plan = plan7()
    automaton = plan.automaton(width)
    assert automaton is not None
    rng = random.Random(width)
    layer = {0: ""}
    numbers = []
    for k in range(width):
        following: dict[int, str] = {}
        for state, witness in layer.items():
            for digit in range(10):
                start = witness + str(digit)
                numbers.append(start + "".join(rng.choice(DIGITS) for _ in range(width - k - 1)))
                following.setdefault(automaton.step[state][digit], start)
        layer = following
    assert len(numbers) > 1000
    assert _classify_digits(plan, numbers) == [plan.classify(n) for n in numbers]


def _plan_patterns() -> list[str]:
    plan = plan7()
    patterns = [leading.pattern for _, leading, _ in plan.regions if leading is not None]
    for _, _, region in plan.regions:
        patterns += [desc[0] for desc in (region["general"], *region["descs"].values()) if desc is not None]
    return patterns


@st.composite
def plan_numbers(draw) -> str:
    """A number one of the plan's patterns matches, maybe with one digit changed (a near miss)."""
    number = draw(st.sampled_from(_plan_patterns()).flatmap(
        lambda p: st.from_regex(p, fullmatch=True, alphabet=DIGITS)))
    if number and draw(st.booleans()):
        at = draw(st.integers(0, len(number) - 1))
        number = number[:at] + draw(st.sampled_from(DIGITS)) + number[at + 1:]
    return number


@SETTINGS
@given(st.lists(plan_numbers(), min_size=1, max_size=20))
def test_numbers_drawn_from_the_plan_patterns(numbers):
    plan = plan7()
    for width in {len(n) for n in numbers if n}:
        same = [n for n in numbers if len(n) == width]
        assert _classify_digits(plan, same) == [plan.classify(n) for n in same]


SAMPLE_PATTERNS = [
    r"7(?:0[0-25-8]|47)\d{7}", r"(?:12)*3", r"1?2{2,3}", r"[^5]\d", r"(?:1|12)(?:2|)3", r"\d{2,}?", r".5",
    r"(?:(?:1|2)*3)+", r"(?:1*)*2", r"[\D1]\w\s?", r"(?:0|1{0,2}){2}9", r"[7-9a-z]+?0", r"8\d{13}|[78]\d{9}",
    r"9(?:[0-24-9]\d{4}|3(?:0(?:0(?:05|[124579]\d|3[0-7]|6[0-49]|8[04-9])|[1-9]\d\d)|[1-9]\d{3}))\d{4}",
]


@SETTINGS
@given(st.sampled_from(SAMPLE_PATTERNS), st.booleans(), st.text(alphabet=DIGITS, max_size=14))
def test_digit_automaton_reads_patterns_as_re_does(pattern, prefix, text):
    nfa = _Digits()
    end = nfa.add(pattern, prefix)
    states = nfa.closure(nfa.starts)
    for ch in text:
        states = nfa.closure(nfa.move(states, int(ch)))
    match = (re.match if prefix else re.fullmatch)(pattern, text, re.ASCII)
    assert (end in states) == (match is not None)


@pytest.mark.parametrize("pattern", [r"(?=7)\d", r"(\d)\1", r"^7\d", r"7\b", r"\d++", r"(?>7)", r"\d{100}"])
def test_syntax_the_automaton_does_not_model_is_refused(pattern):
    with pytest.raises(_Unsupported):
        _Digits().add(pattern, prefix=False)


def test_a_plan_the_automaton_cannot_read_has_none(monkeypatch):
    plan = Plan7()
    _, _, rules = plan.regions[0]
    monkeypatch.setitem(rules, "general", (r"(?=[347-9])\d{10}", rules["general"][1]))
    assert plan.automaton(10) is None
    assert plan.classify_digits(_rows(["7011234567"])) is None


def test_a_plan_whose_automaton_would_grow_too_big_has_none(monkeypatch):
    monkeypatch.setattr(Plan7, "_MAX_STATES", 50)
    assert Plan7().automaton(10) is None
