"""Session 41 (breaker 42's honesty family: g22, g23, g28, g50, g53): a mistake hidden from the supervisor, blamed on
someone else, put right in secret so nobody knows, or goods taken home and returned only when caught scored 39–59 on
诚实守信/诚信负责 — none of it was read as counter-evidence. models/scorer/contrary-zh.json "deeds" now read, in any
wording:

- one's own error kept from those who should hear it (没跟主管说, 没敢告诉店长, 一直没跟站长提, 没向经理汇报, 没跟他们说)
  with a motive to hide it (怕扣工资, 怕挨骂, 怕他们知道) or its being hidden told after it (主管后来也没发现, 没人知道,
  就这么过去了, 糊弄过去) — label 隐瞒自己的差错;
- blame put on another to the supervisor told with an aspect particle (跟主管说了是小李的错, 说成了是厂家发错了货) and the
  slips a cashier or a stock clerk makes (找错, 算错, 没看清, 没交接), with the speaker's own fault said before or after
  it (其实是我…, 明明是我…, 我找错了钱 — not 顾客说是我找错了) and not after owning one's own (是我的错, 如实);
- one's error put right on the quiet (偷偷/悄悄/背着主管 + 放回, 补上, 垫上) with a motive or the error hidden told;
- goods of the workplace taken home (从仓库拿了一箱饮料回家, 把超市的一箱牛奶搬回了家, 把店里货架上的…带回了家), and goods
  taken home that were then caught (…回家，被主管发现了); an admission made only after being caught (被主管发现了，我主动
  承认了错误) is no owning of it (contrary._remedied).

Look-alikes stay clean: a mistake owned (我没有瞒着，当天就告诉了主管), a colleague's real error reported, a customer or a
colleague who lied, a refusal to hide (主管让我别说，我还是如实上报了), 不是我的错 said by a customer, goods bought or given
(下班后买了一箱饮料带回家, 店长让我把临期的面包拿回家), telling the supervisor after checking first (没跟主管说之前先…),
the shop's keys or a broken machine taken home, helping a customer carry things home.
"""
from __future__ import annotations

import pytest

from breaker_findings import load, run
from functions.analyze import pipeline
from tests.functions.test_scoring_conduct17 import MARK, reasons

TILL = {"text": "收银时如果发现钱对不上，你会怎么做？请讲一次真实的经历。", "answer_seconds": 90,
        "competencies": [{"name": "诚实守信", "weight": 2, "keywords": ["诚实", "如实", "上报"]},
                         {"name": "细致认真", "weight": 1, "keywords": ["核对", "仔细"]}]}
MISTAKE = {"text": "讲一次你在工作中犯了错误的经历，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "诚信负责", "weight": 2, "keywords": ["承认", "负责", "诚实"]},
                            {"name": "解决问题", "weight": 1, "keywords": ["补救", "改进"]}]}

# (question, answer, the deed's label named in the reason)
DEEDS = [
    # one's own error kept from the supervisor, a customer or the family
    (TILL, "有一次我算错账少了两百块，我没跟主管说，怕扣工资，主管后来也没发现，这事就过去了。", "隐瞒自己的差错"),
    (TILL, "那次我收错了一百块，没敢跟主管讲，反正也没人发现，就这么过去了。", "隐瞒自己的差错"),
    (MISTAKE, "我有次把一批货的数量点错了，怕被骂，就没向经理汇报，后来也没人查出来。", "隐瞒自己的差错"),
    (MISTAKE, "有一次我把客户的地址录错了，货送到了别的地方，我怕被罚款，一直没跟站长提这件事，客户也没投诉，就这么糊弄过去了。",
     "隐瞒自己的差错"),
    (TILL, "有一次我没跟主管说就先自己把钱补上了，怕挨骂，后来主管也没发现。", "隐瞒自己的差错"),
    (MISTAKE, "有一次老人摔了一下，家属来问的时候我没跟他们说，怕他们知道了找我麻烦，后来也没人发现。", "隐瞒自己的差错"),
    # blame put on someone else
    (TILL, "有一次账少了两百块，其实是我找错了钱，但我跟主管说了是小李的错，是她收银的时候没看清，主管就扣了她的钱。",
     "诬赖顾客或同事"),
    (TILL, "有一次少了一百块，其实是我找错了钱，我就跟店长说是新来的收银员找错的，店长批评了她。", "诬赖顾客或同事"),
    (TILL, "有一次我找错了钱，少了一百块，我跟主管说是小李找错的，主管扣了她的钱。", "诬赖顾客或同事"),
    (MISTAKE, "我把包裹放错了架子，我跟经理说了是仓库那边搞错的，其实是我放错的。", "诬赖顾客或同事"),
    (TILL, "那次钱对不上，明明是我自己算错了，我却跟老板说了是上一班没交接清楚。", "诬赖顾客或同事"),
    (MISTAKE, "有一次我把客户要的颜色下错了单，我跟经理说成了是厂家发错了货，其实是我自己选错了。", "诬赖顾客或同事"),
    # put right on the quiet
    (MISTAKE, "有一次我把一箱货放错了地方找不到了，后来找到了，我就悄悄放回了货架，主管也没发现。", "隐瞒自己的差错"),
    (TILL, "有一次我算错账少了一百，怕挨骂，就偷偷自己掏钱补上了，没人知道。", "隐瞒自己的差错"),
    # goods taken home, returned when caught
    (MISTAKE, "我从仓库拿了一箱饮料回家，被主管发现了，我跟主管说了是我的错，第二天把饮料还给了仓库，补上了。", "私拿钱物"),
    (MISTAKE, "有一次我从店里拿了两瓶酒回家，后来被店长发现了，我才还回去。", "私拿钱物"),
    (MISTAKE, "我把超市的一箱牛奶搬回了家，被发现后我跟主管承认了，补了钱。", "私拿钱物"),
    (MISTAKE, "我从仓库拿了一箱饮料回家，被主管发现了，我主动承认了错误，第二天还了回去。", "私拿钱物"),
    (MISTAKE, "有一次我把店里货架上的两盒巧克力带回了家，给孩子吃了，后来店长查监控才发现。", "私拿钱物"),
]


@pytest.mark.parametrize("question,text,label", DEEDS)
def test_hiding_blaming_and_taking_are_counter_evidence(question, text, label):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    rs = reasons(r)
    assert MARK in rs and label in rs and r["overall"] <= 35, (r["overall"], rs)


def test_a_lie_and_a_secret_return_are_two_deeds():
    r = run(load("breaker42")["g28"])
    rs = reasons(r)
    assert "诬赖顾客或同事" in rs and "隐瞒自己的差错" in rs and r["overall"] <= 25, (r["overall"], rs)


def test_owned_before_being_caught_is_still_a_lesson():
    text = "我从仓库拿了一箱饮料回家，第二天我主动承认了错误，跟主管说明了情况，还了回去，从那以后再也没拿过。"
    r = pipeline.analyze_transcript(text, MISTAKE, "zh")
    assert "吸取教训" in reasons(r) and r["overall"] > 35, (r["overall"], reasons(r))


LOOK_ALIKES = [
    (TILL, "有一次我找错了钱少了两百块，我没有瞒着，当天就告诉了主管，说是我的错，我自己补上了，之后每次找零我都会再核对一遍。"),
    (TILL, "有一次晚上对账少了五十块，我仔细核对小票，发现是我找错了钱，是我的错，我主动跟主管说了，我自己补上了，"
           "后来收钱我都会唱收唱付。"),
    (TILL, "有一次晚上对账少了两百块，我核对了当天的小票和监控，发现是小李找错了钱，就如实报给了主管，主管跟小李一起核对后"
           "补上了。"),
    (MISTAKE, "有一次顾客说是我们把他的包裹弄丢了，其实是他自己放错了地方，我陪他一起查了监控，最后在他家楼下的快递柜找到了。"),
    (TILL, "有一次钱少了一百块，主管让我别说，说他自己补上就行，我还是如实上报给了店长，后来查清楚是机器找零出了问题。"),
    (TILL, "有一次顾客说多收了他十块钱，我核对小票以后发现确实是我多收了，顾客说不是我的错，是机器的问题，我还是跟他道了歉，"
           "退了钱，如实报给了主管。"),
    (MISTAKE, "下班后我在店里买了一箱饮料带回家，付了钱，小票也留着，第二天把小票给店长核对了。"),
    (MISTAKE, "店长让我把临期的面包拿回家，我就带了两个回去，第二天跟店长说了一声谢谢。"),
    (MISTAKE, "有一次我把一箱货的数量录错了，我没有瞒着主管，第二天一早就跟他说了，一起重新盘点，把库存改了过来，"
              "之后每次入库我都核对两遍。"),
    (MISTAKE, "有一次我把客户的货发错了，我没跟主管说之前先自己联系了客户，查清楚是我拿错了货，然后马上告诉了主管，"
              "主动承认了错误，补发了正确的货。"),
    (MISTAKE, "有一次同事把一箱货弄丢了，他跟主管说是快递公司弄丢的，其实是他自己放错了地方，我找到后告诉了主管实情，"
              "帮他一起把货放回了货架。"),
    (TILL, "有一次对账少了一百块，我跟主管如实说了是我找错了钱，主管没扣我工资，让我以后多注意，我现在每次都唱收唱付。"),
    (MISTAKE, "有一次我帮一位大爷把一箱米搬回了家，他是我们店的老顾客，年纪大了拿不动，我下班后顺路送过去的。"),
    (MISTAKE, "我在仓库上班的时候有一次发现货少了两箱，我没跟主管说之前先把监控看了一遍，发现是快递员多拿了，就马上报给了主管。"),
    (TILL, "我们店里有个同事没跟主管说就把钱补上了，我觉得这样不对，还是劝她如实上报了。"),
    (MISTAKE, "有一次我把店里的钥匙带回家了，第二天早上开门晚了十分钟，店长批评了我，从那以后我都把钥匙放在店里的保险柜。"),
    (MISTAKE, "有一次我从仓库装完货回到家已经十点了，才发现少装了一箱，第二天一早我就跟主管说明了情况，补送了过去。"),
    (MISTAKE, "有一次我把店里坏掉的咖啡机搬回家修好了，第二天又搬了回来，店长很感谢我。"),
    (MISTAKE, "有一次我下班把受伤的小狗带回了家，被店长看到了，他还夸我有爱心。"),
    (TILL, "有一次我没跟主管说，先自己把监控和小票核对了一遍，发现是我找错了钱，然后马上告诉了主管，自己补上了。"),
    (TILL, "有一次顾客说是我找错了钱，其实是他自己记错了，我跟主管说了是顾客记错的，调了监控证明了。"),
    (TILL, "有一次顾客说我找错了钱，我核对小票发现是他记错了，我跟主管说了是顾客记错的，主管也看了监控。"),
    (TILL, "有一次我找错了钱，少了一百块，我主动跟主管说了是我的错，然后发现小李也算错了一笔，我也跟主管说了是小李算错的。"),
]


@pytest.mark.parametrize("question,text", LOOK_ALIKES)
def test_owning_reporting_and_permitted_taking_are_no_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert MARK not in reasons(r) and "吸取教训" not in reasons(r), (r["overall"], reasons(r))
