"""Patterns compiled to small automata, run over an answer in time linear in its length.

Each pattern becomes a Thompson-style automaton: one state per word slot, a chain of
"any word" states per gap, a split per group. Running it keeps at most one thread per state
(the one that started latest, so every match found is the shortest one ending there); there
is no backtracking, so a pattern costs at most (its states) x (words of the answer), and
patterns.py bounds the states. A pattern is only run on sentences that contain one of its
first words, and only when every word it cannot do without occurs in the answer.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assessments.screening.answer import Answer
from assessments.screening.patterns import Alt, Gap, Node, Not, Seq, Word
from assessments.screening.vocabulary import Vocabulary

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
        for node in reversed(nodes):
            cont = self.node(node, cont)
        return cont

    def node(self, node: Node, cont: int) -> int:
        if isinstance(node, Word):
            return self.add(WORD, self.vocab.add(node), (cont,))
        if isinstance(node, Not):
            return self.add(NOT, self.union(node.words), (cont,))
        if isinstance(node, Gap):
            entry = cont
            for _ in range(node.size):
                skip = self.add(ANY, _EMPTY, (entry,))
                entry = self.add(SPLIT, _EMPTY, (cont, skip))
            return entry
        return self.alt(node, cont)

    def alt(self, node: Alt, cont: int) -> int:
        singles = [o[0] for o in node.options if len(o) == 1 and isinstance(o[0], Word)]
        outs = [self.seq(o, cont) for o in node.options if not (len(o) == 1 and o[0] in singles)]
        if singles:
            # one state for all one-word alternatives: (thank*|praise|gratitude) is one slot
            outs.insert(0, self.add(WORD, self.union(singles), (cont,)))
        if node.optional:
            outs.insert(0, cont)
        return self.add(SPLIT, _EMPTY, tuple(outs))

    def union(self, words: list[Word] | tuple[Word, ...]) -> frozenset[str]:
        return frozenset().union(*(self.vocab.add(w) for w in words))

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


def _required(seq: Seq, vocab: Vocabulary) -> tuple[frozenset[str], ...]:
    slots: list[frozenset[str]] = []
    for node in seq:
        if isinstance(node, Word):
            slots.append(vocab.add(node))
        elif (
            isinstance(node, Alt)
            and not node.optional
            and all(len(o) == 1 and isinstance(o[0], Word) for o in node.options)
        ):
            words = [o[0] for o in node.options if isinstance(o[0], Word)]
            slots.append(frozenset().union(*(vocab.add(w) for w in words)))
    return tuple(slots)


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
        _required(seq, vocab) or (first,),
    )


Thread = tuple[int, tuple[int, ...]]  # (start token, literal tokens)


def _closure(
    prog: Program, ans: Answer, pos: int, hi: int, seeds: list[tuple[int, Thread]]
) -> dict[int, Thread]:
    """Consuming and final states reachable without reading a word; first arrival wins."""
    out: dict[int, Thread] = {}
    seen: set[int] = set()
    kinds, outs = prog.kinds, prog.outs
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
                if pos >= hi or ans.keys[pos].isdisjoint(prog.keys[s]):
                    stack.append(outs[s][0])
            else:
                out[s] = thread
    return out


def run(prog: Program, ans: Answer, lo: int, hi: int) -> list[Match]:
    """Every shortest match of the program inside tokens lo..hi (one sentence)."""
    found: list[Match] = []
    keys, barrier, kinds = ans.keys, ans.barrier, prog.kinds
    active: list[tuple[int, Thread]] = []
    for pos in range(lo, hi + 1):
        seeds = active
        if pos < hi and not keys[pos].isdisjoint(prog.first_keys):
            seeds = [(prog.start, (pos, ())), *active]  # the latest start goes first
        current = _closure(prog, ans, pos, hi, seeds)
        active = []
        for s, (start, lits) in current.items():
            kind = kinds[s]
            if kind == MATCH:
                found.append(Match(start, pos, lits))
            elif pos >= hi:
                continue
            elif kind == WORD:
                if not keys[pos].isdisjoint(prog.keys[s]):
                    active.append((prog.outs[s][0], (start, (*lits, pos))))
            elif not barrier[pos]:  # ANY: a gap never skips "but", "however" ...
                active.append((prog.outs[s][0], (start, lits)))
        active.sort(key=lambda t: -t[1][0])
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


_CLASS_LIMIT = 50_000  # distinct word key-sets remembered before starting afresh
_DELTA_LIMIT = 200_000  # remembered transitions before starting afresh
_END = 2  # step flag: the sentence ends here (0: a word, 1: a contrast word)


@dataclass
class _Tables:
    """What a warm Automaton has learnt: word classes, state sets and their transitions."""

    classes: dict[frozenset[str], int] = field(default_factory=dict)  # key set -> class id
    class_masks: list[tuple[int, int, int]] = field(default_factory=lambda: [(0, 0, 0)])
    ids: dict[int, int] = field(default_factory=lambda: {0: 0})  # state set -> id
    masks: list[int] = field(default_factory=lambda: [0])  # id -> state set
    # (state id, class id, flag) -> (next state id, programs matching here)
    delta: dict[tuple[int, int, int], tuple[int, tuple[int, ...]]] = field(default_factory=dict)


class Automaton:
    """Many programs run together as one lazily built DFA, to find which of them match.

    Running each program's automaton over an answer costs a Python loop per program and
    word; most of those runs find nothing. Here every program's states are numbered into one
    bit mask, a word becomes the masks of the states it feeds (computed once per distinct
    key set), and a step from one set of states on one kind of word is computed once and
    then looked up, so a warm screener reads an answer with one dict lookup per word. A
    step costs at most the number of states to build, so the cost stays linear in the
    answer's length. Only the (program, sentence) pairs that match are then run again with
    ``run`` for their spans. The tables are bounded and rebuilt when full; threads may share
    one Automaton (a table swap is one attribute assignment).
    """

    def __init__(self, programs: list[Program]) -> None:
        self.programs = programs
        kinds: list[int] = []
        outs: list[tuple[int, ...]] = []
        owner: dict[int, int] = {}
        word_at: dict[str, list[int]] = {}  # key -> states it feeds (masks built at the end)
        not_at: dict[str, list[int]] = {}
        start_at: dict[str, list[int]] = {}
        for pi, prog in enumerate(programs):
            base = len(kinds)
            for s, kind in enumerate(prog.kinds):
                kinds.append(kind)
                outs.append(tuple(base + o for o in prog.outs[s]))
                table = word_at if kind == WORD else not_at if kind == NOT else None
                if table is not None:
                    for key in prog.keys[s]:
                        table.setdefault(key, []).append(base + s)
                if kind == MATCH:
                    owner[base + s] = pi
            for key in prog.first_keys:
                start_at.setdefault(key, []).append(base + prog.start)
        word_of, not_of, start_of = (
            {key: _mask(states, len(kinds)) for key, states in table.items()}
            for table in (word_at, not_at, start_at)
        )
        self._kinds, self._outs, self._owner = kinds, outs, owner
        self._word_of, self._not_of, self._start_of = word_of, not_of, start_of
        self._lock = threading.Lock()  # a miss extends the tables; lookups need no lock
        self._reset()

    def _reset(self) -> None:
        self._tables = _Tables()

    def matched(self, ans: Answer) -> dict[int, list[tuple[int, int]]]:
        """program index -> the sentences (first token, end token) it matches in."""
        tables = self._tables
        if len(tables.delta) > _DELTA_LIMIT or len(tables.classes) > _CLASS_LIMIT:
            self._reset()
            tables = self._tables
        classes, delta = tables.classes, tables.delta
        found: dict[int, list[tuple[int, int]]] = {}
        keys, barrier = ans.keys, ans.barrier
        for lo, hi in ans.span_of.values():
            state = 0
            for pos in range(lo, hi + 1):
                if pos < hi:
                    ks = keys[pos]
                    cid = classes.get(ks)
                    if cid is None:
                        cid = self._classify(ks, tables)
                    step = (state, cid, 1 if barrier[pos] else 0)
                else:
                    step = (state, 0, _END)  # the sentence's end: finish, start nothing
                hit = delta.get(step)
                if hit is None:
                    hit = self._step(step, tables)
                state, owners = hit
                for pi in owners:
                    spans = found.setdefault(pi, [])
                    if not spans or spans[-1] != (lo, hi):
                        spans.append((lo, hi))
        return found

    def _classify(self, ks: frozenset[str], tables: _Tables) -> int:
        word = no = start = 0
        for key in ks:
            word |= self._word_of.get(key, 0)
            no |= self._not_of.get(key, 0)
            start |= self._start_of.get(key, 0)
        with self._lock:
            cid = tables.classes.get(ks)
            if cid is None:
                tables.class_masks.append((word, no, start))
                cid = tables.classes[ks] = len(tables.class_masks) - 1
        return cid

    def _step(self, step: tuple[int, int, int], tables: _Tables) -> tuple[int, tuple[int, ...]]:
        state, cid, flag = step
        word, no, start = (0, 0, 0) if flag == _END else tables.class_masks[cid]
        closed = self._closure(tables.masks[state] | start, no, flag == _END)
        nxt = 0
        owners: list[int] = []
        kinds, outs = self._kinds, self._outs
        for s in _bits(closed):
            kind = kinds[s]
            if kind == MATCH:
                owners.append(self._owner[s])
            elif flag == _END:
                continue
            elif (kind == WORD and word >> s & 1) or (kind == ANY and flag == 0):
                nxt |= 1 << outs[s][0]  # a gap (ANY) never skips "but", "however" ...
        with self._lock:
            next_id = tables.ids.get(nxt)
            if next_id is None:
                tables.masks.append(nxt)
                next_id = tables.ids[nxt] = len(tables.masks) - 1
        hit = (next_id, tuple(sorted(set(owners))))
        tables.delta[step] = hit
        return hit

    def _closure(self, seeds: int, no: int, at_end: bool) -> int:
        """Consuming and final states reachable from `seeds` without reading a word."""
        kinds, outs = self._kinds, self._outs
        stack = _bits(seeds)
        seen = closed = 0
        while stack:
            s = stack.pop()
            bit = 1 << s
            if seen & bit:
                continue
            seen |= bit
            kind = kinds[s]
            if kind == SPLIT:
                stack.extend(outs[s])
            elif kind == NOT:
                if at_end or not no & bit:
                    stack.append(outs[s][0])
            else:
                closed |= bit
        return closed

    def matches(self, ans: Answer) -> list[tuple[Program, list[Match]]]:
        """(program, its matches earliest first) for every program that matches, in order."""
        out: list[tuple[Program, list[Match]]] = []
        for pi, spans in sorted(self.matched(ans).items()):
            prog = self.programs[pi]
            found = [m for lo, hi in spans for m in run(prog, ans, lo, hi)]
            found.sort(key=lambda m: (m.start, m.end))
            out.append((prog, found))
        return out


def _mask(states: list[int], size: int) -> int:
    """The bit mask of `states`, built in one pass (OR-ing bits into a growing int one state
    at a time was most of the compile time)."""
    raw = bytearray((size + 7) // 8)
    for s in states:
        raw[s >> 3] |= 1 << (s & 7)
    return int.from_bytes(raw, "little")


def _bits(mask: int) -> list[int]:
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
