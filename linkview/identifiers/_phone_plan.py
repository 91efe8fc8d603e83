"""The validity rules phonenumbers applies to country code 7 (Russia, Kazakhstan), compiled once.

``phonenumbers.is_valid_number`` costs about 10 µs a number; a column of 200,000 distinct numbers
would spend seconds there. :class:`Plan7` reads the library's own metadata (patterns, possible
lengths, leading digits) and applies it the way the library does, once per number or for many
numbers in a few regex passes. Tests check it agrees with phonenumbers on every 3-digit prefix.

For whole columns the same patterns are also compiled into one deterministic automaton over the
digits 0-9 (:meth:`Plan7.automaton`): a number's class is then the state it ends in, found for all
numbers at once with numpy (:meth:`Plan7.classify_digits`), ten array lookups instead of regex passes
and a Python step per number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Automaton", "Plan7", "plan7"]


class Plan7:
    """The validity rules phonenumbers applies to country code 7, compiled once.

    Mirrors ``phonenumbers.region_code_for_number`` (regions in order, leading digits first) and
    ``_number_type_helper`` (general description, then the special types in order, then fixed line
    and mobile). The type patterns of a region are joined into one alternation of named groups per
    number length, so the first type that matches wins in one ``fullmatch``, as in the library.
    Numbers reach it as ASCII digits (:func:`canonical_phone` folds other scripts' digits), so the
    patterns are compiled with ``re.ASCII``: ``\\d`` is ``[0-9]`` and matches faster.
    """

    _ORDER = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
              "voicemail", "fixed_line", "mobile")

    def __init__(self) -> None:
        import phonenumbers

        self.regions: list[tuple[str, re.Pattern[str] | None, dict]] = []
        for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[7]:
            md = phonenumbers.PhoneMetadata.metadata_for_region(region)
            if md is None:  # pragma: no cover - the library always ships RU and KZ
                continue
            leading = re.compile(md.leading_digits, re.ASCII) if md.leading_digits else None
            descs = {name: self._desc(getattr(md, name)) for name in self._ORDER}
            plan = {"general": self._desc(md.general_desc), "descs": descs,
                    "same": bool(md.same_mobile_and_fixed_line_pattern), "by_length": {}}
            self.regions.append((region, leading, plan))
        self._automata: dict[int, Automaton | None] = {}

    @staticmethod
    def _desc(desc) -> tuple[str, frozenset[int]] | None:
        if desc is None or not desc.national_number_pattern:
            return None
        return desc.national_number_pattern, frozenset(desc.possible_length or ())

    @staticmethod
    def _fits(desc, length: int) -> bool:
        return desc is not None and (not desc[1] or length in desc[1])

    def _compiled(self, plan: dict, length: int):
        """(general, joined types, mobile) patterns for numbers of one length (None: never matches)."""
        got = plan["by_length"].get(length)
        if got is None:
            descs = plan["descs"]
            names = [n for n in self._ORDER if self._fits(descs[n], length)
                     and not (n == "mobile" and plan["same"])]
            joined = "|".join(f"(?P<{n}>{descs[n][0]})" for n in names)
            general = plan["general"]
            got = (re.compile(general[0], re.ASCII) if self._fits(general, length) else None,
                   re.compile(joined, re.ASCII) if names else None,
                   re.compile(descs["mobile"][0], re.ASCII) if self._fits(descs["mobile"], length) else None)
            plan["by_length"][length] = got
        return got

    def _type(self, plan: dict, nsn: str) -> str | None:
        general, joined, mobile = self._compiled(plan, len(nsn))
        if general is None or joined is None or general.fullmatch(nsn) is None:
            return None
        m = joined.fullmatch(nsn)
        if m is None:
            return None
        name = m.lastgroup
        if name == "fixed_line" and (plan["same"] or (mobile is not None and mobile.fullmatch(nsn))):
            return "fixed_line_or_mobile"
        return name

    _LINE_SAFE = re.compile(r"\\[DSWsw]|\[\^|(?<!\\)\.")

    def classify_many(self, nsns: list[str]) -> list[tuple[str | None, str | None]]:
        """:meth:`classify` of many numbers of one length, each pattern run once over all of them.

        The numbers are joined one per line and every pattern runs as ``^(?:pattern)$`` in multi-line
        mode: the lines it matches are the numbers it fullmatches, and in an alternation of named
        types the first alternative that matches a whole line wins, as with ``fullmatch``.
        """
        if not nsns:
            return []
        width = len(nsns[0])
        if any(len(n) != width or not (n.isascii() and n.isdigit()) for n in nsns) or any(
                leading is not None and self._LINE_SAFE.search(leading.pattern) for _, leading, _ in self.regions):
            return [self.classify(n) for n in nsns]
        out: list[tuple[str | None, str | None]] = [(None, None)] * len(nsns)
        pending = range(len(nsns))
        for region, leading, plan in self.regions:
            if leading is None:
                rest = []
                for i in pending:
                    kind = self._type(plan, nsns[i])
                    if kind is not None:
                        out[i] = (region, kind)
                    else:
                        rest.append(i)
                pending = rest
                continue
            step = width + 1
            hit = bytearray(len(pending))
            for m in re.finditer(f"^(?:{leading.pattern})", "\n".join([nsns[i] for i in pending]),
                                 re.MULTILINE | re.ASCII):
                hit[m.start() // step] = 1
            mine = [i for i, h in zip(pending, hit, strict=True) if h]
            pending = [i for i, h in zip(pending, hit, strict=True) if not h]
            for i, kind in zip(mine, self._types_of_lines(plan, [nsns[i] for i in mine], width), strict=True):
                out[i] = (region, kind)
        return out

    def _types_of_lines(self, plan: dict, lines: list[str], width: int) -> list[str | None]:
        general, joined, mobile = self._compiled(plan, width)
        if general is None or joined is None or not lines:
            return [None] * len(lines)
        if self._LINE_SAFE.search(general.pattern) or self._LINE_SAFE.search(joined.pattern):
            return [self._type(plan, n) for n in lines]  # a pattern that could cross lines
        text = "\n".join(lines)
        step = width + 1
        general_ok = bytearray(len(lines))
        for m in re.finditer(f"^(?:{general.pattern})$", text, re.MULTILINE | re.ASCII):
            general_ok[m.start() // step] = 1
        kinds: list[str | None] = [None] * len(lines)
        for m in re.finditer(f"^(?:{joined.pattern})$", text, re.MULTILINE | re.ASCII):
            i = m.start() // step
            if general_ok[i]:
                name = m.lastgroup
                if name == "fixed_line" and (plan["same"] or (mobile is not None and mobile.fullmatch(lines[i]))):
                    name = "fixed_line_or_mobile"
                kinds[i] = name
        return kinds

    def automaton(self, width: int) -> Automaton | None:
        """The plan for numbers of ``width`` digits as one deterministic automaton; None when a pattern
        uses syntax :class:`_Digits` does not model (the callers then take the regex path).

        The states are sets of states of a :class:`_Digits` automaton holding every pattern of the plan
        (leading digits as a prefix match, the general and type descriptions as full matches), so two
        numbers of one length that end in the same state match exactly the same patterns, and
        :meth:`classify` — which only asks which patterns match — gives them the same answer. Each
        final state is therefore labelled by :meth:`classify` of one number that reaches it: the
        automaton reproduces the regex path without restating its rules.
        """
        if width not in self._automata:
            self._automata[width] = self._build_automaton(width)
        return self._automata[width]

    _MAX_STATES = 20_000  # far above what the shipped metadata needs (a few hundred)

    def _build_automaton(self, width: int) -> Automaton | None:
        try:
            nfa = _Digits()
            for _, leading, plan in self.regions:
                if leading is not None:
                    nfa.add(leading.pattern, prefix=True)
                for desc in (plan["general"], *plan["descs"].values()):
                    if desc is not None:
                        nfa.add(desc[0], prefix=False)
        except (_Unsupported, ImportError, AttributeError, KeyError, TypeError, ValueError):
            # re._parser is private: a Python whose re has none, or a parse tree of another shape, leaves
            # the regex path, which gives the same answers
            return None
        start = nfa.closure(nfa.starts)
        ids = {start: 0}
        sets = [start]
        rows: dict[int, list[int]] = {}
        layer = {0: ""}  # state -> a number of the current length that ends in it
        for _ in range(width):
            following: dict[int, str] = {}
            for state, witness in layer.items():
                row = rows.get(state)
                if row is None:
                    row = rows[state] = []
                    for digit in range(10):
                        target = nfa.closure(nfa.move(sets[state], digit))
                        if target not in ids:
                            ids[target] = len(sets)
                            sets.append(target)
                        row.append(ids[target])
                if len(sets) > self._MAX_STATES:
                    return None
                for digit, target in enumerate(row):
                    following.setdefault(target, witness + str(digit))
            layer = following
        label: list[tuple[str | None, str | None] | None] = [None] * len(sets)
        for state, witness in layer.items():
            label[state] = self.classify(witness)
        return Automaton([rows.get(state, [0] * 10) for state in range(len(sets))], label)

    def classify_digits(self, digits: np.ndarray) -> tuple[list[tuple[str | None, str | None]], np.ndarray] | None:
        """:meth:`classify` of many numbers of one length, given as a ``(numbers, width)`` array of
        digit values 0-9: ``(classes, codes)`` with ``classify(number i) == classes[codes[i]]``, or
        None when there is no :meth:`automaton` for that width.
        """
        import numpy as np

        found = self.automaton(digits.shape[1])
        if found is None:
            return None
        step = np.asarray(found.step, dtype=np.intp).ravel()
        state = np.zeros(len(digits), dtype=np.intp)
        for column in digits.T.astype(np.intp):  # one row per position: contiguous columns
            state = step[state * 10 + column]
        classes = list(dict.fromkeys(c for c in found.label if c is not None))
        code_of = {c: k for k, c in enumerate(classes)}
        codes = np.array([-1 if c is None else code_of[c] for c in found.label], dtype=np.intp)
        return classes, codes[state]

    def classify(self, nsn: str) -> tuple[str | None, str | None]:
        """``(region, type)`` of ``+7 nsn``; type None means not a valid number."""
        for region, leading, plan in self.regions:
            if leading is not None:
                if leading.match(nsn):
                    return region, self._type(plan, nsn)
            else:
                kind = self._type(plan, nsn)
                if kind is not None:
                    return region, kind
        return None, None


class Automaton(NamedTuple):
    """A deterministic automaton over the digits for numbers of one length: start in state 0,
    ``step[state][digit]`` is the next state; ``label[state]`` is the ``(region, type)`` of the numbers
    that end in it (None for states no number of that length ends in). States reached only by the last
    digit have no moves of their own (a row of zeros)."""

    step: list[list[int]]
    label: list[tuple[str | None, str | None] | None]


class _Unsupported(Exception):
    """A pattern holds syntax whose matches :class:`_Digits` does not model."""


_ALL_DIGITS = 0x3FF  # bit d set: digit d
_MAX_COUNT = 64      # repeat counts above this are no phone pattern: not unrolled


def _bit(code: int) -> int:
    return 1 << (code - 48) if 48 <= code <= 57 else 0


class _Digits:
    """A Thompson automaton (with empty moves) of regular expressions, read over the digits 0-9 only.

    Built from ``re``'s own parse tree (``re._parser``), so the patterns are read exactly as ``re``
    reads them. Only what decides which digit strings a pattern matches is modelled — literals, sets,
    ``.``, ``\\d``-like classes, groups, alternation, greedy and lazy repeats (laziness changes which
    match is found, not whether one is); anything else (anchors, look-arounds, back-references,
    possessive repeats, atomic groups) raises :class:`_Unsupported`. A character outside 0-9 in a
    pattern is a move no digit takes.
    """

    def __init__(self) -> None:
        from re import _constants as c

        self._c = c
        self.starts: list[int] = []
        self.empty: list[list[int]] = []
        self.moves: list[list[tuple[int, int]]] = []  # (digit mask, target)
        self._categories = {c.CATEGORY_DIGIT: _ALL_DIGITS, c.CATEGORY_NOT_DIGIT: 0, c.CATEGORY_SPACE: 0,
                             c.CATEGORY_NOT_SPACE: _ALL_DIGITS, c.CATEGORY_WORD: _ALL_DIGITS,
                             c.CATEGORY_NOT_WORD: 0, c.CATEGORY_LINEBREAK: 0,
                             c.CATEGORY_NOT_LINEBREAK: _ALL_DIGITS}

    def add(self, pattern: str, prefix: bool) -> int:
        """Adds ``pattern``, matched in full or, with ``prefix``, as ``re.match`` does (any start of the
        digits may match: the end state then takes every further digit); returns its end state, which
        the states reached hold exactly when the digits read so far match."""
        from re import _parser

        start = self._state()
        end = self._sequence(_parser.parse(pattern, re.ASCII).data, start)
        if prefix:
            self.moves[end].append((_ALL_DIGITS, end))
        self.starts.append(start)
        return end

    def _state(self) -> int:
        self.empty.append([])
        self.moves.append([])
        return len(self.moves) - 1

    def _sequence(self, items: list, state: int) -> int:
        c = self._c
        for op, arg in items:
            if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
                target = self._state()
                self.moves[state].append((self._mask(op, arg), target))
                state = target
            elif op is c.SUBPATTERN:
                state = self._sequence(arg[3].data, state)
            elif op is c.BRANCH:
                end = self._state()
                for alternative in arg[1]:
                    first = self._state()
                    self.empty[state].append(first)
                    self.empty[self._sequence(alternative.data, first)].append(end)
                state = end
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, high, item = arg
                if low > _MAX_COUNT or (high != c.MAXREPEAT and high > _MAX_COUNT):
                    raise _Unsupported(f"repeat {{{low},{high}}}")
                for _ in range(low):
                    state = self._sequence(item.data, state)
                end = self._state()
                if high == c.MAXREPEAT:
                    self.empty[state].append(end)
                    self.empty[self._sequence(item.data, end)].append(end)
                else:
                    for _ in range(high - low):
                        self.empty[state].append(end)
                        state = self._sequence(item.data, state)
                    self.empty[state].append(end)
                state = end
            else:
                raise _Unsupported(str(op))
        return state

    def _mask(self, op, arg) -> int:
        c = self._c
        if op is c.LITERAL:
            return _bit(arg)
        if op is c.NOT_LITERAL:
            return _ALL_DIGITS & ~_bit(arg)
        if op is c.ANY:
            return _ALL_DIGITS
        mask, negate = 0, False
        for item, value in arg:
            if item is c.NEGATE:
                negate = True
            elif item is c.LITERAL:
                mask |= _bit(value)
            elif item is c.RANGE:
                mask |= sum(_bit(code) for code in range(max(value[0], 48), min(value[1], 57) + 1))
            elif item is c.CATEGORY and value in self._categories:
                mask |= self._categories[value]
            else:
                raise _Unsupported(str(item))
        return _ALL_DIGITS & ~mask if negate else mask

    def closure(self, states: Iterable[int]) -> frozenset[int]:
        """``states`` and every state their empty moves reach."""
        todo = list(states)
        seen = set(todo)
        while todo:
            for target in self.empty[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return frozenset(seen)

    def move(self, states: Iterable[int], digit: int) -> set[int]:
        return {target for state in states for mask, target in self.moves[state] if mask >> digit & 1}


@functools.cache
def plan7() -> Plan7:
    return Plan7()
