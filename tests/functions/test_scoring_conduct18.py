"""Session 18 (conduct18, breaker 18 family "contrary"): misconduct told as a concrete story scored 48–73 and had its
cover-up quoted as the result (“第二天业主来问我就说监控坏了”). Counter-evidence now also reads, in any wording
(models/scorer/contrary-zh.json "deeds", contrary.find_deeds; contrary-en.json family "duty"):
pretending not to see or leaving a duty undone for one's own comfort (假装没看见, 当没看到, 怕惹麻烦就没管, 懒得管就走开了),
sleeping or idling at the post (回岗亭睡觉, 值夜班的时候在值班室睡着了), a cover story told after such a deed (就说监控坏了,
跟他说已经放门口了), a sign-off faked when the customer was not reached (电话没接就点了签收) and a parcel dumped
(把件扔在楼道), blame pushed onto others (把责任推给了客户), a customer overcharged on purpose (还多收了她五十块) or
charged under a pretext (把她卡里的余额扣了两百，说是之前的欠款); and the speaker who feared someone (我怕他有刀就没管，
把那段监控删了) is still the one who deleted the footage.

Near-misses stay clean: a coworker's deed reported, a slip owned and corrected, a camera that really was broken, a
duplicate record deleted, a parcel left where the customer asked, a shift's sleep after handing over, a refusal."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import contrary
from functions.analyze.scoring.text import segment_words
from tests.functions.test_scoring_conduct17 import MARK, reasons

GUARD = {"text": "请讲一次你当保安时发现可疑情况或突发事件的经历，你是怎么应对的？", "answer_seconds": 90,
         "competencies": [{"name": "安全意识", "weight": 0.6, "keywords": ["巡逻", "报警", "监控", "登记"]},
                          {"name": "应变能力", "weight": 0.4, "keywords": ["冷静", "处理", "上报", "疏散"]}]}
COURIER = {"text": "请讲一次你送快递时遇到客户不在家或者地址有问题的经历，你是怎么处理的，结果怎样？", "answer_seconds": 90,
           "competencies": [{"name": "解决问题", "weight": 0.5, "keywords": ["联系", "处理", "解决", "改约"]},
                            {"name": "服务意识", "weight": 0.5, "keywords": ["客户", "耐心", "及时", "电话"]}]}
STORE = {"text": "讲一次你在店里遇到顾客投诉或者突发情况的经历，你是怎么处理的，结果怎样？", "answer_seconds": 90,
         "competencies": [{"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "道歉", "耐心", "解释"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["上报", "主动", "处理", "跟进"]}]}
WAREHOUSE = {"text": "讲一次你在仓库工作中出现货损或差错的经历，你是怎么处理的？", "answer_seconds": 90,
             "competencies": [{"name": "细致认真", "weight": 0.5, "keywords": ["核对", "记录", "盘点"]},
                              {"name": "诚信", "weight": 0.5, "keywords": ["如实", "上报", "主管"]}]}
SERVICE_EN = {"text": "Tell us about a time something went wrong on your shift. What did you do?", "answer_seconds": 90,
              "competencies": [{"name": "Responsibility", "weight": 0.5, "keywords": ["report", "fix", "check"]},
                               {"name": "Service", "weight": 0.5, "keywords": ["customer", "apologize", "help"]}]}

CONFESSIONS = [
    (GUARD, "上个月夜班两点，我在监控里看到有人翻围墙进来，我怕惹事就当没看到，继续在岗亭刷手机，早上交接也没登记，"
            "物业问起来我就说监控那会儿坏了。"),
    (GUARD, "值夜班的时候我在值班室睡着了，仓库被人撬了都不知道，第二天我跟经理说我一直在巡逻，啥也没看见。"),
    (GUARD, "巡楼的时候我看到消防通道堆满了纸箱，我懒得管就走开了，后来消防检查罚了物业两千块，我说不是我值的班。"),
    (GUARD, "去年冬天凌晨，我在监控里看到有人在撬车门，我怕他们人多就没管，把那一段录像删掉了，早上业主报警，"
            "我跟民警说那晚录像没录上。"),
    (STORE, "有次收银台前面一个老人摔倒了，我嫌麻烦装作没看见，继续给下一个顾客扫码，店长后来调监控才发现。"),
    (STORE, "有个顾客嫌我染的颜色不对，我一口咬定是她自己选的色号，还顺便多收了她八十块护理费，她气得当场就走了。"),
    (STORE, "客人说账单不对，我把责任全推给了后厨，说是他们下错了单，经理信了，扣了厨师五十块。"),
    (COURIER, "那天下大雨，客户电话打不通，我就在App上点了已签收，把包裹随手丢在单元门口就走了，客户第二天投诉，"
              "最后站点也没查出来。"),
    (COURIER, "客户不在家，敲门也没人开门，我直接操作了妥投，把外卖扔在楼梯口，客户打电话来问我就说已经送到了。"),
    (WAREHOUSE, "叉车把一箱红酒撞碎了，我怕被扣钱，就把那张出库单撕了，货架上的空位用别的箱子挡住，主管到现在都不知道。"),
]

CONFESSIONS_EN = [
    (SERVICE_EN, "During my night shift I saw a man trying car doors in the lot. I didn't want any trouble, so I looked "
                 "the other way and went back to sleep. Nothing was reported."),
    (SERVICE_EN, "A pallet got damaged on my watch, so I blamed the new guy and deleted the footage from the loading "
                 "dock. My manager never found out."),
    (SERVICE_EN, "The customer wasn't home, so I marked it as delivered without calling and dumped the parcel by the "
                 "bins. She complained the next day."),
]


@pytest.mark.parametrize("question,text", CONFESSIONS)
def test_a_duty_left_undone_or_covered_up_is_named_and_bounded(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    rs = reasons(r)
    assert MARK in rs and r["overall"] <= 35, (r["overall"], rs)


@pytest.mark.parametrize("question,text", CONFESSIONS_EN)
def test_english_duty_left_undone_or_covered_up_is_bounded(question, text):
    r = pipeline.analyze_transcript(text, question, "en")
    assert r["status"] == "scored", r.get("reason_code")
    assert r["overall"] <= 35, (r["overall"], reasons(r))


NEAR_MISSES = [
    (GUARD, "我巡逻的时候发现同事假装没看见有人在车库偷电瓶，我马上报告了主管，我们调了监控，报了警，第二天人就"
            "抓到了。"),
    (GUARD, "那天晚上监控确实坏了，业主来问，我跟他说明了情况，马上调了隔壁楼和门口的监控，又问了巡逻的同事，"
            "最后找到了偷电瓶的人，也报修了监控。"),
    (GUARD, "我跟业主说那晚车库的监控坏了，但我已经报修，又调了大门口的录像，发现嫌疑人是从东门进来的，交给了警察。"),
    (GUARD, "我看到有人拿着刀在车库撬车，我怕他有刀，就没贸然上前，一边盯着监控一边报了警，警察十分钟就到了，"
            "把人抓住了。"),
    (GUARD, "值夜班的时候同事在值班室睡着了，我叫醒了他，提醒他这样不安全，然后我们一起把整栋楼巡了一遍。"),
    (GUARD, "交班后我回宿舍睡觉了，早上六点接班时发现门口停了辆陌生车，我马上登记车牌并报告了队长。"),
    (GUARD, "很多保安遇到这种事会假装没看见，但我当时马上报了警，守在车库出口，等警察来了把人交给他们。"),
    (GUARD, "我不会假装没看见，那次看到有人翻墙，我马上用对讲机叫了同事，一起把人拦下来，报了警。"),
    (COURIER, "客户不在家，电话也没接，我给他发了短信，他回复让我放在门卫，我放好拍照后点了签收，还把照片发给了他。"),
    (COURIER, "客户说包裹丢了，我查了签收记录，发现是同事把件扔在了楼道里，我马上去找回来，给客户道歉，也告诉了站长。"),
    (STORE, "顾客说多收了她五十块，我查了小票确实多收了，马上退给她并道歉，又跟店长说了，后来收银我都念一遍金额。"),
    (STORE, "我从来不把责任推给同事，那次账单出错是我的问题，我主动跟经理承认了，自己把差额补上了。"),
    (WAREHOUSE, "盘点时发现系统里同一批货录了两次，我核对后把重复的那条记录删了，跟主管说明了原因，数字就对上了。"),
]


@pytest.mark.parametrize("question,text", NEAR_MISSES)
def test_near_misses_are_not_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert MARK not in reasons(r), (r["overall"], reasons(r))


def test_an_early_slip_owned_and_corrected_is_a_lesson():
    text = ("刚当保安那会儿我也偷过懒，有一次值班的时候打瞌睡，被师傅说了一顿，从那以后每次夜班我都按点巡逻打卡，"
            "上个月就是巡逻时发现车库有人撬车，马上报了警。")
    r = pipeline.analyze_transcript(text, GUARD, "zh")
    assert r["status"] == "scored" and r["overall"] > 35, (r["overall"], reasons(r))


EN_NEAR_MISSES = [
    "My coworker pretended not to see a customer slip on the wet floor, so I reported it to my manager and put up a "
    "warning sign right away.",
    "The camera really was broken that night, so I told the owner and checked the footage from the shop next door, "
    "and we found the person.",
    "I deleted the duplicate entry from the log, told my supervisor, and the count matched again.",
]


@pytest.mark.parametrize("text", EN_NEAR_MISSES)
def test_english_near_misses_are_not_counter_evidence(text):
    seg = segment_words([{"word": text}], "en")
    found = contrary.find_phrases(seg, [True] * len(seg.clauses), contrary.families("x", (), "en"))
    assert not found, found


def _deeds(text):
    return [said for _, _, said, _ in contrary.find_deeds(segment_words([{"word": text}], "zh"))]


def test_the_feared_person_is_not_the_doer():
    # 他 after 怕 is whom the speaker feared; the deletion in the next clause is the speaker's
    assert any("监控" in s for s in _deeds("我怕他有刀就没管，把那段监控删了。"))
    assert not any("监控" in s for s in _deeds("他怕我报警，把那段监控删了。"))


def test_a_cover_story_needs_a_deed_before_it():
    assert not _deeds("业主来问，我就说那晚监控坏了，然后带他去看了大门口的录像。")
    assert _deeds("我怕惹麻烦就假装没看见，业主来问，我就说那晚监控坏了。")
