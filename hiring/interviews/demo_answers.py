"""What the demo's candidates say: written per question, none repeated anywhere.

Keyed by dimension key, then question position; each list runs from the strongest answer
to the weakest. Two answers carry a true warning (a need to be thanked, distrust of
customers) so a hiring manager sees flags where they belong and nowhere else.
"""

from __future__ import annotations

# The eight dimensions of the demo role: a realistic panel, not the whole bank.
DEMO_DIMENSIONS = [
    "natural_traits:3",
    "natural_traits:5",
    "natural_traits:8",
    "natural_traits:13",
    "cx_beliefs:8",
    "cx_beliefs:11",
    "basic_beliefs:1",
    "basic_beliefs:3",
]

ANSWERS: dict[str, list[list[tuple[str, int]]]] = {
    "natural_traits:3": [
        [
            (
                "A man called about a late cooker, but he kept mentioning his daughter's party on "
                "Saturday. I asked about it and the party was the real worry, so I found a store "
                "with one in stock for Friday collection.",
                5,
            ),
            (
                "She asked about a fee, but her voice went tight when she said 'again'. I asked if "
                "this had happened before, and it had, three times, so I fixed the billing setting "
                "behind it.",
                4,
            ),
            (
                "I usually notice when someone repeats a point. Once I asked a customer what was "
                "really bothering her and she told me, so I could sort that part too.",
                3,
            ),
            ("I answer what they ask. If there is more, they normally say so.", 2),
        ],
        [
            (
                "I'd let him finish, because the order he tells it in shows me what hurt most. "
                "Then I'd name the two weeks and the two broken promises back to him, and only "
                "then give the fix and a date.",
                5,
            ),
            (
                "I'd note the part number while he talks, then summarise and confirm before I "
                "tell him it is being sent today by courier.",
                4,
            ),
            ("When there's a pause I'll explain that a new part can go out.", 3),
            ("I'd cut in politely and give him the fix; it saves both of us time.", 2),
        ],
    ],
    "natural_traits:5": [
        [
            (
                "In the pharmacy a woman kept checking her watch in the queue. I went over, asked "
                "if she was in a hurry, and her bus was due, so I took her repeat prescription "
                "first with the manager's nod.",
                5,
            ),
            (
                "A guest at reception was sighing at the lift. I asked and the lift had stuck on "
                "his floor twice, so I moved him to a lower room that evening.",
                4,
            ),
            (
                "I saw a customer frowning at the price labels and asked if I could help; the "
                "offer had ended, so I explained that.",
                3,
            ),
            ("If they look unhappy I give them a minute, and if they come to the desk I help.", 2),
        ],
        [
            (
                "I'd pick it up straight away, apologise that she waited twenty minutes, and tell "
                "her I'm on it now. Afterwards I'd tell the team lead the queue wasn't routing.",
                5,
            ),
            ("I'd take it and say sorry for the wait, then get on with her question.", 4),
            ("I'd message the team lead that someone has waited twenty minutes.", 3),
            ("It isn't assigned to me, so I'd leave it for whoever it belongs to.", 1),
        ],
    ],
    "natural_traits:8": [
        [
            (
                "A refund sat between the shop and head office for a month. I kept the case, got "
                "both on one call, and rang the customer each Friday until the money landed.",
                5,
            ),
            (
                "A delivery fault was the courier's and the warehouse's. I emailed both, chased "
                "twice, and told the customer what each had said.",
                4,
            ),
            ("I passed it to the right team with a note, and told the customer who would call.", 3),
            ("I gave him the number for the other department; it was their area.", 2),
        ],
        [
            (
                "I'd check whether the item is in another depot tonight and get a courier booked "
                "for Thursday, arrange the wrong item's pick-up, and call her once it ships.",
                5,
            ),
            (
                "I'd ask my manager whether we can send a replacement from another site, and "
                "promise a call back by tomorrow noon.",
                4,
            ),
            ("I'd log it for the warehouse and chase them first thing in the morning.", 3),
            ("I'd tell her the warehouse opens at eight and give her their line.", 2),
        ],
    ],
    "natural_traits:13": [
        [
            (
                "Boxing Day returns: ninety people in six hours. Between each one I took a breath "
                "and reset, and the last woman, whose coat was torn, got a patient fitting and a "
                "smile she remarked on.",
                5,
            ),
            (
                "During a system outage I took call after call. I kept a glass of water and a "
                "short walk at each break, and I was still friendly at six.",
                4,
            ),
            ("It was a long Saturday; I stuck to the routine and got everyone served.", 3),
            ("By the end I'm just getting through it. The last few get the basics.", 2),
        ],
        [
            (
                "I'd let the remark go, say I'm sorry the outage has hit him, tell him what we "
                "know and when the next update is, and take two minutes after the call.",
                5,
            ),
            ("I'd stay calm, acknowledge that it's frustrating and give him the update.", 4),
            ("I'd ignore the comment and read him the outage message.", 3),
            ("I'd tell him there is no need for that and that I can end the call.", 2),
        ],
    ],
    "cx_beliefs:8": [
        [
            (
                "A parcel went to the wrong town; another team had sent it. I said, 'I'm so sorry, "
                "that's not good enough', then booked a next-day resend before we hung up."
                "",
                5,
            ),
            (
                "I apologised that her card was charged twice and put the refund through before "
                "she had to ask.",
                4,
            ),
            ("I said sorry for the inconvenience and explained the process.", 3),
            ("I told him it wasn't my team's mistake but I'd pass it on.", 2),
        ],
        [
            (
                "'I'm really sorry, twice is not acceptable.' Then I'd tell her what I'm sending, "
                "when, and that I'll check it's packed properly this time.",
                5,
            ),
            ("I'd apologise for the damaged order and ask for photos so I can replace it.", 4),
            ("I'd take her order number and look into what happened before saying anything.", 3),
            ("I'd explain that the courier handles the parcels, so it's not really on us.", 2),
        ],
    ],
    "cx_beliefs:11": [
        [
            (
                "A man said his meter reading was wrong and I couldn't check it that day. I took "
                "his reading, adjusted the bill, and booked a visit; he was right.",
                5,
            ),
            (
                "A woman said she'd been promised a discount. There was no note, but I gave it "
                "and asked the team to log such promises.",
                4,
            ),
            ("I believed her, but I did ask for the receipt before I refunded.", 3),
            (
                "In my experience half the customers who say that are lying, so I stick to the "
                "rules.",
                2,
            ),
        ],
        [
            (
                "I'd take her word, send a replacement today, and open a claim with the courier "
                "separately so she never feels accused.",
                5,
            ),
            ("I'd apologise, open a claim, and offer a refund or a new parcel today.", 4),
            ("I'd open a claim and ask her to wait for the courier's answer.", 3),
            ("The tracking shows it was delivered, so I'd ask her to check with neighbours.", 2),
        ],
    ],
    "basic_beliefs:1": [
        [
            (
                "A customer wanted a full refund on a used pram. It turned out she needed a "
                "lighter one for the bus, so we exchanged it for one at the same price; she came "
                "back for a cot.",
                5,
            ),
            (
                "He wanted his contract ended early. I explained the fee and found a cheaper plan "
                "that met his budget instead.",
                4,
            ),
            ("We met in the middle: a partial refund and a voucher.", 3),
            ("I held firm on the policy and in the end he accepted it.", 2),
        ],
        [
            (
                "It turns customers into the enemy, and that leaks into the next call. I'd leave "
                "it and suggest we talk about what actually helped with hard calls.",
                5,
            ),
            ("I'd not join in; I'd change the subject to what we could do better.", 4),
            ("It happens everywhere. I'd listen but I wouldn't add stories.", 3),
            ("Honestly it's a laugh and lets off steam; I'd tell my best ones.", 2),
        ],
    ],
    "basic_beliefs:3": [
        [
            (
                "A pensioner's bill had three adjustments. I wrote the figures on a sheet: what "
                "she paid, what she owed, the £14 difference, and when it clears; she read it back "
                "to me.",
                5,
            ),
            (
                "I explained a broadband fault as 'the line into your street, not your router', "
                "and told him when the engineer would come.",
                4,
            ),
            ("I used simpler words than the letter and he seemed to get it.", 3),
            ("I read him the explanation from the system; it is all there.", 2),
        ],
        [
            (
                "'It means we've worked out part of a month and the final figure, £6.40 back to "
                "you, shows next bill.' Then I'd suggest plainer wording to my manager.",
                5,
            ),
            ("I'd say it's a part-month correction and give her the amount and when.", 4),
            ("I'd explain it's an adjustment that the system will settle soon.", 3),
            ("I'd tell her it's the standard term and it'll sort itself out.", 2),
        ],
    ],
}

# True warnings, said by the weaker candidate to one question each: (dimension key,
# question position, answer, score).
WARNINGS = [
    (
        "natural_traits:13",
        0,
        "Honestly I like being appreciated, and when nobody says thank "
        "you by the afternoon I start to switch off with the customers.",
        2,
    ),
]
