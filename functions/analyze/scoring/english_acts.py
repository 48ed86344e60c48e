"""Acts that cannot happen, read in English answers: what gates.odd_acts and gates.things_acting read in Chinese.

An English answer made of real words that mean nothing together (a Tuesday checked in with a suitcase full of quiet;
the pillows kept arguing about geography; I fried the reservations in butter) passes every reader of form: its
sentences have subjects, verbs and results. Its acts give it away. Six kinds, each a few words apart at most:

  - acting:   a thing, a time or a quality doing what only people (or animals) do — a Tuesday *checked in*, the
              pillows *arguing*, the lost-and-found box *started knitting*; a machine or a sign may still *say*,
              *ask*, *eat* coins or *hum* (the dryer was eating quarters, the screen said error: honest speech);
  - handling: a hand's act done to a time or a quality — I *folded the night*, *fried the reservations*,
              *hung the guests' patience*, *dry its opinions*;
  - made_of:  a thing made of, or full of, a time, a quality, a sound or a dish that cannot fill it — a room key
              *made of soup*, a suitcase *full of quiet*, brakes *full of sleepy violins*;
  - became:   a thing or a time turning into a piece of furniture, an instrument or a creature — the Tuesday had
              *become a very polite staircase*, the router *grew into a tall orange piano*.

  - addressed: a time, a quality, a colour or a thing spoken to, apologised to or phoned, a creature apologised to
              or phoned (breaker 34) — *apologize to Thursday*, *listen to the color blue*, *phoned a whale*;
  - is_a:     a customer, a guest, a refund said to be a river, a song, a planet (breaker 34's poem) — not the figures
              honest speech uses (my boss is a shark, she is a star).

    acts(analysis) -> list[(kind, quote)]   the acts read, in order (quotes are the answer's words)

The word lists are closed classes of everyday nouns; a noun in none of them (a guest, the manager, a bike) is never
read as a doer that cannot act. Measured on the English nonsense corpus and every honest English answer of the sets
(docs/scoring.md, session 24); what it cannot read: docs/scoring.md, "What it cannot do".
"""
from __future__ import annotations

import re

from .impossible_dates import impossible_dates

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# times as beings: weekdays and months said as nouns (a Tuesday, the Tuesdays), not as adverbials (last Tuesday)
TIMES = frozenset(list(_DAYS) + [d + "s" for d in _DAYS] + [
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "weekday", "weekdays", "midnight", "noon", "tomorrow", "yesterday"])
# qualities, feelings, colours and numbers as nouns
QUALITIES = frozenset("""quiet silence sorrow sadness happiness geography opinion opinions patience loneliness
    gravity philosophy arithmetic grammar purple yellow orange blue green violet crimson nothingness
    regret regrets jealousy kindness courage boredom nostalgia forgiveness destiny fate eternity dreams
    anger rage grief frustration""".split())
# things that cannot act (furniture, tools, food, weather, places' parts) — machines and signs are DEVICES; not what
# stands for the people at it in honest speech (table four asked for the bill, the front desk remembers her, bed 3, gate 5)
THINGS = frozenset("""pillow pillows blanket blankets staircase staircases stairs chair chairs sofa
    couch lamp lamps umbrella umbrellas suitcase suitcases bucket buckets mop mops broom brooms spoon spoons fork
    forks plate plates cup cups bowl bowls pot pots pan pans fridge fridges sock socks shoe shoes towel towels
    soap sponge lint bottle bottles box boxes basket baskets pencil pencils pen pens key keys lock door doors window
    windows wall walls floor ceiling curtain curtains mirror mirrors tire tires tyre tyres brake brakes wheel wheels
    bell bells lantern lanterns candle candles rug carpet shelf shelves drawer drawers cloud clouds moon sun stars
    river rivers ocean sea mountain mountains rain snow fog wind tree trees flower flowers leaf leaves stone stones
    rock rocks soup bread noodles rice sandwich sandwiches pancake pancakes cake cakes potato potatoes tomato
    tomatoes banana bananas pineapple pineapples egg eggs onion onions carrot carrots tank aquarium piano violin
    violins guitar trumpet drum drums napkin napkins tray trays bin bins
    patio patios hedge hedges shovel shovels spade spades rake rakes lawn lawns turf fence fences teapot teapots
    gravel slab slabs soil wheelbarrow wheelbarrows hose hoses ladder ladders roof roofs
    brick bricks pipe pipes sink sinks cushion cushions wardrobe hanger hangers
    bucketful pebble pebbles hammer hammers wrench screwdriver screwdrivers nail nails shirt shirts coat coats jacket
    jackets sweater sweaters apron aprons dolly dollies cabinet cabinets crate crates cart carts trolley trolleys
    mattress mattresses dresser dressers bookcase bookcases""".split())
# creatures a thing or a time cannot turn into (the turf became a whale: breaker 26)
CREATURES = frozenset("""whale whales dolphin dolphins shark sharks elephant elephants giraffe giraffes tiger tigers
    lion lions penguin penguins dragon dragons unicorn unicorns octopus butterfly butterflies owl owls""".split())
# machines, systems and written things: they say, ask, show, beep, eat coins and refuse cards in honest speech
DEVICES = frozenset("""machine machines dryer dryers washer washers printer printers scanner scanners router
    reader readers register till terminal terminals screen screens system app computer phone phones tablet
    kiosk camera cameras alarm alarms sign signs note notes email message system sensor sensors meter oven ovens
    microwave microwaves fan fans elevator lift car cars bike bikes truck van clock clocks kettle receipt receipts
    invoice ticket tickets waitlist menu menus""".split())
# body parts and a shadow as workers (my left hand had quit, my knees negotiated with my elbows: breaker 36); they may
# do what a body does in honest speech (my feet walked me home, my eyes smiled, my hands shook), not a person's social acts
BODY = frozenset("""hand hands knee knees elbow elbows foot feet nose mouth ear ears eye eyes shadow shoulder shoulders
    finger fingers toe toes leg legs arm arms""".split())
BODY_ACTS = frozenset("""walk walks walked walking climb climbs climbed climbing cry cries cried crying smile smiles
    smiled smiling laugh laughs laughed laughing dance dances danced dancing wave waved swim swims swam swimming
    sleep sleeps slept sleeping dream dreams dreamed dreamt hug hugged kiss kissed wept weep fly flies flew flying
    shout shouted yell yelled write wrote writes tell tells told say says said""".split())    # my eyes told me
# written things, phoned or apologised to only in nonsense (phone both receipts): no staff answers for them
WRITTEN = frozenset("receipt receipts invoice invoices ticket tickets menu menus note notes form forms bill bills".split())
NUMBERS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty""".split())
# the work's abstractions as doers (the purple refund sings, the result apologises: breaker 33); like a device they may
# say, ask or want in honest speech (the policy says, the booking asked for a deposit). Not a queue or a line, which
# stand for the people in it (the queue was complaining)
ABSTRACT_DOERS = frozenset("""refund refunds result results solution solutions policy policies schedule schedules
    reservation reservations booking bookings complaint complaints problem problems discount discounts deadline
    deadlines price prices""".split())
# what only people (and animals) do; a device may do DEVICE_ACTS
PEOPLE_ACTS = frozenset("""ask asks asked asking argue argues argued arguing debate debated debating sing sings sang
    singing dance dances danced dancing knit knits knitted knitting walk walks walked walking climb climbs climbed
    climbing remember remembers remembered dream dreams dreamed dreamt whisper whispers whispered whispering laugh
    laughs laughed laughing cry cries cried crying smile smiles smiled smiling apologize apologized apologise
    apologised complain complains complained complaining decide decides decided vote voted wave waved rent rents
    rented book booked order ordered orders pay pays paid checked thank thanked wrote write
    writes say says said tell tells told swim swims swam swimming fly flies flew flying sleep sleeps slept sleeping
    wept weep kiss kissed hug hugged shout shouted yell yelled wants wanted hope hoped hopes worry worried
    refuse refused marry married learn learns learned learnt explain explains explained forgive forgave forgiven
    forgives forgiving agree agreed agrees call called calls calling phone phoned phones sign signs signed signing
    quit quits quitting negotiate negotiated negotiates negotiating resign resigned""".split())


def _inflected(words: frozenset) -> frozenset:
    """Each regular verb's -s, -ed and -ing forms beside the forms listed (vote → votes, voted, voting: gates-z, session
    34 — "the spoons were voting" was not read because only "vote voted" were listed). Forms that are no word never
    match; irregular forms stay listed by hand."""
    out = set(words)
    for w in words:
        if len(w) < 3 or w.endswith(("ed", "ing")) or not w.isalpha():
            continue
        stem = w[:-1] if w.endswith("e") else w
        out |= {w + "s", stem + "ed" if w.endswith("e") else w + "ed", stem + "ing"}
    return frozenset(out)


PEOPLE_ACTS = _inflected(PEOPLE_ACTS)
DEVICE_ACTS = frozenset("""ask asks asked asking say says said tell tells told sing sings sang singing refuse
    refused sleep sleeps slept sleeping wants wanted rent rents rented decide decides decided call called calls calling
    phone phoned phones""".split())
# a hand's acts on a thing: done to a time or a quality, they cannot happen (I folded the night)
HAND_ACTS = frozenset("""fold folds folded folding fry fries fried frying boil boiled bake baked cook cooked paint
    painted painting hang hung hanging dry dried drying knit knitting knitted plant planted planting wash washed
    iron ironed peel peeled slice sliced chop chopped stir stirred glue glued mop mopped sweep swept
    pour poured""".split())
SOUNDS = frozenset("voice voices music song songs noise violins laughter echo echoes".split())
# a cook's acts (I buttered the queue, peeled the afternoon) done to a time, a quality or the work's abstractions
COOK_ACTS = frozenset("""butter buttered buttering fry fried frying boil boiled bake baked peel peeled slice sliced
    chop chopped stir stirred season seasoned marinate marinated""".split())
ABSTRACTIONS = frozenset("""queue queues line lines reservation reservations waitlist schedule schedules complaint
    complaints booking bookings policy rules afternoon morning evening night week weekend""".split())
# food, which is ironed, parked or mailed only in nonsense (I ironed three burgers, parked the ketchup)
FOOD = frozenset("""burger burgers fries ketchup mustard sauce soup bread noodles rice sandwich sandwiches pancake
    pancakes cake cakes potato potatoes tomato tomatoes banana bananas egg eggs onion onions taco tacos hotdog
    hotdogs pizza pizzas""".split())
NOT_FOR_FOOD = frozenset("iron irons ironed ironing park parks parked parking mail mails mailed".split())
# words between a doer and its act: auxiliaries, adverbs of manner and time, "to" after a verb of asking
_BETWEEN = frozenset("""was were is are am be been being has had have would will could can should might must did
    does do kept keeps keep started starts start began begins begin just also then suddenly always quietly slowly
    softly loudly politely finally still even never really to 's 're outside""".split())
_DETERMINERS = frozenset("a an the its his her their our my your this that these those every each one some both".split())
# a time word followed by one of these is a name for a shift or a moment, not a being (the Tuesday shift)
_NAMING = frozenset("""shift shifts morning mornings night nights evening afternoon crew staff team rush market
    delivery deliveries special specials lunch dinner breakfast meeting meetings order orders""".split())
_WORD = re.compile(r"[a-z][a-z'-]*")
# spoken to, apologised to, phoned: only a person (or the people at a place) hears it — never a time, a quality, a
# colour, a thing or a creature (apologize to Thursday, phoned a whale: breaker 34)
_ADDRESS = frozenset("""apologize apologized apologise apologised apologizing apologising apologizes apologises
    talk talked talking talks speak spoke speaking speaks explain explained explaining listen listened listening
    listens complain complained complaining""".split())
_PHONE = frozenset("phone phoned phoning call called calling texted text texting emailed".split())
# what a person or the work's things are said to be in a poem's lines (the customer is a river, the refund is a song):
# never said of them in honest speech — not the figures it does use (my boss is a shark, she is a star, it was a zoo)
_PERSON_NOUNS = frozenset("""customer customers guest guests client clients manager boss coworker coworkers
    colleague colleagues cashier driver owner refund refunds receipt order orders complaint bill ticket""".split())
_POEM_THINGS = frozenset("""river rivers ocean oceans sea moon cloud clouds rainbow rainbows song songs poem poems
    melody planet galaxy color colour colors colours feather feathers""".split())
_COPULA = frozenset("is are was were".split())


# animals that may eat, hide or bark in honest stories (a puppy got sick, the shop cat), holding a worker's post or
# doing the books (the hamsters handled the accounting, goldfish were running the loading dock: breaker 35)
ANIMALS = frozenset("""hamster hamsters parrot parrots goldfish cat cats dog dogs cow cows hen hens chicken chickens
    pig pigs rabbit rabbits penguin penguins monkey monkeys duck ducks goat goats horse horses mouse mice""".split())
_RUN = frozenset("""handled handle handles handling did do does doing ran run runs running managed manage manages
    managing worked work works working""".split())
_POSTS = frozenset("""accounting payroll scheduling schedule register till books forklift dock counter checkout
    inventory cashier deliveries invoices taxes""".split())
# a workplace between an animal and its work (the hamsters in our pet shop handled…)
_WORKPLACE_PHRASE = frozenset("in at of our the pet shop store".split())


def _words(analysis) -> list[tuple[str, int]]:
    """The answer's words (lowercased) with the index of their clause; punctuation dropped."""
    return [(t.text, t.clause) for t in analysis.seg.tokens if t.pos != "x" and _WORD.fullmatch(t.text)]


def _doer(words, i: int) -> str | None:
    """What kind of doer words[i] is ("time", "quality", "thing", "device", "abstraction", "body") when it stands as a
    noun phrase's head (after a determiner or a number, or plural), else None."""
    w = words[i][0]
    after = words[i + 1][0] if i + 1 < len(words) else ""
    if after in _NAMING or after in TIMES | QUALITIES | THINGS | DEVICES:
        return None    # the Tuesday shift, the key box: a modifier, not the head
    before = [words[j][0] for j in range(max(0, i - 3), i)]
    kind = "time" if w in TIMES else "quality" if w in QUALITIES else "thing" if w in THINGS else \
        "device" if w in DEVICES else "abstraction" if w in ABSTRACT_DOERS else None
    if w in BODY and before and before[-1] in ("my", "his", "her", "their", "our", "left", "right", "both"):
        kind = "body"         # my left hand had quit (not "on the other hand", "hands-on")
    if (w in NUMBERS or w.isdigit()) and before[-2:] == ["the", "number"]:
        kind = "quality"      # the number seven came in and complained
    if kind is None:
        return None
    if kind == "time" and (not before or before[-1] not in _DETERMINERS):
        return None    # last Tuesday, on Monday: when, not who
    return kind


def acts(analysis) -> list[tuple[str, str]]:
    """The acts that cannot happen in an English answer, as (kind, quote), kind one of acting, handling, made_of,
    became, addressed, is_a, date; [] for another language."""
    if analysis.seg.language != "en":
        return []
    words = _words(analysis)
    out: list[tuple[str, str]] = []
    for i, (w, clause) in enumerate(words):
        kind = _doer(words, i)
        if kind:
            # the doer's act: the next word past auxiliaries and adverbs, in the same clause
            j = i + 1
            while j < len(words) and words[j][0] in _BETWEEN and j - i <= 3:
                j += 1
            if j < len(words) and words[j][1] == clause:
                act = words[j][0]
                allowed = DEVICE_ACTS if kind in ("device", "abstraction") else BODY_ACTS if kind == "body" else \
                    frozenset()
                checked_in = act != "checked" or (j + 1 < len(words) and words[j + 1][0] == "in")
                if act in PEOPLE_ACTS and act not in allowed and checked_in and \
                        not (kind == "thing" and act in ("fly", "flies", "flew", "flying")):
                    out.append(("acting", " ".join(x for x, _ in words[i:j + 1])))
            # a time, a quality or a thing turning into a thing: became / turned into / grew into (a) … thing
            for k in range(i + 1, min(i + 5, len(words))):
                if words[k][0] in ("became", "become", "becomes") or (
                        words[k][0] in ("turned", "grew", "turns", "grows") and k + 1 < len(words)
                        and words[k + 1][0] == "into"):
                    tail = [x for x, _ in words[k + 1:k + 6] if x != "into"]
                    target = next((x for x in tail if (x in THINGS or x in CREATURES) and x not in ("rain", "snow", "fog")),
                                  None)
                    if target and target != w:
                        out.append(("became", " ".join(x for x, _ in words[i:k + 1 + tail.index(target) + 2])))
                    break
        if (w in COOK_ACTS or w in NOT_FOR_FOOD) and (i + 1 >= len(words) or words[i + 1][0] not in ("out", "up")):
            # its object within three words: a cook's act on a queue or an afternoon, ironing or parking food
            for k in range(i + 1, min(i + 4, len(words))):
                obj = words[k][0]
                odd = obj in ABSTRACTIONS if w in COOK_ACTS else obj in FOOD
                # (a time naming the food after it is its modifier: baked the afternoon bread — breaker 50's h58, h65)
                if odd and words[k][1] == clause and (k + 1 >= len(words) or words[k + 1][0] not in _NAMING and not (
                        w in COOK_ACTS and words[k + 1][0] in FOOD | THINGS and words[k + 1][1] == clause)):
                    out.append(("handling", " ".join(x for x, _ in words[i:k + 1])))
                    break
                if obj in THINGS | DEVICES | FOOD | ABSTRACTIONS or obj in ("it", "them", "him", "her", "me", "us"):
                    break
        if w in HAND_ACTS:
            # its object: the head after a determiner or a possessive and up to two modifiers
            for k in range(i + 1, min(i + 5, len(words))):
                obj = words[k][0]
                if obj in QUALITIES | SOUNDS or (obj in TIMES | {"night", "evening", "reservations", "reservation"}
                                                 and (k + 1 >= len(words) or words[k + 1][0] not in _NAMING)
                                                 and words[k - 1][0] in _DETERMINERS | {"guests'", "servers'"}):
                    if words[k][1] == clause:
                        out.append(("handling", " ".join(x for x, _ in words[i:k + 1])))
                    break
                if obj in THINGS | DEVICES or obj in ("it", "them", "him", "her", "me", "us"):
                    break
        if w in _ADDRESS and i + 1 < len(words) and words[i + 1][0] == "to" or w in _PHONE:
            # the one spoken to, past to and a determiner: a time, a quality or colour, a thing (not a device, whose
            # staff answer: called the shop), a creature only when apologised to or phoned (talked to the dog is honest)
            k = i + 1 + (words[i + 1][0] == "to" if i + 1 < len(words) else 0)
            k += k < len(words) and words[k][0] in _DETERMINERS
            k += k < len(words) and words[k][0] in ("color", "colour")
            if k < len(words) and words[k][1] == clause and (k + 1 >= len(words) or words[k + 1][0] not in _NAMING):
                heard = words[k][0]
                # (talked to the floor is the floor's staff: breaker 35's check of gates-q; only apologies and calls
                # to a thing are read)
                talk = w.startswith(("talk", "speak", "explain", "listen", "complain"))
                if heard in TIMES | QUALITIES or (heard in THINGS or heard in CREATURES or heard in WRITTEN) and not talk:
                    out.append(("addressed", " ".join(x for x, _ in words[i:k + 1])))
        if w in ANIMALS and i + 1 < len(words):
            # its work: a verb of running or handling past auxiliaries, then a post past a determiner and one modifier
            # (past auxiliaries and a place: the hamsters in our pet shop handled…, the parrot did the scheduling)
            j = i + 1
            while j < len(words) and j - i <= 5 and words[j][1] == clause and words[j][0] not in _RUN and \
                    (words[j][0] in _BETWEEN or words[j][0] in _WORKPLACE_PHRASE):
                j += 1
            if j < len(words) and words[j][0] in _RUN and words[j][1] == clause:
                k = j + 1
                k += k < len(words) and words[k][0] in _DETERMINERS
                for m in range(k, min(k + 2, len(words))):
                    if words[m][0] in _POSTS and words[m][1] == clause:
                        out.append(("acting", " ".join(x for x, _ in words[i:m + 1])))
                        break
        if w in _COPULA and 0 < i and words[i - 1][0] in _PERSON_NOUNS and i + 2 < len(words) and \
                words[i + 1][0] in ("a", "an", "the") and words[i + 2][0] in _POEM_THINGS and words[i + 2][1] == clause:
            out.append(("is_a", " ".join(x for x, _ in words[i - 1:i + 3])))
        if w in ("of",) and i >= 2 and words[i - 1][0] in ("made", "full"):
            h = i - 2
            while h > 0 and words[h][0] in _BETWEEN:
                h -= 1
            head = words[h][0]
            filler = [x for x, _ in words[i + 1:i + 4]]
            stuff = next((x for x in filler if x in QUALITIES | TIMES | SOUNDS or (
                words[i - 1][0] == "made" and x in {"soup", "rain", "menus", "clouds", "noodles", "fog", "snow"})), None)
            if stuff and (head in THINGS | DEVICES or words[i - 1][0] == "made"):
                out.append(("made_of", " ".join(x for x, _ in words[h:i + 2 + filler.index(stuff)])))
    # a date or a clock time that cannot exist (the 31st of February, 26 o'clock: breaker 36)
    return out + [("date", said) for said in impossible_dates(analysis.seg.text, "en")]
