"""The validity rules phonenumbers applies to country code 7 (Russia, Kazakhstan), compiled once.

``phonenumbers.is_valid_number`` costs about 10 µs a number; a column of 200,000 distinct numbers
would spend seconds there. :class:`Plan7` reads the library's own metadata (patterns, possible
lengths, leading digits) and applies it the way the library does, once per number or for many
numbers in a few regex passes. Tests check it agrees with phonenumbers on every 3-digit prefix.
"""

from __future__ import annotations

import functools
import re

__all__ = ["Plan7", "plan7"]


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


@functools.cache
def plan7() -> Plan7:
    return Plan7()
