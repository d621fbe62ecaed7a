"""Light typos: Damerau-Levenshtein distance <= 1, found through a symmetric-delete index.

Agrees with ``rapidfuzz.distance.OSA.distance(a, b) <= 1``; kept hand-written because the
index is small and a compiled dependency is not earned for it.
"""

from __future__ import annotations

FUZZY_MIN = 6

# Common words of 6+ letters that must never be "corrected" into a pattern word.
COMMON_WORDS = frozenset(
    """
    though through thought throughout should would could their there where whether
    people person always almost already anyway around before behind better between
    beyond change little matter really rather second should simple simply single
    something sometimes somewhere someone somebody others another actually action
    actions active answer answers called calling calmly caller callers clients client
    listen listened listening explain explained explaining happen happened happens
    helped helping helpful return returns refund refunds manager managers office system
    issues issue problem problems minute minutes moment moments person things reason
    reasons ticket tickets colleague colleagues customer customers service services
    served server servers serving working worker workers worked trying myself itself
    yourself themselves himself herself gotten becomes became become patient patience
    caring careful friends friend family mostly nobody nothing anything everything
    everyone anyone appreciate appreciated appreciation appreciative appreciating
    reset resets resetting restart restarted restarting revenue revenues
    mental mentally demand demands demanded demanding
    apology apologise apologize apologised apologized apologising apologizing
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)


# What may follow a prefix whose spelling was repaired by inserting or deleting a letter
# ("apreciated" -> appreciat* + "ed"), so that "demanding" is not read as "demean*" + "ding".
ENDINGS = frozenset(
    """
    s e es ed d ing ion ions ive ively ly ment ments ness ful fully ic ics ical ically
    ation ations ated ating ate ates er ers ism ist ists y ies ied ity ities able ably
    al ally ous ously ence ences ance ances tic tically ting ted tion tions
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)


def edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insert, delete, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer than a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
