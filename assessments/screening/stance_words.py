"""The word groups stance_markers.py writes its markers with, in the rule pattern language.

Each group is one ``(a|b|...)`` alternative of at most 64 words (patterns.MAX_ALTERNATIVES):
who else may hold a view, the words of saying, the people the candidate serves.
"""

from __future__ import annotations

OTHERS = (
    "(manager*|boss*|supervisor*|colleague*|coworker*|co worker*|trainer*|owner*|"
    "team lead*|tl|tls|teammate*|mentor*|person|someone|somebody|others|everyone|company|"
    "companies|staff|employee*|rep|reps|agent*|cashier*|waiter*|server*|guy|lady|"
    "dad|mom|mum|father|mother|friend*|instructor*|book*|consultant*|trainee*|uncle*|aunt*|"
    "nan|gran|grandma|grandad|grandpa|brother*|sister*|cousin*|partner*|husband|wife|"
    "boyfriend|girlfriend|parent*|family)"
)
# fellow workers by trade (a group holds at most 64 alternatives, so apart from OTHERS)
ROLES = (
    "(tech|techs|technician*|engineer*|nurse*|receptionist*|adviser*|advisor*|handler*|"
    "clerk*|chef*|driver*|cook*|porter*|pharmacist*|dispatcher*|gm|hotel gm|duty manager*|"
    "mgr|mgrs|prev mgr|old mgr)"
)
SAYING = (
    "(say|tell (me|us|you|everyone|staff|new|the team|people|a customer|the customer|cand|"
    "customers|a caller|the caller|guests|a guest|the guest|clients|callers|patients|them)|"
    "think|believe|insist*|teach|have gone|went|goes|lectur*|nag*|scold*|"
    "advis*|recommend*|suggest*|claim*|preach*|swear|call it|joke*|argu*|put it|push*)"
)
BAD_THING = (
    "(bad|terrible|wrong|awful|poor|rookie|classic|biggest) (thing|idea|habit|move|response|"
    "answer|approach|mindset|advice|phrase|way|mistake|words)"
)
# Everyday words, so that no pattern is indexed under "I", "the", "be" or "not".
STAFF = (
    "(rep|reps|agent*|staff|colleague*|coworker*|co worker*|employee*|worker*|server*|"
    "manager*|companies|business*|cashier*|trainee*|teammate*|waiter*|waitress*|places|"
    "shops|stores|firms|hotels|restaurants|call centres|call centers|employers|trainers|teams|"
    "departments|offices|airlines|insurers|agencies|the team|my team|the lads|the guys)"
)
# someone described by their habits: "there was this guy on my team who would ..."
SOMEONE = (
    "(guy|girl|lady|woman|man|bloke|fella|lad|lass|person|people|colleague*|coworker*|co worker*|"
    "manager*|supervisor*|boss|someone|staff|agent*|rep|reps|server*|one|others|team lead*|"
    "trainer*|teacher*|instructor*|tl|mgr|group|lads|guys)"
)
# the people the candidate serves, in the words of each sector ("member" at a gym, "resident"
# at a council, "pax" on the railway)
PUBLIC = (
    "(customer*|cust|custs|caller*|client*|guest*|shopper*|passenger*|patient*|pax|pt|pts|"
    "resident*|tenant*|member*|diner*|punter*|visitor*|member of the public)"
)
# what may stand between a customer and their verb of saying: "customers will often say"
ADVERB = (
    "(often|always|sometimes|then|usually|just|will|would|might|may|do|does|did|once|ever|"
    "also|even|actually|still|really|keep|kept|all|literally|have|has|had|could|can|that|was|were|"
    "at the desk|on the phone|in chat|here|there|again|jokingly|angrily|and|scream*|"
    "shout*|yell*|swear*|start*|got angry|get angry|get cross)"
)

HELPS = (
    "(help*|work*|solve*|fix*|pay off|land*|go well|calm* ~1 down|end* well|appropriate|okay|"
    "ok|acceptable|professional|fair|right|a good idea|the answer|the way)"
)
