"""Disowning markers: English, written in the rule pattern language, reviewed like rules.

``DISTANCE_AFTER``: words later in the sentence (or opening the next one) that disown what
came before ("... and I disagreed", "which only makes it worse", "no exceptions.
safeguarding."). Each entry is (pattern, reach). stance.py applies them; their mirror, the
markers earlier in the sentence, is stance_markers.DISTANCE_BEFORE.
"""

from __future__ import annotations

from assessments.screening.stance_words import BAD_THING, HELPS

# (pattern, reach): reach None = anywhere later in the sentence (or the first words of the
# next one); n = the marker must start within n words after the match.
DISTANCE_AFTER: tuple[tuple[str, int | None], ...] = (
    # a strict rule kept for a reason of safety or law: "on the list + ID, no exceptions.
    # safeguarding.", "DPA checks every time, no exceptions. it protects them", "the gas
    # script, word for word, no exceptions, because that could be someone's life"
    (
        "(safeguarding|data protection|dpa|gdpr|someone could die|(someone's|somebody's) life|"
        "(allergen|allergy) (procedure*|rule*|protocol*|check*)|"
        "(it|that|this) protect* them|for (their|your|everyone's|every child's|the child's) "
        "(safety|protection)|(that|it|this) be (safety|the law|a legal thing|legal)|"
        "(for|because of) (safety|security|fraud|legal) ~1 (reasons|reason)|"
        "(very|really|an|a) important document*)",
        None,
    ),
    (
        "(disagree*|not agree*|never agree*|not buy it|not share|push* back|object*|"
        "refused !(to)|refuses !(to))",
        None,
    ),
    (
        "(that|which|this|it|thinking) (be|seem*|sound*|prove*) ~1 (wrong|a myth|untrue|"
        "a mistake|backward*|nonsense|terrible|awful|unprofessional|harmful|lazy|a cop out|"
        "misguided|toxic|not right|not okay|not ok|not fair)",
        None,
    ),
    (
        "(think|believe|feel|found|find|know) ~3 (be|is) ~1 (wrong|a myth|a mistake|untrue|"
        "nonsense|terrible|awful|unprofessional|harmful|misguided|toxic|backward*|not right|"
        "horrible|cruel|nasty|harsh|gross|a horrible|an awful|a terrible)",
        None,
    ),
    ("not true", None),
    # kept away from customers, told at the start of the next words: "... stays with mates.
    # never on calls"
    (
        "(never|not) (on|with|to|in front of|around|at) ~1 (calls|the phone|customers|guests|"
        "callers|clients|the floor|the desk|shift|work)",
        None,
    ),
    # notes recording the candidate's verdict: "C. thought that was unfair", "she dislikes it"
    (
        "(think|thought|call*|felt|find|found) ~2 (that|it|this) ~1 (unfair|unkind|"
        "out of order|not on|disrespectful|rude|bad form|horrible)",
        None,
    ),
    ("(dislike*|object* to) (it|that|this|the phrase|the idea|the term)", None),
    # the phrase's origin, named after it: "'Fire the customer' came up (her last mgr used it)"
    ("(came|comes) up", 1),
    # the sting told, then the lesson kept: "bad review stings. keep the lesson, drop the rest"
    ("(keep|take|took|kept) the (lesson|learning|point) ~3 (drop|bin|let go|leave|ditch)", None),
    ("(not|never) ~2 (care|matter*) ~2 (whose fault|who is to blame|who caused|who did it)", None),
    # ... or read again and a fair point found: "it stung, but when I reread it ..."
    (
        "(reread*|re read*|read it again|listened back) ~8 (fair|useful|a point|had a point|"
        "changed)",
        None,
    ),
    # the candidate's own act after "not my area": "not her area -> fetches pharmacist. owns it"
    ("(owns it|takes ownership|stays with (them|the customer|the pt|pt|her|him))", None),
    # the sting told, then got over: "Criticism stings. Reread, learn, move on."
    ("(learn*|reread*|reflect*) ~2 (move on|moved on|moving on|let it go|shake it off)", None),
    # a rule kept for safety, flexible otherwise: "script word for word. Rest: flexible."
    (
        "(but|rest|otherwise|beyond that|everything else|outside of that|outside that) ~4 "
        "(flex*|=i talk like|talk to (people|them) like|"
        "my own words|use my judg*|a human being|checklist)",
        None,
    ),
    ("(not|never) (ok|okay|acceptable|cool)", None),
    # the past self, dropped: "Used to doubt bag claims. Not anymore.", "says she's moved on"
    (
        "(not anymore|not any more|no longer|dropped it|dropped that|grew out of it|outgrew it|"
        "coached (her|him|me) out of it|(has|have|she's|he's|i've|she has|he has) moved on)",
        None,
    ),
    # praise or blame kept for a private talk: "praise agents in one-to-ones, not to complainers"
    (
        "(privately|in private|behind closed doors|on my own with (him|her|them)|"
        "(in|during|at) ~2 (one to one*|1 1|coaching|"
        "supervision|debrief*|team meeting*|huddle*))",
        4,
    ),
    (
        "not (during|to|in front of|while|with) ~2 (complain*|complainer*|customer*|caller*|"
        "guest*|patient*|the customer)",
        None,
    ),
    ("(reported|flagged|raised) (it|him|her|them|this) ~2 (to|with)", None),
    # humour kept from customers: "sarcastic person with my mates. But I keep it away from guests"
    (
        "(keep*|kept|save*|saved) ~3 (for (the|my) (team|colleagues|mates|friends|staff room|"
        "back office|family)|off (calls|the phone|the floor|the desk|guests|customers|the guest)|"
        "[(completely|well)] away from (guests|customers|callers|patients|clients|members|"
        "students|tenants|the guest|the desk|the counter|the phone|calls|work))",
        None,
    ),
    ("(person|humour|humor|streak|side) (with|among|around) (my|the) (mates|friends|family)", 1),
    # the rule weighed against the person: "rules is rules but people is people"
    ("but ~1 (people|customers|guests|patients|humans) (be|is|are) ~1 (people|human|not)", None),
    # ... or not sending them away: "parking q not my dept -> ring estates, don't send away"
    (
        "(not|never) ~2 (send* (them|him|her) away|send away|just point*|turn* (them|him|her) "
        "away|leave (them|him|her) (stuck|hanging|there))",
        None,
    ),
    (
        # (right after it: "outside my role: fetched pharmacist")
        "(fetch*|fetched|radio*|rang|ring|call*|got|get) ~2 (the|my|a) (pharmacist|team leader|tl|"
        "supervisor|nurse|estates|right team|duty manager|vet)",
        2,
    ),
    # the candidate's own act after "not her dept": "-> rang through, got a named callback"
    ("(rang through|put (them|him|her) through|walked (her|him|them) (to|over))", None),
    # a note's verdict in symbols or shorthand: "'fire the customer' culture ✗", "-ve on it"
    ("=x !(ray|rays|amount|number|times|minutes|days|pounds)", 6),
    (
        "=ve (on|in) (it|that|this|the idea|that culture|the culture|them|her view|his view|"
        "my view)",
        None,
    ),
    (
        "(call*|called) (it|that|this) [(a|an|just)] (power trip|ego trip|nonsense|rubbish|toxic|"
        "unfair|lazy|disrespectful|cop out|bullying|wrong|out of order|petty)",
        None,
    ),
    ("(wrong|not the) (moment|time|place) ~2 [(for|to)]", 8),
    (f"(be|the) ~1 {BAD_THING}", None),
    ("(have|has|with) no (place|room|business)", None),
    ("not (the|my) (reason|motivation|driver|point)", None),
    ("not why =i", None),
    ("(see|saw|seen|watch*) how bad* ~2 (go|went|end*|land*|turn*)", None),
    ("(be|are|were) ~1 (different|not the same|two different|worlds apart|opposite*)", None),
    (
        "(but|though|although|however|yet) ~4 (not|never|no) ~2 (why|reason|what|about|"
        "point|motivat*|drive*|purpose|goal|the job)",
        None,
    ),
    (
        "but ~1 (now|these days|nowadays|over time|since then|=i (have learned|learned|learnt|"
        "realised|realized|know better|have grown|grew))",
        None,
    ),
    ("(make*|made|making) ~3 (bad|angrier|escalat*|tense)", None),
    ("(only|just) ~2 (escalat*|inflam*|backfire*|angr*|wind* ~2 up|hurt*|harm*|punish*)", None),
    # a view put to the candidate and turned down: "isn't it demeaning? I don't see it that way"
    ("=i ~2 (not|never) ~1 see (it|this|that) ~1 (like that|like this|that way|this way)", None),
    # a rejection in the next sentence: "I never liked it", "But I don't say that."
    (
        "=i ~2 (never|not) ~2 (like|liked|likes|agree*|buy|bought|do|did|say|said|join*|"
        "use|used|go along|went along|hold with) ~1 (it|that|this|in|with it|along|them)",
        None,
    ),
    (
        "(dislike*|hate*|can not stand|not a fan of|not keen on) ~1 (the phrase|that phrase|"
        "the idea|that idea|the term|that term|hearing|to hear|the saying|that saying|"
        "the expression|that line|the line)",
        None,
    ),
    # the candidate chose not to say it: "her own mistake. I could've pointed that out, but"
    ("=i (could|might) have ~1 (said|pointed|told|mentioned|corrected) (that|it|this|so)", None),
    # a rhetorical question that rejects it: "But what's the point in telling them that?"
    ("what be the point (in|of) (tell*|say*|mak*|argu*|point*|blam*|rub*|lectur*)", None),
    (
        "warm (transfer*|handoff*|hand off|handover|hand over) [(it|them|him|her)] "
        "(then|and|plus|follow*|chase*|stay*)",
        None,
    ),
    (
        "(backfire*|escalat*|inflame*|patroniz*|patronis*|condescend*|dismissive|"
        "counterproductive|fuel on|petrol on|gasoline on|red rag|add* fuel)",
        None,
    ),
    (f"(never|not|rarely|seldom) ~1 {HELPS}", 1),
    (
        "(it|that|this|which|doing that|saying that|doing so|saying so) "
        "!(=i|we|you|they|he|she) ~2 "
        f"(never|not|rarely|seldom) ~1 {HELPS}",
        None,
    ),
    ("which ~3 (never|not|avoid*)", None),
    # a note's rejection without a subject: "Old mgr mocked hagglers. Didn't copy that."
    ("(not|never) ~1 (copy|copied|copies|adopt*|pick* up) [(it|that|this|them|her|him|his)]", None),
    # a verdict on doing it: "telling the customer it's their fault gets nobody anywhere"
    ("(get*|got) (nobody|no one|you nowhere|us nowhere|me nowhere|nowhere)", None),
    ("(not|never) ~2 (my style|my thing|my cup of tea|how =i|who =i am|the way =i)", None),
    # "that's just not me", but not "someone who doesn't respect me"
    # (with its subject: "so they know is not me" says who did it)
    ("(that|it|this|which|thing|things) (be|sound*|feel*) ~1 (not|never) ~1 me", None),
    ("=i ~2 (stay* away|steer* clear)", None),
    ("out of (it|work|my|our|the|any|every|all|conversations|interactions)", 2),
    (
        "(but|though|just|only) (never|not) (with|to|toward*|at|around|in front of|on) ~1 "
        "(customer*|client*|caller*|guest*|shopper*|the public|work|the job|shift)",
        None,
    ),
    (
        "(never|not|would not|wouldn't) ~2 (cross* my mind|occur* to me|something =i (do|would)|"
        "in my nature|an option for me|part of how =i)",
        None,
    ),
    (
        "but =i ~1 (not|never) (treat|assume|see|view|suspect) ~1 (everyone|everybody|all|every)",
        None,
    ),
    (
        "(stay*|remain*|wait*) ~1 (on the (line|call|phone)|with (them|him|her|the customer)) ~4 "
        "(until|till|while)",
        None,
    ),
    (
        "=i ~2 (walk|take|bring|escort|show|lead|introduce|connect) ~2 "
        "(you|them|him|her|the customer) ~3 (myself|personally|over|across|there|to)",
        None,
    ),
    (
        "but ~3 not let ~4 "
        "(affect|colour|color|change|define|influence|get|make me|shape|cloud|turn me)",
        None,
    ),
    ("(land*|go|come* across|end*|turn* out) ~1 bad", None),
    (
        "(find|connect*|introduc*|walk*|take*|hand*|get) ~4 (right person|right department|"
        "right team|someone who can|person who can|people who can|the right)",
        None,
    ),
    (
        "(=i|=i'll|we) ~2 (personally|still|myself|always) ~2 (help*|find|connect*|walk*|take*|"
        "make sure|follow* up|call* ~2 back|get back|sort|fix|handle|look into)",
        None,
    ),
    ("(take|taking|get|getting) ~1 (their|his|her|the customer's) (details|number)", None),
    ("still ~1 warm (transfer*|handoff*|hand off|handover|hand over)", None),
    # notes drop the "I": "Not my department -> walk them over myself"
    (
        "(walk*|take*|bring*|escort*) (them|him|her|the customer|the caller|the guest) "
        "(over|across|to|there|myself|personally)",
        None,
    ),
)
