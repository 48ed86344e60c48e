"""Acts that cannot happen, read in Korean answers: what english_acts reads in English (breaker 34).

A Korean answer made of real words that mean nothing together (구름이 화를 냈어요, 달에게 사과하고, 화요일을 새로 끓여서,
의자가 웃으면서 가셨어요) has the frame of a real service story — a time, a complaint, an apology, a fix, a result — and
passes every reader of form. Korean grammar gives its participants away:

  - addressed: 에게/한테/께, the dative of the living, on the moon, a Tuesday or a chair (달에게 사과하고) — the inanimate
               take 에 (가게에 전화했어요), so the ending alone is the sign;
  - acting:    the moon, a weekday, a chair or a dish as the subject (이/가/은/는/께서) of what only people do — getting
               angry, laughing, apologising, ordering, phoning, saying — or of an honorific verb (가셨어요, 드셨어요), which
               Korean gives only to people; a dish or a thing "sad" or "lonely" (국이 슬프다고);
  - handling:  a weekday or a feeling as the object (을/를) of a cook's or a packer's act (화요일을 끓여서, 슬픔을 볶아).

    acts(analysis) -> list[(kind, quote)]   the acts read, in order (quotes are the answer's words)

The noun lists are closed classes of everyday words (nature, weekdays, furniture and tableware, dishes); a noun in none
of them (손님, 사장님, 배달 기사, a machine) is never read as one that cannot act — machines say and refuse in honest
speech (기계가 카드를 안 받았어요). Weather does what weather does (비가 와서, 바람이 불어서) and is read only with a
person's act. Meals are not times here (점심을 끓여 is lunch being cooked).
"""
from __future__ import annotations

from .impossible_dates import impossible_dates

_NATURE = frozenset("구름 달 해 태양 별 별들 하늘 무지개 바다 산 강 바람 비 번개 천둥 안개 은하수 우주".split())
_TIMES = frozenset("월요일 화요일 수요일 목요일 금요일 토요일 일요일 주말 어제 내일 모레 그저께 작년 내년 새벽".split())
_THINGS = frozenset("""의자 책상 테이블 식탁 컵 접시 그릇 숟가락 젓가락 냄비 프라이팬 상자 박스 문 창문 벽 바닥 쟁반 우산 신발
    양말 베개 소파 거울 계단 봉투 영수증 메뉴판 국자 행주 앞치마 쓰레기통""".split())
# (not 닭, the living bird too: 닭에게 모이를 줬어요)
_DISHES = frozenset("국 밥 치킨 떡볶이 김밥 라면 빵 커피 찌개 김치 양념 소스 튀김 감자 콜라 맥주 닭다리".split())
_QUALITIES = frozenset("""슬픔 기쁨 외로움 조용함 침묵 행복 분노 그리움 추억 색깔 파란색 빨간색 노란색 초록색 하얀색 검은색 보라색 인내심
    화 짜증 걱정""".split())
# money and takings: never the one who phones or cries (월급이 저한테 전화해서: breaker 35)
_MONEY = frozenset("월급 급여 매출 통장 용돈 팁 거스름돈".split())
_INANIMATE = _NATURE | _TIMES | _THINGS | _DISHES | _MONEY
# animals, which may eat, run or hide in honest stories (고양이가 숨었어요) but hold no post (펭귄들이 계산원으로 일했는데,
# 젖소가 회계를 맡고: breaker 35)
_CREATURES = frozenset("""펭귄 펭귄들 젖소 소 햄스터 햄스터들 앵무새 닭 고양이 강아지 개 토끼 돼지 오리 금붕어 물고기 곰 원숭이 쥐 거북이
    기린 코끼리 고래 다람쥐""".split())
_POSTS = ("계산원", "회계", "급여", "근무표", "경리", "매니저", "점장", "직원", "알바", "손님")
# … said as a post taken or a job done: 계산원으로, 회계를 (not 계산대 밑에, where a puppy hides)
_POST_ENDS = ("으로", "로", "를", "을")
_WEATHER = frozenset("바람 비 번개 천둥 안개".split())
_UNHEARING = _INANIMATE | _QUALITIES        # never addressed with the dative of the living
_POST_HOLDERS = _CREATURES | _THINGS        # never in a post
_FELT_IDIOMS = frozenset("화 짜증 걱정".split())

_LIVING_DATIVE = ("에게서", "에게", "한테서", "한테", "께")
_SUBJECT = ("께서", "이", "가", "은", "는")
_OBJECT = ("을", "를")
# what only people do, as the verb's start (화를 냈어요, 웃으면서, 사과했어요, 주문하고…)
_PERSON_ACTS = ("화를", "화가", "웃", "울었", "울면서", "울고", "사과하", "사과했", "사과드", "주문", "전화", "말했", "말하",
                "말씀", "인사", "항의", "불평", "계산했", "결제했", "짜증", "소리쳤", "소리를", "기다렸", "기다리")
_FEELINGS = ("슬프", "슬퍼", "외롭", "외로워", "우울", "기뻐", "기쁘", "행복하", "화나", "서운")
# honorific verb endings: only people are honoured (가셨어요, 드셨어요, 오셔서, 하세요)
_HONORIFIC = ("셨", "시고", "시면서", "시며", "시더니", "셔서", "세요", "십니다")
# a verb that closes its clause (와서, 짜다고, 나오고, 늦었는데…): the subject's act is over
_CLAUSE_ENDS = ("서", "고", "며", "니까", "는데", "은데", "지만", "더니", "면", "요", "다", "죠", "네")
# a cook's or a packer's acts on the object
_HANDLE = ("끓여", "끓이", "끓였", "볶아", "볶았", "볶고", "튀겨", "튀겼", "구워", "구웠", "썰어", "썰었", "삶아", "삶았",
           "포장해", "포장했", "접어", "접었", "담아", "담았", "데워", "데웠", "얼려", "얼렸", "녹여", "녹였")


def _split(word: str, endings) -> str | None:
    """The noun before one of the endings (달에게 → 달), or None."""
    for e in endings:
        if word.endswith(e) and len(word) > len(e):
            return word[: -len(e)]
    return None


_PEOPLE = frozenset("손님 고객 직원 사장 사장님 사람 아이 기사 기사님 매니저 점장 알바 동료 언니 오빠 형 누나 엄마 아빠 친구 저 제 "
                    "나 내 우리 그분 그 분".split())


def _other_subject(word: str) -> bool:
    """Another subject or topic in between: a person with any subject ending, or any word with 께서/은/는/가 (not 이,
    which ends adverbs too: 많이, 같이)."""
    noun = _split(word, _SUBJECT)
    return noun is not None and (noun in _PEOPLE or noun.endswith("님") or not word.endswith("이"))


def acts(analysis) -> list[tuple[str, str]]:
    """The acts that cannot happen in a Korean answer, as (kind, quote), kind one of addressed, acting, handling, date;
    [] for another language."""
    if analysis.seg.language != "ko":
        return []
    toks = analysis.seg.tokens
    out: list[tuple[str, str]] = []
    for i, t in enumerate(toks):
        if t.pos == "x":
            continue
        w = t.text
        addressed = _split(w, _LIVING_DATIVE)
        if addressed in _UNHEARING:
            out.append(("addressed", w))
            continue
        subject = _split(w, _SUBJECT)
        # a time with 은/는 is when, not who (어제는 손님이 화를 냈어요)
        if subject in _TIMES and w.endswith(("은", "는")):
            subject = None
        # an animal or a thing in a person's post (펭귄들이 편의점 계산원으로 일했는데, 의자가 손님으로 와서: breaker 35)
        if subject in _POST_HOLDERS:
            for j in range(i + 1, min(i + 5, len(toks))):
                if toks[j].pos == "x" or _other_subject(toks[j].text):
                    break
                if toks[j].text.startswith(_POSTS) and toks[j].text.endswith(_POST_ENDS):
                    out.append(("acting", " ".join(x.text for x in toks[i:j + 1])))
                    break
        # a colour or a feeling as the doer, not as a topic — and not 화가 나다, 짜증이 나다, 걱정이 되다 (a person's feeling)
        quality = subject in _QUALITIES and not w.endswith(("은", "는")) and subject not in _FELT_IDIOMS
        if subject in _INANIMATE or quality:
            # its verb: within the next four words of the clause
            for j in range(i + 1, min(i + 5, len(toks))):
                if toks[j].pos == "x":
                    break
                v = toks[j].text
                person = v.startswith(_PERSON_ACTS) or any(h in v for h in _HONORIFIC)
                felt = v.startswith(_FEELINGS) and subject not in _WEATHER and subject not in _TIMES
                if person or felt:
                    out.append(("acting", " ".join(x.text for x in toks[i:j + 1])))
                    break
                if _other_subject(v) or v.endswith(_CLAUSE_ENDS):
                    break    # 비가 와서 손님이 화를 냈어요, 국이 짜다고 하셔서: the next act is someone else's
        obj = _split(w, _OBJECT)
        if (obj in _TIMES or obj in _QUALITIES) and i + 1 < len(toks):
            for j in range(i + 1, min(i + 5, len(toks))):     # 화를 냉동실에 하룻밤 얼렸다가
                if toks[j].pos == "x":
                    break
                if toks[j].text.startswith(_HANDLE):
                    out.append(("handling", " ".join(x.text for x in toks[i:j + 1])))
                    break
    out += [("date", said) for said in impossible_dates(analysis.seg.text, "ko")]    # 2월 30일 25시 (breaker 36)
    return list(dict.fromkeys(out))
