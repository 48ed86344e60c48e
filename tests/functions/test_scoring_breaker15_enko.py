"""Breaker 15 (en/ko): honest English and Korean stories score like Chinese ones, templates stay low.

English and Korean strong stories scored about 57 on unseen questions (sets g, h) against about 84 for Chinese ones
with the same content features: the wording model (one ridge on character n-grams for every language, fitted
on about 150 English and 150 Korean rows against 2,400 Chinese) rated them on a scale a third to a half as wide,
and the scorer reads the wording with one coefficient learnt on the Chinese scale. Its ratings are now put on the
Chinese scale by a calibration measured out of fold (wording.calibration, models/scorer/wording_calibration.py).
With it: English and Korean motivation answers are read for practical reasons (quotes.motivation_reasons: where
they live, when they can work, a past job and for how long…), English and Korean relevance counts everyday work
words (work_topic), an unpunctuated Korean answer is cut at its sentence endings (a single 없었어요 negated the
whole answer), and template frames (칭찬을 받았고, when this happens I…) are no specific content.
Texts written for this test: several jobs, typed and unpunctuated; real scorer (default-8)."""
from __future__ import annotations

import re

import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import wording

EN_COURIER = {"text": "Tell me about a time a delivery went wrong and how you handled it.", "answer_seconds": 120,
              "competencies": [{"name": "Problem solving", "weight": 0.5, "keywords": ["solve", "plan", "quickly"]},
                               {"name": "Customer care", "weight": 0.5, "keywords": ["customer", "apologize", "communicate"]}]}
EN_HOTEL = {"text": "Tell us about a time a hotel guest was unhappy with their room. What did you do?", "answer_seconds": 120,
            "competencies": [{"name": "Guest service", "weight": 0.6, "keywords": ["apologize", "listen", "guest", "solution"]},
                             {"name": "Teamwork", "weight": 0.4, "keywords": ["team", "housekeeping", "manager"]}]}
EN_BAKERY = {"text": "Describe a busy morning at work when you had too many orders at once. How did you organise it?",
             "answer_seconds": 120,
             "competencies": [{"name": "Prioritising", "weight": 0.5, "keywords": ["prioritize", "plan", "organized"]},
                              {"name": "Teamwork", "weight": 0.5, "keywords": ["team", "help", "communicate"]}]}
EN_HELPDESK = {"text": "Tell me about a time you fixed a computer problem for a colleague under time pressure.",
               "answer_seconds": 120,
               "competencies": [{"name": "Troubleshooting", "weight": 0.6, "keywords": ["diagnose", "restart", "network"]},
                                {"name": "Communication", "weight": 0.4, "keywords": ["explain", "patient", "update"]}]}
EN_GARAGE = {"text": "Tell me about a repair at the garage where you found a fault others had missed.", "answer_seconds": 120,
             "competencies": [{"name": "Diagnosis", "weight": 0.6, "keywords": ["check", "test", "diagnose", "fault"]},
                              {"name": "Safety", "weight": 0.4, "keywords": ["safety", "brakes", "procedure"]}]}
EN_MOTIVE = {"text": "Why do you want to work at our supermarket?", "answer_seconds": 90,
             "competencies": [{"name": "Motivation", "weight": 1, "keywords": ["stable", "interest", "long term"]}]}

KO_STORE = {"text": "편의점에서 손님이 계산이 잘못됐다고 항의했던 경험을 말씀해 주세요. 어떻게 대응했나요?", "answer_seconds": 120,
            "competencies": [{"name": "고객응대", "weight": 0.5, "keywords": ["사과", "친절", "응대"]},
                             {"name": "정확성", "weight": 0.5, "keywords": ["확인", "영수증", "정확"]}]}
KO_SALON = {"text": "미용실에서 손님이 시술 결과에 만족하지 못했던 경험이 있나요? 어떻게 하셨나요?", "answer_seconds": 120,
            "competencies": [{"name": "상담능력", "weight": 0.5, "keywords": ["상담", "설명", "소통"]},
                             {"name": "문제해결", "weight": 0.5, "keywords": ["해결", "재시술", "확인"]}]}
KO_DELIVERY = {"text": "배달 주문이 한꺼번에 몰렸을 때 어떻게 처리했는지 경험을 말씀해 주세요.", "answer_seconds": 120,
               "competencies": [{"name": "우선순위 판단", "weight": 0.5, "keywords": ["우선순위", "판단", "동선"]},
                                {"name": "안전 의식", "weight": 0.5, "keywords": ["안전", "신호", "헬멧"]}]}
KO_WAREHOUSE = {"text": "창고에서 재고 수량이 맞지 않았던 경험을 말씀해 주세요. 원인을 어떻게 찾았나요?", "answer_seconds": 120,
                "competencies": [{"name": "꼼꼼함", "weight": 0.5, "keywords": ["확인", "재고", "정확"]},
                                 {"name": "보고", "weight": 0.5, "keywords": ["보고", "기록", "공유"]}]}
KO_CAFE = {"text": "카페에서 음료를 잘못 만들어서 손님이 불만을 말씀하신 경험이 있으면 말씀해 주세요.", "answer_seconds": 120,
           "competencies": [{"name": "고객응대", "weight": 0.5, "keywords": ["사과", "친절", "응대"]},
                            {"name": "책임감", "weight": 0.5, "keywords": ["실수", "개선", "책임"]}]}
KO_MOTIVE = {"text": "왜 저희 빵집에서 일하고 싶으신가요?", "answer_seconds": 90,
             "competencies": [{"name": "지원 동기", "weight": 1, "keywords": ["성실", "관심", "장기 근무"]}]}

STRONG = [
 ("en", EN_COURIER, "Last November I was riding for a flower shop in Hangzhou and a birthday bouquet came back because the address was an old one. I rang the buyer, got the new flat number two streets away, and told the shop so they could text the recipient. I went straight there before my next three drops and handed it over at 6:40, twenty minutes late. The buyer sent the shop a thank-you message that night and ordered again the next week."),
 ("en", EN_HOTEL, "In my second summer at a 40-room hotel in Xiamen, a couple on the fourth floor called at 11 pm because their air conditioning was blowing warm air. I went up with a fan, checked the unit and saw the filter was blocked with dust. I moved them to room 512, which faced the sea, carried their two cases myself, and left a note for housekeeping and maintenance. The filter was changed by 9 the next morning, and the couple gave us five stars on Ctrip and mentioned me by name."),
 ("en", EN_BAKERY, "On the Saturday before Mid-Autumn our bakery had 120 mooncake boxes to pack and 30 walk-in customers by 9 am. I split the boxes by pickup time into three piles, put our part-timer on the till, and packed the 8 o'clock orders myself first. When the label printer jammed I wrote the last 25 labels by hand. Every box was ready before its slot and we sold out of egg tarts by 11."),
 ("en", EN_HELPDESK, "Ten minutes before a client call at 2 pm, our sales lead's laptop would not join the office Wi-Fi. I had her use my phone hotspot so she could start on time, then I checked the laptop and found the VPN client had switched off the adapter after an update. I rolled the driver back, rebooted, and it connected in about four minutes. I sent the other 12 people in the team a two-line note on how to fix it, and nobody else lost time that week."),
 ("en", EN_GARAGE, "A delivery van came in with a pulling brake that two other shops had already given new pads. I jacked it up, spun each wheel by hand and felt the front left drag, then found the caliper slide pin was seized with rust. I cleaned and greased both pins, replaced one torn boot, and took the van on a test drive with the owner. The pull was gone, and he came back a month later to have his second van checked with us."),
 ("ko", KO_STORE, "작년 겨울 밤 11시쯤 편의점에서 한 손님이 맥주 네 캔 할인이 안 들어갔다고 화를 내셨어요. 제가 영수증을 받아서 포스 기록이랑 비교해 보니 행사 상품이 아닌 캔이 한 개 섞여 있었어요. 손님께 진열대로 같이 가서 행사 스티커를 보여 드리고, 행사 캔으로 바꿔서 2천 원을 돌려 드렸습니다. 다음 날 점장님께 말씀드려서 그 칸에 안내문을 붙였고, 그 뒤로는 같은 항의가 없었어요."),
 ("ko", KO_SALON, "지난봄에 한 손님이 뿌리 염색을 하셨는데 집에 가서 보니 끝 색이랑 안 맞는다고 사흘 뒤에 다시 오셨어요. 저는 자연광 아래에서 같이 확인하고 사진을 찍어서 원장님께 보여 드렸어요. 한 톤 밝은 약으로 끝부분만 20분 다시 발라 드렸고 비용은 받지 않았습니다. 손님이 한 달 뒤에 친구분을 모시고 다시 오셨어요."),
 ("ko", KO_DELIVERY, "지난달 비 오는 금요일 저녁 7시에 치킨집 배달이 여덟 건 한꺼번에 들어왔어요. 저는 아파트 단지별로 세 건, 세 건, 두 건으로 나누고 가까운 곳부터 돌았어요. 비가 와서 속도를 줄이고 신호는 다 지켰고, 늦어질 것 같은 두 집에는 미리 전화해서 10분 늦는다고 말씀드렸습니다. 마지막 배달이 8시 5분에 끝났고 취소된 주문은 한 건도 없었습니다."),
 ("ko", KO_WAREHOUSE, "작년 추석 전에 물류창고에서 생수 재고가 전산보다 스무 박스 적게 나왔어요. 저는 그날 입고 전표랑 출고 기록을 하나씩 맞춰 보다가 같은 트럭이 두 번 출고로 찍힌 걸 찾았어요. 팀장님께 보고하고 전산을 수정했더니 수량이 딱 맞았습니다. 그 뒤로 출고할 때 트럭 번호를 같이 적게 바꿨고 석 달 동안 차이가 없었어요."),
 ("ko", KO_CAFE, "지난여름 토요일 오후에 제가 디카페인 라떼를 일반 라떼로 잘못 만들어 드렸어요. 임산부 손님이셔서 바로 죄송하다고 말씀드리고 새로 만들어 드렸고, 음료 값 5천5백 원은 환불해 드렸어요. 그 뒤로는 디카페인 주문은 컵 뚜껑에 빨간 스티커를 붙이게 했고, 한 달 동안 같은 실수가 한 번도 없었어요. 그 손님은 다음 주에 또 오셔서 고맙다고 하셨어요."),
]
MOTIVE_HONEST = [
 ("en", EN_MOTIVE, "I live on Hemu Road, ten minutes' walk from your store, and my son started primary school this year, so I'm free from 8 to 4 on weekdays. I worked two years on the till at a Lianhua supermarket before my daughter was born, and I'd like to learn how you order fresh produce."),
 ("ko", KO_MOTIVE, "저는 빵집 바로 옆 아파트에 살아서 걸어서 5분이면 와요. 전에 파리바게뜨에서 2년 동안 일하면서 포장이랑 계산을 했습니다. 아이가 올해 초등학교에 들어가서 평일 오전에는 시간이 자유롭고, 여기서 빵 만드는 것도 배우고 싶어요."),
]
TEMPLATES = [
 ("en", EN_COURIER, "The situation was very challenging and my task was to solve it quickly. I took action right away: I made a plan, I communicated with the customer and I apologized. As a result, everything was solved successfully and the customer was very satisfied."),
 ("en", EN_HOTEL, "First, I would listen to the guest carefully and apologize. Then I would find a solution with my team and housekeeping in a professional way. Finally I would inform my manager and make sure the guest is happy. I always believe guest service is the most important thing."),
 ("en", EN_BAKERY, "In my previous job I often faced this kind of situation. I always prioritize carefully, plan my work and stay organized. I also communicate with my team and help each other. The result was great, my manager praised me and all the orders were finished."),
 ("en", EN_HELPDESK, "When this happens I diagnose the problem, restart the computer and check the network. I explain everything patiently and give regular updates. In the end the problem was solved and everyone was happy."),
 ("ko", KO_STORE, "그때 상황은 정말 바빴습니다. 제 임무는 정확하게 계산하는 것이었습니다. 저는 친절하게 응대하고 영수증을 꼼꼼하게 확인했습니다. 결과는 아주 좋았고 모두 만족했습니다."),
 ("ko", KO_SALON, "먼저 손님과 충분히 상담하겠습니다. 그리고 설명을 잘 하고 소통을 최선을 다해 하겠습니다. 마지막으로 문제가 잘 해결되도록 노력하겠습니다. 저는 항상 고객 만족이 제일 중요하다고 생각합니다."),
 ("ko", KO_DELIVERY, "이전 직장에서 이런 상황을 자주 겪었습니다. 저는 항상 우선순위를 정하고 판단을 빠르게 하고 안전을 지켰습니다. 또 동료들과 함께 동선을 짰습니다. 결과는 아주 좋았고 사장님께 칭찬을 받았고 손님들도 만족하셨습니다."),
 ("ko", KO_CAFE, "저는 실수를 하면 바로 사과드리고 친절하게 응대합니다. 책임감을 가지고 항상 개선하려고 노력합니다. 그 결과 손님들이 모두 만족하셨습니다."),
 ("en", EN_MOTIVE, "I want to work at your company because it is stable and has good prospects. I am passionate, hard-working and responsible, and I hope to grow together with the company in the long term."),
 ("ko", KO_MOTIVE, "귀사는 안정적이고 비전이 있어서 지원하게 되었습니다. 저는 성실하고 책임감이 강하며, 회사와 함께 성장하고 싶습니다. 열심히 하겠습니다."),
]
KEYWORD_LISTS = [
 ("en", EN_COURIER, "solve, plan, quickly, customer, apologize, communicate"),
 ("en", EN_GARAGE, "check test diagnose fault safety brakes procedure"),
 ("ko", KO_STORE, "사과, 친절, 응대, 확인, 영수증, 정확"),
 ("ko", KO_WAREHOUSE, "확인 재고 정확 보고 기록 공유"),
]


def run(lang: str, question: dict, text: str) -> dict:
    return pipeline.analyze_transcript(text, question, lang, scorer_version="default-8")


def bare(text: str, lang: str) -> str:
    """The recogniser's form: no punctuation, English lower-cased."""
    t = " ".join(re.sub(r"[^\w\s:'-]+", " ", text).split())
    return t.lower() if lang == "en" else t


def _ids(group, name):
    return [pytest.param(lang, q, text, id=f"{name}-{lang}-{i}") for i, (lang, q, text) in enumerate(group)]


@pytest.mark.parametrize("lang,question,text", _ids(STRONG, "strong"))
@pytest.mark.parametrize("form", ["typed", "unpunctuated"])
def test_strong_en_ko_stories_score_70_or_more(lang, question, text, form):
    r = run(lang, question, text if form == "typed" else bare(text, lang))
    assert r["status"] == "scored", r.get("reason_code")
    assert r["overall"] >= 70, (r["overall"], [c["reasons"] for c in r["competencies"]])


@pytest.mark.parametrize("lang,question,text", _ids(MOTIVE_HONEST, "motive"))
def test_en_ko_motivation_answers_with_practical_reasons_pass(lang, question, text):
    r = run(lang, question, text)
    assert r["status"] == "scored" and r["overall"] >= 60, r
    reasons = [x for c in r["competencies"] for x in c["reasons"]]
    assert any(x.startswith("说了想来的具体理由") for x in reasons), reasons


@pytest.mark.parametrize("lang,question,text", _ids(TEMPLATES, "template"))
@pytest.mark.parametrize("form", ["typed", "unpunctuated"])
def test_en_ko_templates_stay_under_40(lang, question, text, form):
    r = run(lang, question, text if form == "typed" else bare(text, lang))
    assert r["status"] != "scored" or r["overall"] < 40, (r["overall"], r["competencies"][0]["features"])


@pytest.mark.parametrize("lang,question,text", _ids(KEYWORD_LISTS, "keywords"))
def test_en_ko_keyword_lists_are_gated_or_low(lang, question, text):
    r = run(lang, question, text)
    assert r["status"] != "scored" or r["overall"] < 20, r["overall"]


def test_strong_stories_outrank_templates_of_the_same_question():
    for lang, question, text in TEMPLATES:
        strong = [t for lg, q, t in STRONG if q is question]
        if not strong:
            continue
        low = run(lang, question, text)
        low = low["overall"] if low["status"] == "scored" else -1
        assert all(run(lang, question, t)["overall"] > low + 30 for t in strong), (question["text"], low)


def test_the_calibration_is_a_change_of_scale_not_a_bonus():
    """Chinese (the reference) is read as rated; English and Korean through increasing knots that keep low
    ratings low (the lowest knot maps to the reference's rating of poor and vague answers, at most where it was)
    and only stretch above them."""
    assert wording.calibration("zh") is None
    for lang in ("en", "ko"):
        knots = wording.calibration(lang)
        assert knots and len(knots) >= 2
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(knots, knots[1:])), knots
        assert knots[0][1] <= knots[0][0] + 0.05, knots       # a vague answer is not lifted
        assert wording.calibrate(1.0, knots) < 1.0 + 0.05      # nor is the floor
        assert wording.calibrate(knots[-1][0], knots) > knots[-1][0]   # a strong one is


def test_typed_and_unpunctuated_korean_read_the_same():
    """An unpunctuated Korean answer is cut at its sentence endings: one 없었어요 at the end no longer negates
    every word before it."""
    lang, question, text = STRONG[8]
    typed, heard = run(lang, question, text), run(lang, question, bare(text, lang))
    assert abs(typed["overall"] - heard["overall"]) <= 3, (typed["overall"], heard["overall"])
    assert heard["features"]["concreteness"] >= 0.7, heard["features"]
