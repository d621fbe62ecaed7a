"""Patterns compiled to small automata, run over an answer in time linear in its length.

Each pattern becomes a Thompson-style automaton: one state per word slot, a chain of
"any word" states per gap, a split per group. Running it keeps at most one thread per state
(the one that started latest, so every match found is the shortest one ending there); there
is no backtracking, so a pattern costs at most (its states) x (words of the answer), and
patterns.py bounds the states. A pattern is only run on a sentence that has one of its
first words and every word it cannot do without, in the pattern's order (``Automaton``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from assessments.screening.answer import Answer
from assessments.screening.patterns import Alt, Gap, Not, Seq, Word
from assessments.screening.text import stem
from assessments.screening.vocabulary import Vocabulary, word_keys

WORD, ANY, NOT, SPLIT, MATCH = range(5)
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    start: int  # first token
    end: int  # token after the last
    literals: tuple[int, ...]  # tokens the pattern's own words matched (not gap fillers)


@dataclass(frozen=True)
class Program:
    owner: int  # rule index (or a stance marker's reach)
    pattern: str
    kinds: tuple[int, ...]
    keys: tuple[frozenset[str], ...]
    outs: tuple[tuple[int, ...], ...]
    start: int
    first_keys: frozenset[str]
    required: tuple[frozenset[str], ...]  # word slots every match must use


class _Builder:
    """States appended in reverse: each node is built before what leads to it, so a state's
    successors exist when it is added (``cont`` is the state after the node)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.kinds: list[int] = []
        self.keys: list[frozenset[str]] = []
        self.outs: list[tuple[int, ...]] = []

    def add(self, kind: int, keys: frozenset[str], outs: tuple[int, ...]) -> int:
        self.kinds.append(kind)
        self.keys.append(keys)
        self.outs.append(outs)
        return len(self.kinds) - 1

    def seq(self, nodes: Seq, cont: int) -> int:
        # one loop with the node kinds inline: a bank compiles some 25,000 nodes, and a call
        # per node was a fifth of the compile
        add, register = self.add, self.vocab.add
        for node in reversed(nodes):
            if type(node) is Word:
                cont = add(WORD, register(node), (cont,))
            elif type(node) is Alt:
                cont = self.alt(node, cont)
            elif type(node) is Gap:
                after = cont
                for _ in range(node.size):
                    skip = add(ANY, _EMPTY, (cont,))
                    cont = add(SPLIT, _EMPTY, (after, skip))
            elif type(node) is Not:
                cont = add(NOT, self.union(node.words), (cont,))
        return cont

    def alt(self, node: Alt, cont: int) -> int:
        singles: list[Word] = []
        outs: list[int] = []
        for option in node.options:
            first = option[0]
            if len(option) == 1 and type(first) is Word:
                singles.append(first)
            else:
                outs.append(self.seq(option, cont))
        if singles:
            # one state for all one-word alternatives: (thank*|praise|gratitude) is one slot
            outs.insert(0, self.add(WORD, self.union(singles), (cont,)))
        if node.optional:
            outs.insert(0, cont)
        return self.add(SPLIT, _EMPTY, tuple(outs))

    def union(self, words: list[Word] | tuple[Word, ...]) -> frozenset[str]:
        return frozenset().union(*map(self.vocab.add, words))

    def first_keys(self, start: int) -> frozenset[str]:
        found: set[str] = set()
        stack, seen = [start], set()
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            if self.kinds[s] == WORD:
                found |= self.keys[s]
            elif self.kinds[s] != ANY:
                stack.extend(self.outs[s])
        return frozenset(found)


def _required(seq: Seq) -> tuple[frozenset[str], ...]:
    """Key sets a match must each use one of: a word, or a group's alternatives (through
    one required slot of each alternative, so "(nothing we did wrong|we did nothing wrong)"
    still needs one of its words). Never too strict: every match passes through them."""
    slots: list[frozenset[str]] = []
    for node in seq:
        if isinstance(node, Word):
            slots.append(word_keys(node))
        elif isinstance(node, Alt) and not node.optional:
            union: set[str] = set()
            for option in node.options:
                if len(option) == 1 and isinstance(option[0], Word):
                    union |= word_keys(option[0])  # most options: skip the recursion
                    continue
                needed = _required(option)
                if not needed:
                    break
                best: frozenset[str] = min(needed, key=_commonness)
                union |= best
            else:
                slots.append(frozenset(union))
    return tuple(slots)


# Words most answers have (as the keys a stem or prefix gives them): a program filed
# under a slot of rarer words is picked for fewer sentences. A guess from reading answers,
# not a count; it only decides speed, never what matches.
_FREQUENT_WORDS = """
    i we they them you he she it my me our your their be do have not no the a an to and or
    that this of for with in on at about what how when if so but just can will would get go
    customer customers people person like tell say said know need make want good back call
    problem point thing let take feel help work job time really think see look
""".split()  # noqa: SIM905 - a word list is easier to read and edit
_FREQUENT = frozenset(
    {f"s:{stem(w)}" for w in _FREQUENT_WORDS}
    | {f"w:{w}" for w in _FREQUENT_WORDS}
    | {"p:customer", "p:peopl", "p:thank", "p:feel", "p:help", "p:call"}
)


def _in_order(
    slots: tuple[frozenset[str], ...], keys: list[frozenset[str]], lo: int, hi: int
) -> bool:
    """Whether words meeting the required slots occur in the pattern's order (each slot is
    one word slot of the sequence, so a match uses one later word per slot)."""
    pos = lo
    for slot in slots:
        while pos < hi and keys[pos].isdisjoint(slot):
            pos += 1
        if pos >= hi:
            return False
        pos += 1
    return True


@functools.lru_cache(maxsize=16384)  # the same slots recur across patterns and compiles
def _commonness(slot: frozenset[str]) -> tuple[int, int, int]:
    """How likely a slot is met in an answer, as far as its words tell without a corpus:
    frequent words first, then many keys, then short words."""
    return len(slot & _FREQUENT), len(slot), -min(len(key) for key in slot)


def compile_pattern(owner: int, pattern: str, seq: Seq, vocab: Vocabulary) -> Program:
    b = _Builder(vocab)
    final = b.add(MATCH, _EMPTY, ())
    start = b.seq(seq, final)
    first = b.first_keys(start)
    return Program(
        owner,
        pattern,
        tuple(b.kinds),
        tuple(b.keys),
        tuple(b.outs),
        start,
        first,
        _required(seq) or (first,),
    )


Thread = tuple[int, tuple[int, ...]]  # (start token, literal tokens)


def _closure(
    prog: Program, ans: Answer, pos: int, hi: int, seeds: list[tuple[int, Thread]]
) -> dict[int, Thread]:
    """Consuming and final states reachable without reading a word; first arrival wins."""
    out: dict[int, Thread] = {}
    seen: set[int] = set()
    kinds, outs, slot_keys = prog.kinds, prog.outs, prog.keys
    here = ans.keys[pos] if pos < hi else _EMPTY
    for state, thread in seeds:
        stack = [state]
        while stack:
            s = stack.pop()
            if s in seen:
                continue
            seen.add(s)
            kind = kinds[s]
            if kind == SPLIT:
                stack.extend(reversed(outs[s]))
            elif kind == NOT:
                if pos >= hi or here.isdisjoint(slot_keys[s]):
                    stack.append(outs[s][0])
            else:
                out[s] = thread
    return out


def _latest_start(thread: tuple[int, Thread]) -> int:
    return -thread[1][0]


def run(prog: Program, ans: Answer, lo: int, hi: int) -> list[Match]:
    """Every shortest match of the program inside tokens lo..hi (one sentence)."""
    found: list[Match] = []
    keys, barrier = ans.keys, ans.barrier
    kinds, outs, slot_keys, first_keys = prog.kinds, prog.outs, prog.keys, prog.first_keys
    active: list[tuple[int, Thread]] = []
    for pos in range(lo, hi + 1):
        seeds = active
        if pos < hi and not keys[pos].isdisjoint(first_keys):
            seeds = [(prog.start, (pos, ())), *active]  # the latest start goes first
        elif not active:
            continue  # no thread alive and none starting: most words of most sentences
        current = _closure(prog, ans, pos, hi, seeds)
        active = []
        here = keys[pos] if pos < hi else _EMPTY
        for s, (start, lits) in current.items():
            kind = kinds[s]
            if kind == MATCH:
                found.append(Match(start, pos, lits))
            elif pos >= hi:
                continue
            elif kind == WORD:
                if not here.isdisjoint(slot_keys[s]):
                    active.append((outs[s][0], (start, (*lits, pos))))
            elif not barrier[pos]:  # ANY: a gap never skips "but", "however" ...
                active.append((outs[s][0], (start, lits)))
        active.sort(key=_latest_start)
    return found


def matches(prog: Program, ans: Answer) -> list[Match]:
    """Matches of one program anywhere in the answer, earliest first."""
    key_pos = ans.key_pos
    for slot in prog.required:
        if slot.isdisjoint(key_pos):
            return []
    first_sents: dict[int, int] = {}
    for key in prog.first_keys:
        for p in key_pos.get(key, ()):
            s = ans.sent[p]
            if p < first_sents.get(s, ans.n):
                first_sents[s] = p
    found: list[Match] = []
    for s in sorted(first_sents):
        found.extend(run(prog, ans, first_sents[s], ans.span_of[s][1]))
    found.sort(key=lambda m: (m.start, m.end))
    return found


class Automaton:
    """Many programs run together: an inverted index says which of them can match at all.

    A lazily built DFA over every program's states was tried here first: on answers it had
    not seen, nearly every word built a new transition (the gaps' "any word" chains make the
    state sets almost all distinct), so it ran as a slow NFA, about 5 ms an answer. What
    does work is that a program can only match an answer that contains a word of each of its
    required slots (``Program.required``): each program is filed under the keys of one such
    slot, an answer's keys pick the few programs filed there, and only those that find all
    their slots are run (``matches``), each from its first possible word. The answer is read
    once with one dict lookup per distinct key; the runs cost at most (states) x (words) of
    their sentences, so the whole stays linear in the answer's length. Nothing is learnt
    from answers, so threads share one Automaton freely.

    No library is used: Aho-Corasick (pyahocorasick) or RE2 would scan characters, while
    the words here are already read, stemmed and typo-matched into keys, and a pattern's
    gaps, "!" checks and "but" barriers are not regular-expression features RE2 could run
    for us without rewriting every pattern; the index is one dict lookup per key.
    """

    def __init__(self, programs: list[Program]) -> None:
        self.programs = programs
        index: dict[str, list[int]] = {}
        # what a sentence must have for each program to run there, likeliest to fail first
        self._needs: list[tuple[frozenset[str], ...]] = []
        for pi, prog in enumerate(programs):
            needs = sorted(prog.required, key=_commonness)
            for key in needs[0]:
                index.setdefault(key, []).append(pi)
            self._needs.append((*needs[1:], prog.first_keys))
        self._index = {key: tuple(found) for key, found in index.items()}

    def matches(self, ans: Answer) -> list[tuple[Program, list[Match]]]:
        """(program, its matches earliest first) for every program that matches, in order."""
        index, programs, needs = self._index, self.programs, self._needs
        found: dict[int, list[Match]] = {}
        for sid, (lo, hi) in ans.span_of.items():
            present = ans.sent_keys[sid]
            picked: set[int] = set()
            for key in present:
                filed = index.get(key)
                if filed:
                    picked.update(filed)
            for pi in picked:
                for slot in needs[pi]:
                    if slot.isdisjoint(present):
                        break
                else:
                    prog = programs[pi]
                    if not _in_order(prog.required, ans.keys, lo, hi):
                        continue
                    here = run(prog, ans, lo, hi)
                    if here:
                        found.setdefault(pi, []).extend(here)
        out: list[tuple[Program, list[Match]]] = []
        for pi in sorted(found):
            ms = found[pi]
            ms.sort(key=lambda m: (m.start, m.end))
            out.append((programs[pi], ms))
        return out
