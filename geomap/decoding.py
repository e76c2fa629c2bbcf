"""Bytes to text: encodings detected, implausible decodings refused, invisible characters removed.

Used by geomap.sources for every input and by geomap.check to write fixes back in the file's
own encoding.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from geomap.errors import InputError

__all__ = [
    "UndecodableError",
    "bom_encoding",
    "decode_bytes",
    "decode_html",
    "raw_offsets",
    "remove_invisible",
]


class UndecodableError(InputError):
    """Bytes that are not text in any encoding geomap recognises."""

    def __init__(self, reason: str) -> None:
        super().__init__("<bytes>", reason)


# ---------------------------------------------------------------------------------------------
# Decoding


# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_LEGACY_CANDIDATES = ("cp1252", "cp1251", "koi8-r")  # on a tie the earlier one wins
# C0 and C1 control characters other than whitespace and ESC: rare in text, common in binaries.
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ]")


def bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, label, len(bom)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by mostly-ASCII text having every other byte NUL."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _script(char: str) -> str:
    if "\u0400" <= char <= "\u04ff":
        return "cyrillic"
    if _LATIN_LETTER.match(char):
        return "latin"
    return "other"


def _implausibility(text: str) -> int:
    """How unlike real prose a single-byte decoding looks; lower is more plausible.

    Wrongly decoded legacy text gives itself away inside words: Cyrillic read as Latin-1 makes
    runs of accented letters ("Ìèòèíã"), Latin-1 read as cp1251 mixes scripts ("prйfecture"),
    and cp1251 read as KOI8-R swaps letter case ("лХРХМЦ").
    """
    penalty = 0
    for word in re.findall(r"[^\W\d_]+", text):
        if word.isascii():
            continue
        scripts = {_script(c) for c in word}
        if len(scripts) > 1:
            penalty += 2
        if "latin" in scripts and "cyrillic" not in scripts:
            accented_run = 0
            for char in word:
                accented_run = accented_run + 1 if not char.isascii() else 0
                if accented_run >= 2:
                    penalty += 1
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
            penalty += 1
    penalty += 3 * len(_CONTROL_CHAR.findall(text))
    return penalty


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Pick the most plausible of the common single-byte encodings of news text."""
    best: tuple[int, int, str, str] | None = None
    for rank, codec in enumerate(_LEGACY_CANDIDATES):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = (_implausibility(text), rank, codec, text)
        if best is None or score < best:
            best = score
    if best is None:
        return None
    penalty, _, codec, text = best
    non_ascii_letters = sum(1 for c in text if not c.isascii() and c.isalpha())
    if penalty > max(2, non_ascii_letters // 10):
        return None  # none of them reads like prose: let the statistical detector try
    if codec == "cp1252" and not any(0x80 <= b <= 0x9F for b in data):
        codec = "latin-1"  # identical to cp1252 outside 0x80-0x9F; name it as users know it
    return text, codec


def _decode_detected(data: bytes) -> tuple[str, str] | None:
    # charset-normalizer is slow and unreliable on short texts, so it is only the last resort.
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        return None
    if match.encoding.startswith(("utf_16", "utf_32")):
        # Without a BOM or the NUL bytes of mostly-ASCII UTF-16 (both recognised above),
        # "UTF-16" is the detector's reading of bytes that are no text at all.
        return None
    return str(match), match.encoding


def _check_not_binary(text: str) -> None:
    if not _CONTROL_CHAR.search(text):
        return  # the usual case, found without a Python-level loop over the text
    if len(_CONTROL_CHAR.findall(text)) > max(8, len(text) // 100):
        raise UndecodableError("binary file (control characters)")


# ---------------------------------------------------------------------------------------------
# Is a guessed decoding text at all?
#
# Any bytes decode as cp1251 or UTF-16, so a guessed encoding is only believed when the text
# it gives reads like text. Random bytes give themselves away in three ways, each a rule.

_PLAUSIBILITY_SAMPLE = 1 << 16  # characters judged: enough to tell, and time stays bounded
# One script for matching purposes: Chinese and Japanese mix their scripts within a word.
_UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "THAI"})
_PASSING_TOKEN = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|@", re.I)  # URLs and e-mails


def _letter_script(char: str) -> str:
    script = unicodedata.name(char, "UNNAMED").split(" ")[0]
    return "CJK" if script in _UNSPACED_SCRIPTS else script


def _is_gibberish(token: str) -> bool:
    """Whether one space-separated token, punctuation around it removed, is not a word.

    A word keeps to one script ("Джалал-Абад", "préfecture", "北京市"), has no symbols
    inside ("ќіБ¦"), switches from lower to upper case at most once ("McDonald") and between
    letters and digits at most twice ("COVID-19", "H5N1" is the limit).
    """
    core = token.strip("".join(c for c in token if unicodedata.category(c)[0] == "P"))
    letters = [c for c in core if c.isalpha()]
    if not letters or _PASSING_TOKEN.search(core):
        return False
    scripts = {_letter_script(c) for c in letters}
    if any(unicodedata.category(c)[0] in "SCZ" for c in core):  # symbols, controls
        return True
    if "CJK" in scripts:
        # A Chinese or Japanese "token" is a whole clause: it may hold Latin names and
        # dates ("2005年3月24日"), so only its scripts are judged.
        return not scripts <= {"CJK", "LATIN"}
    if len(scripts) > 1:
        return True
    case_switches = sum(a.islower() and b.isupper() for a, b in itertools.pairwise(core))
    kind_switches = sum(
        a.isalpha() != b.isalpha() and (a.isdigit() or b.isdigit())
        for a, b in itertools.pairwise(core)
    )
    return case_switches > 1 or kind_switches > 2


def _too_many_controls(text: str) -> str | None:
    """More than one control character in 200: random bytes hold about one in ten."""
    if len(_CONTROL_CHAR.findall(text)) * 200 > len(text):
        return "binary file (control characters)"
    return None


def _unassigned_characters(text: str) -> str | None:
    """Unassigned or private-use code points, which random bytes read as UTF-16 are full of."""
    if any(unicodedata.category(c) in ("Cn", "Co", "Cs") for c in text):
        return "binary file (unassigned characters)"
    return None


def _gibberish_words(text: str) -> str | None:
    """No words at all, or more than a third of them gibberish (see _is_gibberish)."""
    worded = [t for t in text.split() if any(c.isalpha() for c in t)]
    gibberish = sum(_is_gibberish(t) for t in worded)
    if not worded or gibberish * 3 > len(worded):
        return "not text (no encoding gives readable words)"
    return None


@dataclass(frozen=True)
class _PlausibilityRule:
    name: str
    reason: Callable[[str], str | None]  # why the text is not text, or None


_PLAUSIBILITY_RULES = (
    _PlausibilityRule("controls", _too_many_controls),
    _PlausibilityRule("unassigned", _unassigned_characters),
    _PlausibilityRule("gibberish", _gibberish_words),
)


def _check_plausible(text: str, codec: str) -> None:
    """Refuse a guessed decoding that does not read like text, naming the encoding tried."""
    sample = text[:_PLAUSIBILITY_SAMPLE]
    for rule in _PLAUSIBILITY_RULES:
        reason = rule.reason(sample)
        if reason:
            raise UndecodableError(f"{reason}; tried {codec}")


# Format characters that are invisible in print but split a name for matching: "O\u200bsh"
# would read as "O" and "sh". ZWSP, ZWNJ, ZWJ, WORD JOINER, ZERO WIDTH NO-BREAK SPACE (a BOM
# inside the text) and SOFT HYPHEN.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def remove_invisible(text: str) -> str:
    """`text` without zero-width characters and soft hyphens.

    Applied where text enters geomap, so every offset (char_start, char_end, a mention's
    span) indexes the cleaned text that the article carries.
    """
    # Most texts hold none: str.isascii reads a flag the string already has (every invisible
    # character is outside ASCII), and a search of one character class is far cheaper than
    # translate, which copies the text character by character through a dict.
    if text.isascii() or _INVISIBLE_RE.search(text) is None:
        return text
    return text.translate(_INVISIBLE)


def raw_offsets(text: str) -> list[int]:
    """For each offset in `remove_invisible(text)`, the offset of that character in `text`,
    plus one final entry for the end: lets a fix found in the cleaned text be written back
    into the file as it was, invisible characters and all."""
    kept = [i for i, char in enumerate(text) if ord(char) not in _INVISIBLE]
    return [*kept, len(text)]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes to text, returning (text, encoding name).

    Order of checks, cheapest and surest first:
    1. a byte-order mark (UTF-8, UTF-16, UTF-32; the mark is not part of the text);
    2. UTF-16 without a BOM (every other byte NUL); other NUL bytes mean a binary file;
    3. strict UTF-8;
    4. UTF-8 with a few broken bytes (more valid multi-byte characters than invalid bytes):
       decoded with U+FFFD for each broken sequence and named "utf-8 (N invalid bytes
       replaced)", since re-reading such text as cp1252 would garble every correct character;
    5. the most plausible of cp1252/latin-1, cp1251 and KOI8-R, judged word by word;
    6. charset-normalizer, when none of those reads like prose.
    A guessed encoding (2, 5, 6, and UTF-16/32 from a BOM) is only believed when the text
    reads like text: few control characters, no unassigned code points, and at most a third
    of the words gibberish (mixed scripts, symbols inside, case flipping); random bytes fail.
    Newlines are kept exactly as they are (no CRLF translation), so character offsets into the
    returned text match what `open(path, encoding=..., newline="")` would give.

    Raises UndecodableError for binary data or bytes that are not text in any encoding.
    """
    bom = bom_encoding(data)
    if bom:
        codec, label, size = bom
        try:
            text = data[size:].decode(codec)
        except UnicodeDecodeError as error:
            raise UndecodableError(f"not decodable as {label}: {error.reason}") from None
        _check_not_binary(text)
        if label != "utf-8-sig":
            _check_plausible(text, label)  # two bytes of "BOM" are a 1 in 65,536 chance
        return text, label
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise UndecodableError("binary file (NUL bytes)")
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise UndecodableError("binary file (NUL bytes)") from None
        _check_not_binary(text)
        _check_plausible(text, utf16)
        return text, utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text)
        return text, "utf-8"

    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in escaped if "\udc80" <= c <= "\udcff")
    valid_multibyte = sum(1 for c in escaped if not c.isascii() and not "\udc80" <= c <= "\udcff")
    if valid_multibyte > invalid:
        text = data.decode("utf-8", errors="replace")
        _check_not_binary(text)
        plural = "byte" if invalid == 1 else "bytes"
        return text, f"utf-8 ({invalid} invalid {plural} replaced)"

    decoded = _decode_legacy(data) or _decode_detected(data)
    if decoded is None:
        raise UndecodableError("not decodable as text")
    _check_not_binary(decoded[0])
    _check_plausible(*decoded)
    return decoded


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)


def decode_html(data: bytes) -> tuple[str, str]:
    """Like decode_bytes, but a page's own <meta charset> is believed before guessing."""
    if bom_encoding(data) or b"\x00" in data:
        return decode_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared[1].decode("ascii")).name
            if not codec.startswith("utf-16") and not codec.startswith("utf-32"):
                return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)
