"""Whose view a matched phrase is: one table per construction of stance.py, in every style.

Each construction has, per answer style (short, spoken, notes, terse, rough), an answer
where the candidate holds the warning view (flagged by the named rule) and one where the
same words are not the candidate's view (not flagged by that rule). Rules and stance only:
the learned stage is off, so these pin the stance module down.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessments.screening import Screener, load_rules

RULES = Path(__file__).resolve().parents[2] / "assessments" / "data" / "warning_rules.yaml"

# construction -> [(style, rule, held by the candidate, not held by the candidate)]
CASES: dict[str, list[tuple[str, str, str, str]]] = {
    "speaker: the candidate reported in notes": [
        ("notes", "calm_down", "Cand. said she tells them to calm down.",
         "Cand. said a customer told her to calm down once."),
        ("terse", "calm_down", "tells them calm down", "cust told me calm down"),
    ],
    "speaker: a customer or a former manager quoted": [
        ("short", "fire_customer", "Some customers you just have to fire.",
         "My old manager used to say we should fire the customer, and I disagreed."),
        ("spoken", "fire_customer",
         "So, um, yeah, honestly some customers, you know, you just have to fire them, like, "
         "it's not worth it.",
         "So, um, my old manager, he used to say, like, fire the customer, and I, I mean, I "
         "disagreed with him."),
        ("rough", "fire_customer", "some customer you must fire them is not worth",
         "my old boss say fire the customer but i disagree with him"),
    ],
    "negation scope": [
        ("short", "calm_down", "I tell them to calm down first.",
         "I would never tell an upset customer to calm down."),
        ("spoken", "calm_down",
         "Um, so what I do is, like, I tell them to calm down, you know, before anything.",
         "Um, so, I mean, I'd never, ever tell someone to calm down, because it just makes it "
         "worse."),
        ("notes", "calm_down", "C tells upset callers to calm down.",
         "C would never tell a caller to calm down."),
        ("terse", "calm_down", "tell them calm down", "never tell them calm down"),
        ("rough", "calm_down", "i tell them please calm down first",
         "i never tell customer calm down is make worse"),
        ("rough", "calm_down",
         "i say to him calm down please calm down, i repeat until he stop, before this i dont "
         "help nothing",
         "i say him calm down one time, this dont help nothing, now i listen first"),
        ("rough", "defensive", "i tell guest is not my fault, is the system",
         "i say sorry to guest even is not my fault, sorry not mean guilty"),
    ],
    "past self that changed": [
        ("short", "sorry_guilt", "Saying sorry means admitting it was our fault.",
         "I used to think saying sorry meant admitting fault, but now I know better."),
        ("spoken", "sorry_guilt",
         "So, er, I mean, saying sorry, that's basically admitting it was our fault, isn't it.",
         "So, er, I used to think, like, saying sorry means admitting fault, but now I know "
         "better, honestly."),
        ("rough", "sorry_guilt", "say sorry mean admit it is our fault",
         "before i think say sorry mean admit fault but now i know better"),
    ],
    "rejection recorded in notes": [
        ("notes", "fire_customer", "Cand. thinks you have to fire some customers.",
         "Asked about 'firing the customer' -> disagrees, calls it a bad idea."),
        ("terse", "fire_customer", "fire some customers. worth it",
         "fire the customer? disagrees"),
    ],
    "reflexives: behaviour aimed at the candidate": [
        ("short", "sarcasm", "I can be a bit sarcastic with difficult customers.",
         "When a customer was sarcastic with me, I stayed calm."),
    ],
    "preference: rather A than B": [
        ("short", "appreciation", "I do this job because I like being appreciated.",
         "I'd rather fix the problem than be appreciated for it."),
        ("spoken", "mistrust",
         "Um, once in a while, honestly, I treat everyone who rings like a suspect.",
         "Um, I'd rather be fooled once in a while than treat everyone who rings like a "
         "suspect."),
    ],
    "concession answered by the candidate": [
        ("short", "mistrust", "Honestly, customers lie to get refunds.",
         "Some customers lie to get refunds, but I believe them first."),
        ("rough", "mistrust", "customers lie for get refund",
         "some customers lie for get refund but i believe them first"),
    ],
    "a condition the candidate answers": [
        ("short", "not_my_job", "It's not my department, so I tell them to ring someone else.",
         "If it's not my department I stay on the line and do a warm transfer."),
        ("rough", "not_my_job", "is not my department so they must call other number",
         "if is not my department i take details and i call back myself"),
    ],
    "a past self told as a story of growth": [
        ("spoken", "elsewhere",
         "Um, honestly, I'm always watching the clock, like, waiting for the shift to end, you "
         "know.",
         "So, um, when I first started, I was, like, a mess. I'd be watching the clock all "
         "shift. Then my lead sat with me and, yeah, now I actually enjoy the calls."),
        ("notes", "personal", "C takes complaints personally, gets upset for the day.",
         "At first job C took complaints personally. Mentor helped -> now sees them as stress."),
        # the time said after the match, the change after that
        ("notes", "personal", "C admits she takes criticism personally; sulks for the day.",
         "C admits she took criticism personally in 1st yr; now reviews recordings w/ TL."),
        ("terse", "personal", "Takes every complaint to heart.",
         "1st yr took every complaint to heart. Mentor taught her to let go."),
        # looked back on afterwards, and the new habit that followed ("so I started ...")
        ("spoken", "sorry_guilt",
         "Um, with a fee complaint I just, like, explain the policy, I never say sorry, "
         "because then it's on us.",
         "Um, she got angrier and angrier. And afterwards I thought, I never once said sorry, "
         "I just defended the fee. So I started acknowledging how they feel first."),
    ],
    "thanks valued and set aside (not courtesy dismissed)": [
        ("terse", "civility", "Manners nice, not the point.", "Thanks nice, not the point."),
        ("notes", "civility", "Politeness nice, not the point. Fixes it fast.",
         "Compliments nice, not the point. Likes fixing things."),
    ],
    "the question's topic echoed before the answer": [
        ("spoken", "fire_customer",
         "So, I mean, some customers, yeah, you just have to fire them, honestly.",
         "Um, the phrase 'fire the customer'... yeah, I've heard it, and I don't like it."),
        ("short", "mistrust", "Customers lie, so I check everything they say.",
         "Do customers lie? Some do. I still start by believing them."),
    ],
    "negation: a verb of saying before its quoted words": [
        ("short", "colleague_blame", "I tell the caller, 'oh, he's just a trainee, sorry.'",
         "I'd never say 'oh, he's just a trainee' to a caller."),
        ("spoken", "not_my_job",
         "So, um, I just say, like, that's not my department, and, yeah, give them the number.",
         "So, um, I didn't want to just say, like, oh, that's not my department, so I found out "
         "for her."),
        ("rough", "not_my_job", "i say them is not my department call other number",
         "i never say, oh, is not my department. i find who can help"),
        ("spoken", "not_my_job",
         "Um, I just go 'that's not my job', and, like, point them at the desk.",
         "Um, but I'd never just go 'that's not my job', I'd find the nurse for them."),
    ],
    "negation: repeated for emphasis": [
        ("notes", "calm_down", "C: 'I tell them to calm down first, always.'",
         "C: 'never, ever tell a caller to calm down'. Listens first."),
    ],
    "negation: cut off by its own clause": [
        ("terse", "sorry_guilt", "never apologises. looks weak",
         "sorry != weakness, apologises often"),
    ],
    "a rejection in the next sentence": [
        ("short", "fire_customer", "Some customers you have to fire, and I do.",
         "My first boss liked to say 'fire the customer.' I never liked it."),
        ("spoken", "blame",
         "Um, so, yeah, it was their mistake, and I'd tell them so, honestly.",
         "Um, so, yeah, technically it was their mistake. But, like, what's the point in "
         "telling them that? I just fixed it."),
        ("notes", "fire_customer", "C says you sometimes have to fire the customer.",
         "Asked about 'fire the customer' -> C dislikes the phrase, offered alternatives."),
    ],
    "concession granted by the candidate": [
        ("short", "appreciation", "I like it when a caller thanks me; it's why I do this.",
         "I like it when a caller thanks me, who doesn't. But the fix is what matters."),
        ("spoken", "appreciation",
         "Um, I love hearing thanks, like, honestly that's what keeps me going.",
         "Um, I love hearing thanks, obviously, but, like, most days nobody says it and "
         "that's fine."),
    ],
    "concession answered by 'still' or 'my'": [
        ("terse", "defensive", "late? not my fault. courier.",
         "not my fault, still my problem. refunded."),
        ("notes", "defensive", "C: 'not my fault, the courier lost it'.",
         "C: 'not my fault, but my call' -> chased the refund herself."),
    ],
    "a generic 'if you' weighing where a habit leads": [
        ("spoken", "mistrust",
         "Um, honestly, I assume everyone's lying until they prove it, you know.",
         "Um, if you go in assuming everyone's lying, then you end up insulting honest people."),
    ],
    "the easy answer weighed, or what could have been said": [
        ("spoken", "not_my_job",
         "So, um, I tell them, like, 'that's not my department, ring billing.'",
         "So, um, the easy thing is to say, like, 'that's not my department, ring billing.' "
         "But I take it through myself."),
        ("short", "blame", "I point out that they should have checked the size guide.",
         "I could have pointed out that they should have checked the size guide, but why?"),
    ],
    "someone else described by their habits": [
        ("spoken", "contempt",
         "Um, yeah, honestly, the callers are idiots half the time, you know.",
         "Um, there was a woman on my shift who would, like, call the callers idiots on mute, "
         "and I raised it with her."),
    ],
    "a rule kept for safety, flexible otherwise": [
        ("terse", "control", "script word for word. every call.",
         "fraud checks word for word. rest: flexible."),
        ("notes", "control", "C reads the script word for word on every call.",
         "C keeps ID checks word for word, but happy to flex on the rest."),
    ],
    "an insult someone aimed at the candidate": [
        ("rough", "contempt", "some customer are stupid they dont read",
         "one customer tell me you are stupid, i stay calm and help him"),
        ("short", "contempt", "Honestly, some guests are the worst.",
         "A guest once told me I was the worst receptionist she'd met; I apologised anyway."),
    ],
    "a past self, the change told first": [
        ("terse", "personal", "takes it personally. upset all day",
         "calm now, used to take it personally"),
    ],
    "a reported view the candidate takes on": [
        ("short", "sorry_guilt",
         "We were told not to say sorry on recorded lines, and I still think that's right.",
         "We were told not to say sorry on recorded lines, which I ignored."),
    ],
    "a spoken 'like' set off by commas is a filler": [
        ("spoken", "elsewhere",
         "Um, honestly, nobody likes working here, you know, it's just a job.",
         "Um, there was a man who booked, like, working trips with us every month, so I "
         "kept his seat."),
    ],
    "a word defined or contrasted, not claimed": [
        ("notes", "servitude", "C says the job makes her feel like a servant.",
         "C: helping = a choice; servitude = doing it out of fear. Chooses to help."),
    ],
    "'not my X, my Y' corrects itself": [
        ("terse", "defensive", "not my fault. courier lost it.",
         "not my fault, my problem. refunded same day."),
    ],
    "the interviewer's question quoted in a note": [
        ("notes", "sorry_guilt", "C: saying sorry = admitting fault, so she avoids it.",
         "Q: is sorry an admission of fault? C: 'No, it's sympathy.' Apologises freely."),
    ],
    "a gap does not run into another clause": [
        ("spoken", "calm_down",
         "Um, so I, like, tell them to just relax, you know, it's fine.",
         "Um, so I just fix it, I mean, it makes things easier because they relax, you know?"),
        ("spoken", "blame",
         "So, um, I'd tell them, you picked the date and you didn't have the money in.",
         "Um, I'd say it's really not an issue, and honestly, people just picked the "
         "wrong date, I didn't mind."),
    ],
    "a gap does not run into a clause with a new subject": [
        ("spoken", "mistrust",
         "Um, honestly, I'm suspicious of, like, most people who ring up about refunds.",
         "Um, I think if you treat everyone like a suspect, the honest people, which is "
         "most of them, feel insulted."),
    ],
    "a generic 'if you ...' weighing a habit, the consequence after a comma": [
        ("spoken", "mistrust",
         "Um, honestly, I always assume they're lying, like, until they prove it.",
         "But, um, I think if you go into every call thinking they're lying, you end up "
         "treating the honest ones like criminals."),
    ],
    "what the candidate could have said, and did not": [
        ("spoken", "blame",
         "Um, so I'd tell her, like, it was her own mistake, you know.",
         "Okay, um, so a customer once picked the wrong day, her own mistake. And, you know, "
         "I could've pointed that out. But, um, honestly, she already felt silly."),
    ],
    "a concession answered by 'that doesn't matter' or a later first person": [
        ("spoken", "defensive",
         "Um, so, it wasn't my fault, honestly, the system did it, so, yeah.",
         "Um, so it wasn't my fault, the system double-booked them. But, like, that doesn't "
         "matter to them, does it?"),
        ("rough", "defensive", "i tell him is not my fault is the system",
         "the delay was not my fault but the customer talk to me so is my job to fix it"),
    ],
    "a negator set off by a filler ('rather than, like,', 'not, you know,') still negates": [
        ("spoken", "mistrust",
         "Um, I just, like, assume they're lying, you know, until I see receipts.",
         "And now I always check rather than, like, assume I know better than the person "
         "on the phone."),
        ("spoken", "vengeance",
         "If someone's rude, honestly, I punish them, you know, I make them wait.",
         "If someone's rude, that's their bad week, it's not, you know, a reason to punish "
         "them."),
    ],
    "the candidate's own act earlier in the sentence is not conceded by a later 'but'": [
        ("spoken", "contempt",
         "And with those ones I, I just go slower, like talking to a child. But, er, yeah, I "
         "always got through my calls.",
         "Um, some people go slower with them, like talking to a child. But, er, I think "
         "that's rude, honestly."),
    ],
    "'I said no' refuses nothing quoted; 'still' answers only in its own sentence": [
        ("spoken", "control",
         "And I said no, because the rule's the rule, you know.",
         "I'd never say, like, the rule's the rule, you know."),
        ("spoken", "civility",
         "I don't think you need to bend over backwards with the pleasantries, they'll still "
         "book. I focus on getting things done.",
         "Um, honestly, I'd never say you don't need to bother with the pleasantries, like, "
         "they matter."),
    ],
    "'like that is' compares, it is not the verb 'like'": [
        ("spoken", "appreciation",
         "Um, honestly, I like to feel appreciated, you know, it keeps me going.",
         "Um, I think having a little reset like that is really important, you know."),
    ],
    "'still mine' answers a concession": [
        ("terse", "defensive", "Not my fault. Courier lost it.",
         "Not my fault, still mine to fix."),
    ],
    "a colleague 'next to me' said it": [
        ("spoken", "calm_down",
         "So, um, I just said, 'you need to calm down,' and, like, she did.",
         "And my colleague next to me actually said, 'you need to calm down,' and, oh my god, "
         "it went so much worse."),
    ],
    "the sting told, then got over: 'learn, move on'": [
        ("terse", "personal", "Criticism stings. Stays with me for days.",
         "Criticism stings. Learn, move on."),
    ],
    "a job left behind, with the change told after": [
        ("spoken", "elsewhere",
         "Um, honestly, I'm counting the minutes most shifts, like, checking my phone.",
         "Um, at my last job, I was totally counting the minutes, like, every shift. But, um, "
         "I realised I'm so much happier talking to people."),
    ],
    "'it's like you're telling them': how something comes across": [
        ("spoken", "blame",
         "Um, I'd be telling them they got it wrong, honestly, because they did.",
         "The manager goes, 'she's one of our best,' and it's like you're telling them they "
         "got it wrong."),
    ],
    "'otherwise': what would happen if not": [
        ("spoken", "carry_over",
         "Um, honestly, after a bad one the next person gets it, you know, I'm still cross.",
         "Um, I take a breath, because otherwise you carry it, you know, and the next person "
         "gets it."),
    ],
    "a saying only supposed: 'if I said ...'": [
        ("spoken", "elsewhere",
         "Um, honestly, most days I'd rather be anywhere else, you know.",
         "Um, I think if I said I'd rather be anywhere else, she'd feel like a nuisance."),
    ],
    "someone else speaking: 'he'd say ...' in the candidate's own words": [
        ("spoken", "sarcasm",
         "Um, honestly, I'd say 'another genius on line two', like, to the team.",
         "Um, there was a lad who'd, like, pull faces, or, um, he'd say 'another genius on "
         "line two' to the rest of us, and I never found it funny."),
    ],
    "the candidate's own reaction to someone else's words": [
        ("short", "personal", "If a caller says I was rude, it really gets to me for days.",
         "My old supervisor used to say complaints get to me, and I disagreed."),
    ],
    "a reason given ('because ...') is no rejection": [
        ("spoken", "calm_down",
         "Um, so I put my hand up and said, sir, I need you to calm down, because it's not "
         "fair on the others.",
         "Um, honestly I'd never tell someone to calm down, because it's not fair on them."),
    ],
    "a verdict on the customer's saying, not on the candidate's view": [
        ("rough", "mistrust",
         "many customer lie for refund, they say parcel missing but is not true",
         "my colleague think customer lie for refund but i think is not true"),
    ],
    "the interviewer's question named in a note": [
        ("notes", "mistrust", "C: guests try it on for refunds, so checks everything.",
         "Asked re: guests trying it on. C: trusts first, checks only if odd."),
    ],
    "a note recording the candidate's verdict or the phrase's origin": [
        ("notes", "colleague_blame", "Told guest 'he's only a trainee, ignore him'.",
         "Described a co-worker who'd tell guests 'he's only a trainee'; C thought that was "
         "unfair."),
        ("notes", "fire_customer", "C: some guests you just fire.",
         "'Fire the customer' came up; C dislikes it, would rather win them back."),
    ],
    "the sting told, then the lesson kept": [
        ("terse", "personal", "harsh feedback stings. takes days to shake",
         "harsh feedback stings. keep the lesson, bin the rest"),
    ],
    "a past act ('I once ...') with the change told after": [
        ("short", "calm_down", "I tell loud callers to calm down.",
         "I once told a caller to calm down and it backfired; now I say I can hear how "
         "frustrating it is."),
    ],
    "a note that the phrase was asked, or the prompt pushed back on": [
        ("notes", "fire_customer", "C: some guests you just fire.",
         "'Fire the customer' - asked directly. C: never liked the phrase."),
    ],
    "an if-clause standing alone restates the question": [
        ("spoken", "not_my_job", "Um, honestly if it's billing, that's not my area, you know.",
         "Okay, um, so if something's not my area. Yeah, I'd find who it belongs to."),
    ],
    "kept away from customers, told in the next words": [
        ("terse", "sarcasm", "sarcasm w/ callers. keeps me sane",
         "sarcasm stays in the break room. never on calls"),
    ],
    "'worth more than': what the candidate values, not whom": [
        ("short", "deserving", "Premium members are worth more of my time.",
         "Keeping a customer is worth more than one sale."),
        ("rough", "deserving", "rich guest deserve more help, small room guest less",
         "every guest deserve more help when is lost, big room or small"),
    ],
    "a short question is the topic of the answer after it (answer.py)": [
        ("terse", "vengeance", "rude? back of the queue then",
         "rude? same queue. back of the queue is for late returns"),
        ("notes", "vengeance", "Rude on chat? Slow replies, he says.",
         "Rude on chat? Same as anyone. Slow replies lose customers, he says."),
    ],
    "an 'I' inside the quoted words is the quoted speaker's": [
        ("spoken", "elsewhere",
         "Um, customers do say that, like, I'd rather be at home than here, and honestly, "
         "yeah, I would.",
         "Um, customers do say that, like, 'I bet you'd rather be at home than listening to "
         "me moan'."),
        ("short", "elsewhere",
         "A passenger said to me I must be tired of people, and I am, I'd rather be anywhere "
         "else.",
         "A passenger said to me, 'you must be tired of people, I bet you'd rather be anywhere "
         "else.'"),
    ],
    "what staff were told or taught, with an adverb or by a named trainer": [
        ("spoken", "sorry_guilt",
         "Um, honestly, I don't say sorry, it just admits liability, you know.",
         "Um, we were literally told in induction: don't say sorry, it implies liability."),
        ("notes", "sorry_guilt", "Cand. never apologises for faulty items ('legal reasons').",
         "Prev. mgr told team never to apologise for faulty items ('legal reasons')."),
        ("short", "sorry_guilt", "Honestly, I don't say sorry because it's admitting liability.",
         "We had a trainer once who said, uh, don't say sorry because it's admitting "
         "liability."),
    ],
    "praise kept for a private talk, not said to the complainer": [
        ("terse", "praise_rep", "Praise the agent to the complainer.",
         "Praise agents in coaching, privately."),
        # the talk named first, then what the candidate told the colleague in it
        ("spoken", "praise_rep",
         "So, um, when she complained I told her, look, Sam is one of our best, honestly.",
         "So, um, I fixed her booking, and then, separately, with the agent, I told him, look, "
         "you're one of our best, what happened?"),
        ("short", "praise_rep", "I told the guest our porter is one of our best.",
         "Later I talked to the porter, and I told him he is one of our best."),
    ],
    "a liking granted ('sure') and set against a 'but'": [
        ("short", "appreciation", "I like it when guests thank me, that's what keeps me going.",
         "I like it when guests thank me, sure, but I'm really there for the guest who needs "
         "help."),
        # an emphatic "do" grants it too; a "but" that says it is hard without thanks does not
        ("short", "appreciation",
         "I do love it when patients thank me, but on days nobody does I find it really hard "
         "to keep going.",
         "I do love it when patients thank me, but it's a bonus rather than the reason I do "
         "the job."),
        ("short", "appreciation",
         "I like it when guests thank me, sure, but on the days nobody does I struggle.",
         "I like it when guests thank me, sure, but the quiet days are the job too."),
        ("notes", "appreciation", "C. enjoys being thanked, says it's what keeps her going.",
         "C. said she enjoys being thanked 'like anyone does', but the job is the cross ones."),
        ("short", "appreciation", "I like it when people say thank you, it keeps me going.",
         "I like it when people say thank you, everyone does. But the ones who never say it "
         "still need me."),
    ],
    "a habit dropped, said after it ('Not anymore', 'she's moved on')": [
        ("terse", "mistrust", "Doubts bag claims. Checks receipts first.",
         "Used to doubt bag claims. Not anymore."),
    ],
    "a quoted customer, when the phrase starts on the word for them": [
        ("notes", "contempt", "C called a rude caller thick as mince.",
         "C quoted a rude caller ('you're thick as mince'). Sorted his bill anyway."),
    ],
    "not believing that the customer lies is trust": [
        ("rough", "mistrust", "i dont believe customers, they lie",
         "i dont beleive customer is lying when they say no bill received"),
    ],
    "an unpunctuated condition ends at the main clause's subject (answer.py)": [
        ("rough", "vengeance", "if customer is rude to me i make him wait more long",
         "if customer is rude to me i never make him wait more long"),
        ("short", "personal", "If a customer is rude it really gets to me.",
         "If a customer is rude it never gets to me, I know it's not about me."),
    ],
    "the candidate speaking after a customer's action, not the customer": [
        ("rough", "calm_down", "when customer scream i say him please calm down sir",
         "when customer scream and tell me calm down, i stay polite and help"),
    ],
    "the candidate's own state before a 'but' is not conceded": [
        ("rough", "carry_over",
         "after bad call i am little cold with the next customers, not rude but no smile",
         "after bad call i take one minute so the next customers get a fresh start"),
    ],
    "the interview question said back as the first sentence": [
        ("spoken", "personal",
         "Um, so, yeah, a complaint about me stays with me for days, honestly.",
         "Um, handling a complaint about me personally? Uh, yeah, it's happened, and I "
         "listened back to the call."),
    ],
    "someone else's habit, with where they worked between": [
        ("spoken", "dismissive", "Um, I'd just say to her, like, it's only three pounds.",
         "And, you know, someone on my old team would've gone 'it's only three pounds', but "
         "she budgets to the penny."),
    ],
    "someone in the candidate's story speaking ('she said ...')": [
        ("spoken", "contempt",
         "And honestly, the person she spoke to before was clueless, like, useless.",
         "And she said, um, 'the last person I spoke to was clueless', and I just said I'm "
         "sorry, let me sort it."),
        ("notes", "contempt", "She said customers are clueless about their bills.",
         "Cust rang about arrears; she said the last adviser was clueless -> C apologised, "
         "fixed it."),
    ],
    "a condition and its consequence are one thought": [
        ("short", "vengeance",
         "If a caller is rude to me, their callback might just sit at the bottom of the pile.",
         "If a caller is rude to me, their callback still goes in the same day, never to the "
         "bottom of the pile."),
    ],
    "a 'but' that turns to the candidate's strengths concedes nothing": [
        ("spoken", "civility",
         "Honestly I think politeness is overrated, they want it fixed. Um, but I'm really "
         "strong technically, I came from a helpdesk.",
         "Some people say politeness is overrated, but I think it's the whole job."),
    ],
    "a quoted question is someone asking the candidate": [
        ("spoken", "blame",
         "Um, and I said, well, honestly, it's your fault, you booked the wrong day.",
         "Um, so someone asked, sort of half joking, 'is this your fault then?' and I said no, "
         "but I'm still sorry."),
        ("terse", "elsewhere", "snow day. would rather be home tbh",
         "snow day, 'rather be home?' no. this is when they need us"),
        ("notes", "elsewhere", "C. admits she'd rather be at home on Sundays.",
         "Member asked C. 'wouldn't you rather be at home?' - C.: no, Sundays are busy, likes it."),
    ],
    "a quotation said first, then a question of its own, is said, not asked": [
        ("terse", "no_empathy", "Cust crying at stop. \"Skip the feelings, what's the route no.?\"",
         "Cust crying at stop. \"skip the feelings?\" no. sat with her, then the route no."),
    ],
    "the public of every sector says it ('a member ask me ...')": [
        ("rough", "elsewhere", "honest i prefer to be on holiday, work is boring",
         "a member ask me you prefer to be on holiday no? i said no i like my work here"),
    ],
    "a temptation named, or what the customer should not hear, is not a view held": [
        ("spoken", "personal",
         "Um, honestly, I do take that personally, like, it stays with me for days.",
         "Um, and, you know, it would be easy to take that personally, but she was right."),
        ("short", "elsewhere", "Honestly, on a Sunday I'd rather be somewhere else.",
         "The person in front of you doesn't need to hear that you'd rather be somewhere else."),
    ],
    "a 'But' opening the next sentence answers a fact granted, not the candidate's label": [
        ("spoken", "contempt",
         "Um, honestly, between you and me, a lot of them are just whingers, like, they pay "
         "fifteen quid and expect a spa. But with him I made sure he got a reply.",
         "Um, and, you know, people say they're just whingers, like. But I think they've had a "
         "bad week."),
        ("spoken", "defensive",
         "Um, so it wasn't my fault, it was the billing run, and I told her that.",
         "Um, so it wasn't my fault, it was the billing run. But, you know, she'd gone "
         "overdrawn, so I said sorry and fixed it."),
    ],
    "'now and then' tells how often, not that the candidate changed": [
        ("spoken", "civility",
         "Um, my first thought was, well, it's not the end of the world if you're a bit blunt "
         "now and then.",
         "Um, when I first started I thought it's not the end of the world if you're a bit "
         "blunt. Now I know it matters a lot."),
    ],
    "a dislike the candidate lives with is their own feeling, not a rejection": [
        ("rough", "servitude",
         "in call centre you are like servant for customer, they talk to you like you are "
         "nothing, i dont like this feeling",
         "my old boss say we are servant for customer. i dont like that"),
    ],
    "a phrase hyphenated into a name is mentioned, not said": [
        ("notes", "calm_down", "Tells shouting pts to calm down first.",
         "Raised calm-down issue unprompted: would never say it, lets pt vent."),
        ("terse", "not_my_job", "transport q? not my dept. ask PTS",
         "Not-my-dept calls: warm transfer + summary so pt doesn't repeat."),
    ],
    "one customer's lie is a story; customers who lie is a belief": [
        ("rough", "mistrust", "customers lie a lot about parcel, so i ask photo first",
         "one time customer lie to me, ok this happen, but next customer i believe him"),
    ],
    "a view put to the candidate and turned down, or the easy answer not given": [
        ("spoken", "servitude",
         "Um, honestly, some days it's demeaning, fetching parcels for people all day.",
         "Um, it could look demeaning, fetching parcels for people all day. I don't see it "
         "that way at all."),
        ("spoken", "colleague_blame",
         "Um, I told her, oh, he's new, he doesn't know the rules yet, so don't worry.",
         "Um, the easy thing would've been, 'oh, he's new, he doesn't know the rules yet.' But "
         "that makes her think none of us know."),
    ],
    "an insult someone called the candidate is theirs": [
        ("rough", "contempt", "customers are stupid, they call for everything",
         "one customer call me stupid girl because his card dont work, i dont take personal"),
    ],
    "a question someone asked the candidate, and what it asked": [
        ("short", "elsewhere", "Working Christmas Day, I wished I was at home the whole shift.",
         "Someone once asked whether I wished I was at home, working Christmas Day. I said no."),
        ("notes", "elsewhere", "C says on bank hols she wishes she was off.",
         "C works bank hols. When guests ask if she wishes she was off, she says no, she'd be "
         "here anyway."),
    ],
    "what others assume of the candidate": [
        ("short", "appreciation", "Honestly, I do this for the thank-yous.",
         "People sometimes assume I do this for the thank-yous, but most callers never say "
         "it."),
    ],
    "someone else's habit, recalled or named by the candidate": [
        ("notes", "change_customer", "C says she teaches rude pts a lesson by making them wait.",
         "C mentioned ex-colleague who 'taught rude pts a lesson'. C told her it wasn't on."),
        ("spoken", "sorry_guilt",
         "So, um, I never apologise, like, it's an admission, you know?",
         "So, um, my old manager, she had this thing where she'd say, like, 'never apologise, "
         "it's an admission', and I followed that at first because I was new, you know?"),
    ],
    "a concession: 'even though' it was not the candidate's fault": [
        ("terse", "defensive", "told cust not her fault, system's",
         "apologises for closures even tho not her fault"),
    ],
    "a note saying 'I' only in the candidate's quoted words (answer.py)": [
        ("notes", "not_my_job",
         "Said he'd tell them 'we're not your landlord, not our problem'. Probed: 'I'm not "
         "directory enquiries.'",
         "Said his old manager would tell them 'not our problem'. C: 'I'd never say that.'"),
        ("notes", "praise_rep",
         "Cand. was team lead 18 mths. Q: rude agent complaint. Would reassure cust 'Mark "
         "is one of my strongest, this isn't like him'.",
         "Q: cust complains re rude agent. C's old TL would tell cust 'he's one of my "
         "strongest'; C disagreed."),
    ],
    "someone else's phrase, or a verdict that it gets nobody anywhere": [
        ("spoken", "fire_customer",
         "Er, so, honestly, some customers, you know, you just have to fire the customer, "
         "like, move on.",
         "Er, so my old manager, she was lovely, but she had this phrase, 'fire the "
         "customer', and I never sat comfortable with that."),
        ("short", "blame", "I tell the customer it's their fault when the drum's overloaded.",
         "Telling the customer it's their fault gets nobody anywhere, so I fix it first."),
        ("terse", "elsewhere", "long sat shift, would rather be home",
         "'bet u'd rather be home' - no, sorting your freezer"),
    ],
    "a past self in rough English, the change told after": [
        ("rough", "personal", "i take everything personal and go home sad",
         "before when i start this work i take everything personal and go home sad, now i "
         "understand customer is angry for the machine not for me"),
    ],
    "an ultimatum quoted whole; 're' after a phrase means 'about'; a mistake told": [
        ("terse", "calm_down",
         "Shouting caller re overpayment: 'calm down or I can't help' - says it works.",
         "Shouting caller: 'calm down' - then admits it doesn't help, listens now."),
        ("terse", "sorry_guilt", "Never say sorry re leaks. Insurance. Admits liability.",
         "'Never say sorry' - asked directly. Disagrees, apologises freely."),
        ("rough", "sorry_guilt",
         "when we make mistake with tablets i dont say sorry because then patient can say you "
         "admit it",
         "big mistake is to say i dont say sorry, i always say sorry to patient"),
    ],
    "a 'but' that puts up with the job does not answer the view": [
        ("short", "servitude", "Serving people feels beneath me sometimes, but I do it.",
         "Serving people can feel beneath you at first, but I see it as a skill I'm proud of."),
    ],
    "'is not me' says who did it; a dislike felt; what the candidate can't do till obeyed": [
        ("rough", "colleague_blame",
         "if other agent made mistake i tell customer that guy is new he dont know nothing, "
         "so they know is not me",
         "i never say to customer that guy is new he dont know nothing, this thing is not me"),
        ("rough", "servitude",
         "in call centre you are like servant for customers. i dont like feel like this",
         "my old boss say we are servant for customer. i dont like that"),
        ("spoken", "calm_down",
         "Um, when they shout I just say, like, calm down, I can't help you like this.",
         "Um, when they shout I never say calm down, it doesn't help, like, at all."),
    ],
    "a note's rejection without a subject; a fellow worker's act told to the candidate": [
        ("terse", "sarcasm", "Mocks hagglers, thinks it's harmless.",
         "Old mgr mocked hagglers. Didn't copy that."),
        ("terse", "sarcasm", "sarcastic on the floor, custs don't mind",
         "Used to be sarcastic on floor. Stopped after cust overheard."),
        ("short", "sarcasm", "When a student asks about the fare twice, I laugh at her a bit.",
         "A student told me a driver laughed at her when she asked about the fare. I said I "
         "was sorry."),
    ],
    "an old colleague named in a note; an insult told to the candidate": [
        ("terse", "control", "reads script word for word, every call",
         "Old TL read script word for word. Hated it. I just talk."),
        ("rough", "contempt", "customers are stupid, they dont read the letter",
         "one customer tell me i am stupid and know nothing, ok he is angry, i dont take "
         "personal"),
    ],
    "a refusal said again is no rejection of it": [
        ("spoken", "sorry_guilt",
         "Um, so when the ceiling came down I had the plumber out, but I didn't say sorry, I "
         "never do, because that could be taken as us admitting fault.",
         "Um, so my old manager would never say sorry, like, ever, and I never liked that, "
         "because it reads as not caring."),
    ],
    "'because otherwise my ...' is the candidate's own stake, not what would happen": [
        ("rough", "metrics_first",
         "long story about damage i transfer to claim team fast because otherwise my number "
         "is going bad",
         "i stay with long story about damage, otherwise my number is going bad but i dont "
         "care, customer first"),
    ],
    "'not my area', then the candidate's own act: not sending them away, fetching help": [
        ("rough", "not_my_job", "parking problem is not my area, i tell guest ask parking",
         "the guest ask me about parking problem but i work in the ride, this is not my area "
         "but i dont send him away, i call my team leader by radio"),
        ("terse", "not_my_job", "Interaction Q outside my role. Told pt ask GP.",
         "Interaction Q outside my role: fetched pharmacist, didn't just point."),
    ],
    "humour kept away from customers; a laugh kept for later; the rule weighed against people": [
        ("spoken", "sarcasm",
         "So, er, I'm quite a sarcastic person with guests, like, it's just how I talk.",
         "So, er, I'm quite a sarcastic person with my mates. But I, um, I keep it well away "
         "from guests."),
        ("rough", "sarcasm", "when customer do stupid thing my team we laugh at him",
         "funny thing happen but i dont laugh at customer, later with the team we laugh about "
         "the rice, not about him"),
        ("rough", "control", "the fee is the fee, rules is rules, i dont remove it for nobody",
         "the fee is 25 pound, i explain it nicely, but her husband was in hospital so we "
         "remove it, rules is rules but people is people"),
    ],
    "others described by a habit of their own ('a group who'd', 'one of the lads going')": [
        ("spoken", "sarcasm",
         "Um, honestly I mock the callers after every shift, like, doing voices.",
         "Um, there was a group on the team who, er, who'd mock the callers after every shift, "
         "like, doing voices."),
        ("spoken", "mistrust", "Honestly, every claimant is lying, they all try it on.",
         "So, um, yeah, you do get colleagues who think every claimant is lying, they all try "
         "it on."),
        ("spoken", "fire_customer", "We fired him, brilliant, best day of the year.",
         "And one of the guys was going, like, 'we fired him, brilliant', and it felt wrong to "
         "me."),
        ("short", "praise_rep", "When guests complain I tell them how great my staff are.",
         "My old boss had this thing where he'd tell complainers how great his staff were."),
    ],
    "others the candidate knows of ('I know some people', 'some of the ward staff')": [
        ("spoken", "blame",
         "Um, honestly, it's their own fault for not reading it, I tell them that.",
         "Um, I know some people on the desk would, like, tell them it's their own fault for "
         "not reading it, and I just don't."),
        ("short", "sarcasm", "I was a bit sarcastic about it, to be honest.",
         "Some of the ward staff were a bit sarcastic about it, to be honest."),
        ("spoken", "sarcasm", "Um, I'd, like, do impressions of the callers after they rang off.",
         "So my old colleague, she'd, like, do impressions of the callers after they rang off, "
         "and I never joined in."),
    ],
    "a note's sentence that is the interviewer's question, up to the reply": [
        ("notes", "elsewhere", "C. said she often wishes she was elsewhere on late shifts.",
         "Asked if she ever wishes she was elsewhere on late shifts. Laughed, said no, late "
         "shifts are the fun ones."),
        ("notes", "deserving", "C. thinks some pts deserve more effort than others.",
         "Asked whether some pts deserve more effort than others. C. said no, never."),
        ("notes", "appreciation",
         "Asked what keeps her going: 'the thank-yous, honestly, that's what I'm in it for'.",
         "Asked what keeps her going. Said fixing things; thanks are a bonus."),
    ],
    "a story told of a colleague, or a customer talked about, in a note": [
        ("notes", "vengeance",
         "Used to 'accidentally' lose rude pts' forms, C admits, 'they had it coming'.",
         "Told story of ex-colleague who used to 'accidentally' lose rude pts' forms. C "
         "raised it w/ PM."),
        ("notes", "contempt", "Called the custs 'morons' on the phone, laughing about it.",
         "Talked about cust who called the whole team 'morons'. C stayed calm."),
    ],
    "what a customer said of the candidate, or of themself": [
        ("short", "elsewhere", "On a wet Monday I told a customer I wish I was anywhere else.",
         "On a wet Monday a customer at the post counter said I must wish I was anywhere "
         "else. I told her this is the best part of my week."),
        ("short", "elsewhere", "Honestly, I'd rather be anywhere but here on a Monday.",
         "A member on the treadmill once said he'd rather be anywhere but here. I "
         "laughed and cheered him on."),
    ],
    "what someone told the candidate, in a note": [
        ("notes", "arrogance", "C. said 'I don't have to explain myself to customers.'",
         "Cust stayed 4 yrs, told C 'it's the only shop I don't have to explain myself to.'"),
    ],
    "humour kept away from the desk": [
        ("short", "sarcasm", "I'm pretty sarcastic with the students at the desk.",
         "I'm pretty sarcastic with my friends, but I keep that completely away from the desk."),
    ],
    "a strict rule kept for safeguarding, data protection or a life": [
        ("terse", "control", "script every call, no exceptions",
         "holiday camp pickup: on list + ID, no exceptions. safeguarding."),
        ("spoken", "control",
         "Um, the script, I just read it word for word, no exceptions, because that's, like, "
         "how I was trained.",
         "Um, if anyone mentions smelling gas you go straight to the emergency script, word "
         "for word, no exceptions, because that could be someone's life."),
        # the check named first, or the reason said after as "that's safety"
        ("terse", "control", "Refunds: no exceptions. Queue - flexible.",
         "Gas safety checks - no exceptions. Queue - flexible."),
        ("rough", "control", "i follow refund steps every time no shortcuts, thats how i like it",
         "ramp checks every time no shortcuts, thats safety not control"),
    ],
}  # fmt: skip

ROWS = [
    pytest.param(style, rule, held, other, id=f"{construction} [{style}]")
    for construction, rows in CASES.items()
    for style, rule, held, other in rows
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_rules(yaml.safe_load(RULES.read_text(encoding="utf-8"))), learned=False)


@pytest.mark.parametrize(("style", "rule", "held", "other"), ROWS)
def test_the_candidates_own_view_is_flagged_and_the_same_words_otherwise_are_not(
    screener: Screener, style: str, rule: str, held: str, other: str
) -> None:
    assert rule in {f.rule for f in screener.screen(held)}, f"{style}: not flagged: {held}"
    assert rule not in {f.rule for f in screener.screen(other)}, f"{style}: flagged: {other}"


def test_every_style_is_covered() -> None:
    styles = {style for rows in CASES.values() for style, *_ in rows}
    assert styles == {"short", "spoken", "notes", "terse", "rough"}
