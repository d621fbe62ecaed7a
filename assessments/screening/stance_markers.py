"""Stance markers: English, written in the rule pattern language, reviewed like rules.

``DISTANCE_BEFORE``: words earlier in the sentence that make what follows someone else's
view or an outgrown one ("my old manager used to say", "I used to think").
(Their mirror, words later in the sentence that disown what came before, is
disowning.DISTANCE_AFTER.) Each entry is (pattern, reach): reach None = anywhere in the
sentence; n = the match must be within n words of the marker, in the same clause.
stance.py applies them.
"""

from __future__ import annotations

from assessments.screening.stance_words import (
    ADVERB,
    BAD_THING,
    OTHERS,
    PUBLIC,
    ROLES,
    SAYING,
    SOMEONE,
    STAFF,
)

# reach for a marker whose speaker is "he", "she" or "they": anywhere in the sentence, but
# only in a first-person answer (in a note, "she said" is the candidate speaking)
THIRD_PERSON = -2
# reach for a talk in private with a colleague: anywhere earlier in the sentence, and what
# the candidate says after it is said to the colleague ("in our one-to-one, I told him ...")
IN_PRIVATE = -3
# (pattern, reach): reach None = anywhere earlier in the sentence; n = the match must start
# within n words after the marker, in the same clause.
DISTANCE_BEFORE: tuple[tuple[str, int | None], ...] = (
    # a strict rule about a check kept for safety or law, named first: "Brake checks - no
    # exceptions.", "the fraud warning, the data protection bit ... exactly, no shortcuts"
    (
        "((brake|ramp|safety|security|id|identity|fraud|allergen|allergy|dpa|gdpr) "
        "(check|checks|questions|warning|warnings|procedure|procedures)|data protection)",
        None,
    ),
    # someone else's words: "my old manager used to say", "people think"
    (
        f"{OTHERS} [(used to|would|always|once|often|kept|keep|even|actually|constantly|"
        f"sometimes|probably|really|all)] {SAYING}",
        None,
    ),
    (f"(some|many|a lot of|lots of|most|other|plenty of) ~1 {STAFF}", None),
    (
        f"[(a|one|our|the|another|this|hotel)] {ROLES} [(used to|would|always|kept)] {SAYING}",
        None,
    ),
    (
        "(some|many|a lot of|lots of|most|other|plenty of) ~1 person ~2 (say|think|believe|"
        "feel|claim*|argu*|insist*|assume|reckon|tell|see|view|treat|call|consider|regard)",
        None,
    ),
    (f"(see|watch*|witness*|hear|overhear*|notic*) ~4 {OTHERS}", None),
    ("(hear|heard|overhear*) (him|her|them|someone|people|others) [(say|tell|go|call)]", None),
    # "my colleague next to me actually said, 'you need to calm down'"
    (
        f"{OTHERS} (next to me|beside me|on my team|at the time|there|then) [(actually|once|"
        "always|just|even)] (said|say*|told|tell*|went|goes|go)",
        None,
    ),
    # someone else's saying: "my uncle, he used to say 'why be a servant?'"
    (
        "(he|she|they) [(always|often|just|would)] (used to|would always|always|kept|keep) "
        "(say*|said|tell*|told|call*)",
        None,
    ),
    # "he was always saying to customers, 'I'd rather be anywhere but here'"
    ("(he|she|they) (was|were|is|are) [(always|forever|constantly|often)] (saying|telling)", None),
    # the interviewer's prompt, answered: "C. pushed back on my prompt ('some accounts ...?')"
    (
        "(push* back on|disagree* with|reject*|challeng*|question*) ~2 (my|the|our|that) "
        "(prompt|question|suggestion|premise|idea|framing)",
        None,
    ),
    # the candidate answering someone else's line: "C. rejects prev. mgr's 'fire the customer'"
    ("(reject*|disagree* with|push* back on|argu* against|object* to)", 4),
    # how a reply would sound: "that just sounds like you don't believe them"
    ("(that|it|this|which) ~1 (sound*|come* across|look*) (like|as if|as though)", 4),
    (f"(hate|dislike|frustrat*|annoy*|bother*|cringe) ~3 when ~2 {OTHERS}", None),
    ("=i used to (think|believe|feel|assume)", None),
    # what staff are told or trained to do: "you do get told everyone's out to rip you off"
    (
        "(=get|=got|=getting|=were|=was|=been) [(literally|always|even|actually|specifically|"
        "explicitly|once|all)] (told|taught|trained) [to]",
        None,
    ),
    (
        "(she|he|they|manager*|mgr|mgrs|boss*|supervisor*|trainer*|company|management|"
        "head office) ~2 (want*|expect*|made|make|had|told|tell|ask*|encourag*|train*|push*) "
        "(us|staff|everyone|the team|team|new staff|new hires|agents|reps) [to]",
        None,
    ),
    (
        "(there was|there were|we had|=i had|=i worked with|=i knew|"
        f"=i have sat next to|=i sat next to) ~3 {SOMEONE} ~5 (who|that)",
        None,
    ),
    # ... but "you get" only of fellow staff: "you get the ones who can't find the switch"
    # is the candidate sorting callers
    (f"you [do] get ~1 {STAFF} (who|that)", None),
    (f"where ~4 {SOMEONE} (would|used to|kept|always|often)", None),
    # ... or by a habit of their own: "he had this thing where ...", "he used to make
    # these little comments on calls", "one of the lads going, 'yes, we fired him'"
    # (in a note, "she" is the candidate: THIRD_PERSON)
    ("(he|she|they) [used to] (had|have) this (thing|habit|way|phrase|saying|line)", THIRD_PERSON),
    ("(he|she|they) used to (make|do|put)", THIRD_PERSON),
    ("(he|she|they) would ~1 (do|make)", THIRD_PERSON),
    # others the candidate knows of: "I know some people on my old team would lecture them",
    # "some of the hotel staff were a bit eye-rolly about it"
    ("=i know (some|a few|plenty of|lots of|a lot of) ~1 (person|colleague*|staff|agent*)", None),
    (f"(some|many|a lot|lots|most|a few|a couple) of (the|our|my) ~1 {STAFF}", None),
    (
        "(one|some|a couple|a few) of the (lads|guys|girls|team|others|agents|staff|reps) "
        "[(were|was)] (going|went|goes|said|saying|like)",
        None,
    ),
    # someone else's phrase: "C knows phrase 'fire the customer' from prev job"
    ("(know*|heard|hear|learnt|learned) [(the|that|this)] (phrase|saying|line|expression)", 3),
    # the easy answer, weighed and not given: "the easy thing is to say, like, 'not my dept'"
    (
        "(easy|easiest|tempting|lazy) [(thing|option|way|answer|route)] ~2 "
        "(say|do|go|tell|just|think|been)",
        None,
    ),
    # what could have been said: "I could've just said 'no, you've read it wrong', but ..."
    ("(could|might) have ~2 (said|pointed|told|gone|explained|snapped|argued)", None),
    # a quoted caller: "C quoted a rude caller ('you're thick as mince')"
    (
        # ("repeat callers" are callers who ring again, not a quote)
        "(quot*|mimic*|=repeated|=repeats|repeating) ~3 (customer*|caller*|guest*|client*|"
        "patient*|manager*|boss*)",
        None,
    ),
    # ... ending before the noun, so a phrase that starts on it is still the quoted one's:
    # "C quoted a rude caller ('you're thick as mince')"
    (
        "(quoted|quoting|quotes|mimicked|mimicking|imitated|imitating) (a|an|the|one|this|that)",
        None,
    ),
    # a habit the candidate has dropped, named first in a note: "Old habit: script word for word"
    ("(old|former|past) habit", None),
    # a reply held back: "biting back a smart reply"
    ("(bite|bit|biting|bites|hold|holding|held|holds|swallow*) (back|in|my tongue)", 3),
    ("(resist*|refrain* from)", 3),
    # an outgrown habit: "I used to get upset when...", "back when I was new I'd ..."
    ("=i used to", None),
    (
        "(when|back when|before) =i (be|first) ~1 (new|young*|start*|inexperienced|a teenager)",
        None,
    ),
    ("(early|earlier) (on|in my career) ~1 =i", None),
    # "it doesn't matter whether it was our fault, I ..."
    ("(not|never) ~1 (matter*|care) ~1 (if|whether|that|who|whose)", None),
    ("(regardless of|irrespective of) (whether|who|whose|if)", None),
    ("=i (thought|assumed|believed) ~3 (until|but|before)", None),
    (f"{BAD_THING}", None),
    # ("when we make mistake with tablets i dont say sorry" is no verdict)
    ("(mistake*|pet peeve*|red flag*) !(with|on|in|by|when|and|=i|we) ~3 (say|tell|do|be)", None),
    ("(myth|misconception|outdated) ~3 that", None),
    # what the customer should not hear: "she doesn't need to hear you'd rather be elsewhere"
    ("(not|never) (need*|want*) to hear", None),
    # a temptation named, not taken: "it would be easy to take that personally. But ..."
    ("be ~2 (easy|tempting) to", None),
    # a customer's claim about me: "a customer told me I must wish I was home"
    (f"{PUBLIC} ~2 (tell|say|ask*|accus*) me [that] =i", None),
    # ... or said so of me: "a lady at the desk said I must wish I was at home in bed"
    ("(lady|woman|man|gentleman|bloke|guy) ~4 =said [that] =i (must|would|bet|should)", None),
    # (not "would": in a note, "tenant crying ..., said 'I'd stay neutral'" is the candidate)
    (f"((lady|woman|man|gentleman|bloke|guy)|{PUBLIC}) ~6 =said [that] =i (must|bet)", None),
    # ... or to the candidate, in a note: 'cust ... told C "it's the only shop I don't have
    # to explain myself to"'
    ("(=told|=tells|=asked|=asks) (c|cand|candidate)", None),
    # ... or of themself: "a member on the treadmill once said he'd rather be anywhere"
    (f"{PUBLIC} ~4 (=said|=says|=joked) [that] (he|she|they) (would|had|must|was|is)", None),
    # ... teasing me: "'bet you'd rather be in bed' -> 'no, love Sunday shifts'"
    ("(=bet|=betcha) (you|u|ya)", None),
    # a customer's question: "Caller asked if she'd rather be elsewhere: 'no, happy here.'"
    (
        f"{PUBLIC} ~1 asked (if|whether)",
        None,
    ),
    # "my old manager, she'd say, like, 'never apologise'" (in a note, "she'd say" is the
    # candidate's)
    ("(he|she|they) would (say*|said|tell*|told)", THIRD_PERSON),
    # a name someone else gave: "a previous manager called housebound pts 'the moaners list'"
    (
        f"{OTHERS} [(once|always|would|used to)] (called|calls|calling|refer* to) ~2 {PUBLIC}",
        None,
    ),
    # someone else's phrase: "my old manager, she had this phrase, 'fire the customer'"
    (f"{OTHERS} ~3 (had|has) (this|a|that) (phrase|saying|line|expression|motto|mantra)", None),
    (
        "(he|she|they) (had|has) (this|a|that) (phrase|saying|line|expression|motto|mantra)",
        THIRD_PERSON,
    ),
    # a laugh kept for later, among staff: "later with the team we laugh about the rice"
    ("(after|later|afterwards) ~1 with", 1),
    # what others assume of me: "People sometimes assume I do this for the thank-yous"
    (
        "(people|others|friends|everyone|family) [(sometimes|often|always|usually|probably|"
        "might|may|will)] (assume*|think*|reckon*|say*) [that] =i",
        None,
    ),
    # someone else recalled by the candidate: "C mentioned ex-colleague who ..."
    (f"(mention*|describ*|recall*|talk* about|told (me|us) about) ~3 {SOMEONE} (who|that)", None),
    # ... in a story told, or a customer talked about: "C told story of ex-colleague who'd
    # slow down callbacks", "talked about cust who called whole team 'morons'" (not a story
    # of a customer: "told story of cust who asked if ...", then the candidate's reply)
    (
        f"(told|tells|telling) [(me|us)] [(a|the)] (story|stories|anecdote) (of|about|re) ~3 "
        f"{SOMEONE} (who|that)",
        None,
    ),
    (f"(mention*|describ*|recall*|talk* about|told (me|us) about) ~2 {PUBLIC} (who|that)", None),
    # a name others gave customers: "a previous manager called housebound pts 'the moaners'"
    (
        f"{OTHERS} [(once|always|often|used to|would)] (=called|=blamed) [(the|those|these|all)] "
        f"~1 {PUBLIC}",
        None,
    ),
    # a concession: "apologises even tho not her fault"
    ("(even (though|tho|if|when)|although)", 3),
    # ... or anyone's: "Someone once asked whether I wished I was at home"
    (f"{OTHERS} [(once|often|always|sometimes|even|then|just)] ask* (if|whether)", None),
    # someone in the story speaking: "And she said, who was the idiot who did this?"
    (
        "(he|she|they) [(just|then|kept|always|even|actually)] (=said|=says|=goes|=went|=asked|"
        "=yelled|=shouted|=screamed|=was like|=were like|=told me|kept saying)",
        THIRD_PERSON,
    ),
    # what a customer said, wanted or joked: "when customers say I bet you'd rather be home"
    # (the words between are the customer's adverbs: "when customer scream i say him" is
    # the candidate speaking)
    (
        f"{PUBLIC} [{ADVERB}] "
        f"[{ADVERB}] (say|joke*|comment*|remark*|tease*|"
        "call* (us|me|the company|the staff)) "
        "!(thank*|thanks|nice|kind|good|great|lovely|how|well|wonderful|amazing|brilliant)",
        None,
    ),
    # ... and told me to do: "cust told me calm down" (notes drop the "to", "cust" is common)
    (
        f"{PUBLIC} [{ADVERB}] [{ADVERB}] (tell|ask*|want*) me [to]",
        None,
    ),
    # colleagues as the subject: "Colleagues mocked custs on the floor", "others would ..."
    (
        "(colleagues|coworkers|co workers|the others|others on|"
        "people on the floor|the old timers) [(would|used to|"
        "always|often|kept|all|sometimes|openly|regularly)]",
        1,
    ),
    # ... or met at work: "a tech I worked with used to say rude people don't deserve it"
    *(
        (
            f"{who} (=i|we) (worked|work|used to work) with ~2 (used to|would|always|kept|often) "
            f"{SAYING}",
            None,
        )
        for who in (OTHERS, ROLES)
    ),
    # ... or without one: "someone on my old team would've gone 'it's only three pounds'"
    (
        f"(someone|somebody|people|others|colleagues) (at|in|on|from) ~3 (used to|would|always|"
        f"kept|often) [have] {SAYING}",
        None,
    ),
    # ... placed first: "A colleague at my last place used to tell customers ..."
    (
        f"(a|my|one|our|the|another) {OTHERS} (at|in|on|from) ~3 (used to|would|always|kept|"
        f"often) {SAYING}",
        None,
    ),
    # what is said to the colleague in a private talk after the complaint, not to the
    # customer: "then, separately, with the agent, I told her she's one of the best",
    # "in our one-to-one, I told him how good he is", "later I talked to Dan, told him ..."
    (
        "((separately|privately|in private|later|afterwards|after) ~1 (with|to) "
        f"(him|her|them|the {STAFF})|on my own with (him|her|them)|"
        "(in|during|at) (our|a|the|my|their) (one to one*|1 1|coaching|supervision|debrief*)|"
        f"(later|afterwards|after|separately) ~2 (talked|spoke|went|took) (to|with) "
        f"[(the|my)] [{STAFF}])",
        IN_PRIVATE,
    ),
    # someone else as the subject: "a coworker was sarcastic", "my manager would ..."
    (
        f"(a|my|one|our|the|another|this|that) [(old|previous|former|new|last)] {OTHERS} "
        "[(once|always|often|sometimes|really|just|kept)] (be|get|became|act*|would|"
        "used to|start*|kept|keep|who|that)",
        2,
    ),
    # ... or named in a note without "a"/"my": "Old TL read script word for word. Hated it."
    (f"(old|ex|prev|previous|former) ({OTHERS}|{ROLES})", 4),
    # ... or a fellow worker by trade: "a driver laughed at her when she asked"
    (
        f"(a|my|one|our|the|another|this|that) {ROLES} [(once|always|often|just|kept)]",
        1,
    ),
)


# Everyday words (engine.py indexes no pattern under them when it has a rarer word).
EVERYDAY = """
i me my we our us you your they them their he him his she her it its this that these those
a an the and or but so if when then than as at by for from in into of on to with without
be is am are was were been being do does did not no never have has had will would can could
should must may might just really very also too only even still about what who whose how
why where which there here all some any most many much more less one other another each
every customer customers people person them they say said tell told ask get got make made
take go come know think feel want need like love help work job time day way thing things
"""
