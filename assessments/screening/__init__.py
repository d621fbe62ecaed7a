"""Warning-answer screener: pure Python, no Django. Text in, flags out.

Rules plus an interview answer go in; flags come out. A flag names the rule, the evidence
(character offsets into the ORIGINAL answer, so a page can highlight it), the pattern or the
learned stage's quoted words, the rule's why and source, and which stage raised it. Flags
inform the interviewer; they never reject anyone.

The package, by concern (dependencies run down this list, never up):

* ``spec``        RuleSpec, Flag
* ``text``        normalising, words, contractions, the stemmer
* ``typos``       one-edit matching
* ``patterns``    the pattern language HR writes, its typed tree and its limits
* ``vocabulary``  what a word of an answer can match
* ``answer``      an analysed answer: sentences, clauses, negation, speaker in notes
* ``matcher``     patterns as automata, run in linear time
* ``stance_words`` / ``stance_markers`` / ``disowning`` / ``quotes`` / ``negation`` /
  ``topic`` / ``story`` / ``concession`` / ``stance``  whose view a match is (documented in
  stance)
* ``model``       the learned second stage (inference)
* ``engine``      Screener
* ``evaluation``  self_test, evaluate, load_rules
* ``training``    training the learned stage, through this facade only
"""

from assessments.screening.engine import DEFAULT_MODEL, Screener
from assessments.screening.evaluation import Counts, Evaluation, evaluate, load_rules, self_test
from assessments.screening.model import NONE, ScreeningModel, default_model, text_features
from assessments.screening.model import train as train_model
from assessments.screening.patterns import PatternError, pattern_problem
from assessments.screening.spec import LEARNED_STAGE, RULES_STAGE, Flag, RuleSpec

__all__ = [
    "DEFAULT_MODEL",
    "LEARNED_STAGE",
    "NONE",
    "RULES_STAGE",
    "Counts",
    "Evaluation",
    "Flag",
    "PatternError",
    "RuleSpec",
    "Screener",
    "ScreeningModel",
    "default_model",
    "evaluate",
    "load_rules",
    "pattern_problem",
    "self_test",
    "text_features",
    "train_model",
]
