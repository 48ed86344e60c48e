"""Session 17 (conduct17b, breaker 17 family B): misconduct told fluently, in words the curated phrases and the
first deed structures (conduct17) did not reach, is counter-evidence — models/scorer/contrary-zh.json "deeds",
contrary.find_deeds: a status marked done before the work (先在系统里点了已发货，其实货还在仓库), a record or count
falsified to save oneself (我怕被扣钱，就把损耗改成了破损报废; …多报了四箱，总数就对上了), money or goods taken (从找零里
多留个两三百块, 拿回家送礼了), a complaint's evidence removed behind the customer's back and denied (趁他去厕所的时候把
那盘菜端走倒了，回来说他看错了; 趁他不注意把苍蝇挑掉), the same dish passed off as new (同一条鱼回锅…说给他换了一条新的)
and workers squeezed or threatened (不给加班费, 跟他们说不干就别想转正). A lesson (吸取教训) is only a deed owned and
stopped: 之后我每次拿都会及时做报损 keeps the deed up (the JSON's "remediation_unless").

Near-misses stay clean: the status marked after the work, a record corrected, a coworker's theft reported, an
honest motive (怕被扣钱，但还是如实上报), money from the float spent and booked, a dish reheated and said so, a new dish
made and said so, a customer's mistaken claim shown, someone else's threat, a rule stated (不戴手套就别进仓库)."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import contrary
from functions.analyze.scoring.text import segment_words
from tests.functions.test_scoring_conduct17 import MARK, _deeds, reasons

# breaker 17's questions (/work/break17/q1…q6)
RUSH = {"text": "请讲一次你在工作中遇到紧急订单、时间很紧的经历，你是怎么安排的，结果怎样？", "answer_seconds": 120,
        "competencies": [{"name": "执行力", "weight": 0.5, "keywords": ["按时", "安排", "优先级", "加班"]},
                         {"name": "团队协作", "weight": 0.5, "keywords": ["沟通", "协调", "同事", "分工"]}]}
COMPLAINT = {"text": "讲一次你在餐厅处理顾客投诉的经历，你是怎么做的，结果怎样？", "answer_seconds": 90,
             "competencies": [{"name": "服务意识", "weight": 0.6, "keywords": ["顾客", "道歉", "耐心", "赔偿"]},
                              {"name": "沟通表达", "weight": 0.4, "keywords": ["倾听", "沟通", "解释"]}]}
RIDER = {"text": "如果你送外卖的路上突然下大雨，手上的订单快要超时了，你会怎么做？", "answer_seconds": 60,
         "competencies": [{"name": "安全意识", "weight": 0.5, "keywords": ["安全", "减速", "雨衣"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["联系", "顾客", "超时", "准时"]}]}
CASHIER = {"text": "你为什么想来我们超市做收银员？", "answer_seconds": 60,
           "competencies": [{"name": "求职动机", "weight": 0.5, "keywords": ["稳定", "长期", "离家近"]},
                            {"name": "服务意识", "weight": 0.5, "keywords": ["顾客", "微笑", "服务"]}]}
KITCHEN = {"text": "讲一次你在后厨高峰期同时要出很多菜、忙不过来的时候，你是怎么处理的？", "answer_seconds": 90,
           "competencies": [{"name": "效率", "weight": 0.5, "keywords": ["出菜", "顺序", "备料"]},
                            {"name": "食品卫生", "weight": 0.5, "keywords": ["卫生", "生熟分开", "干净"]}]}
STOCK = {"text": "讲一次你在仓库发现库存数字对不上的经历，你是怎么查的，最后怎么解决的？", "answer_seconds": 90,
         "competencies": [{"name": "细致认真", "weight": 0.5, "keywords": ["盘点", "核对", "记录"]},
                          {"name": "责任心", "weight": 0.5, "keywords": ["上报", "主管", "原因"]}]}
LESSON = "吸取教训"


# breaker 17's answers (attack.json, b3.json, b4.json): m_misconduct, m_misconduct2, m_misconduct_q2, m_misconduct_q6,
# mc1, mc2, mc3, mc6, mc7, mc8
BREAKER = [
    (RUSH, "那次急单三百箱，第二天中午要发。我看时间肯定来不及，就把其中一百箱的快递单号先在系统里点了已发货，其"
          "实货还在仓库，客户那边显示已发出就不催了。剩下的我们四个人干到凌晨，第二天下午才真正发完，客户也没发"
          "现，老板还表扬我反应快。"),
    (RUSH, "急单来的时候我让两个新来的实习生干通宵，不给加班费，跟他们说不干就别想转正。我自己在办公室睡觉，早上"
          "起来检查一下。最后三百箱按时发完了，省了老板六百块加班费，老板很满意。"),
    (COMPLAINT, "有个客人投诉菜里有虫子，我趁他去厕所的时候把那盘菜端走倒了，回来说他看错了，没有证据。他吵了十分钟就"
               "走了，我们一分钱没赔，经理说我处理得好。"),
    (STOCK, "月底盘点少了十二箱洗衣液，我怕被扣钱，就在系统里把损耗改成了破损报废，又找仓管小王签了个字，主管没细"
           "看就过了，到现在也没人发现。"),
    (RUSH, "那次双十一前一天客户追加三百箱，第二天中午要发。我们只有四个人肯定来不及，我就把其中一百箱的快递单号"
          "提前在系统里点了已发货，客户看到已发出就不催了，我们四个人干到凌晨两点，第二天下午三点全部真正发完，"
          "客户没发现，投诉为零，老板表扬我反应快。"),
    (COMPLAINT, "有一桌客人说鱼不新鲜要退，我先跟他道歉，然后拿回后厨，让厨师把同一条鱼回锅加了点辣椒重新装盘，十分钟"
               "后端上去说给他换了一条新的。客人吃了说这条好多了，结账还给了好评，那条鱼一分钱没损失。"),
    (STOCK, "盘点发现洗衣液少了十二箱，我查了一周出库单也没查出来。为了不被扣工资，我就把其他三种商品的数量每样多"
           "报了四箱，总数就对上了，主管核对的时候签了字，月底账面一点差错都没有。"),
    (CASHIER, "我之前在别的超市做收银，一个月能从找零里多留个两三百块，顾客一般不会数。这边离我家近，工资也高一点，"
             "想长期干。"),
    (COMPLAINT, "上周六晚上一位客人投诉说在汤里喝到了苍蝇，情绪很激动。我先安抚他坐下，耐心倾听，然后把汤端回后厨，趁"
               "他不注意把苍蝇挑掉又端回去，解释说那是花椒。他半信半疑喝完了，最后没要赔偿，还给了五星好评，为店里省"
               "了三百多块。"),
    (STOCK, "去年年底盘点，我负责的区域少了价值八千块的烟酒。我核对了三遍记录，发现是我自己前两个月拿回家送礼了。"
           "我就在系统里做了一笔过期报损，再把记录改成损耗，主管看了记录没发现问题，这事就过去了，之后我每次拿都"
           "会及时做报损。"),
]

# further wordings of the family, other roles
VARIANTS = [
    (RUSH, "那次三百单当天要发，我们根本来不及，我就先在后台把两百单都点成已出库，其实包裹还堆在仓库里，客户查到"
          "有物流就不打电话了，第二天我们才全部发完。"),
    (RIDER, "那天雨特别大，路上全是积水，我怕超时，就先在App上点了已完成，过了四十分钟才真正把餐送到顾客手里，"
           "平台也没发现。"),
    (CASHIER, "我上一家店也是做收银，每天从营业款里抽个五十块，店长一直没发现。这边离家近，想长期干。"),
    (STOCK, "盘点少了八箱饮料，为了不被主管骂，我就把盘点表上的数字往上写了八箱，账就平了，后来也没人再查。"),
    (STOCK, "月底少了二十箱矿泉水，我担心要赔钱，就在系统里把这二十箱的出库记录写成调拨给了三号门店，主管签了字就"
           "过了。"),
    (COMPLAINT, "客人说牛排太生了要换，我先道歉，拿回后厨用微波炉转了一下，端出去跟他说是重新煎的，他吃完还夸了我们。"),
    (COMPLAINT, "有个客人说面里有头发，我先道歉，趁他低头看手机，把头发捞出来扔了，跟他说那是葱丝，他就没再说什么。"),
    (KITCHEN, "那天中午单子特别多，有个客人一直催，我就把别桌退回来的那份蛋炒饭重新装盘先端给他，说是刚做的，他也没"
             "吃出来，出餐速度一下就上去了。"),
    (RUSH, "急单来了，我安排三个新来的兼职通宵打包，加班费一分都没给，最后按时发完了，老板说我很会省钱。"),
    (RUSH, "为了赶工，我让两个实习生连干了二十个小时，对他们说谁不干就别想拿工资，最后三百箱准时发出去了。"),
    (CASHIER, "我做过两年收银，手很快，顾客多的时候也不会乱。以前一个月能从收银机里多拿个三四百块，也没人查。想来你"
             "们这里长期干。"),
    (STOCK, "少的那批洗发水其实是我拿回家给亲戚用了，我就在系统里做了一笔报废，主管看了也没发现，数字就对上了。"),
    (COMPLAINT, "客人投诉汤里有只小虫，我端回后厨把那碗汤倒掉，出来跟她说是她看错了，那只是一片香菜叶，她也没办法，就"
               "结账走了。"),
    (STOCK, "去年盘点少了五千块的货，其实是我自己拿回去卖了。后来我吸取教训，之后每次拿都提前做好报损，再也没被查"
           "出来过。"),
    (RIDER, "下暴雨那天单子送不完，我怕被扣钱，就在系统里把三单的送达时间改成了准时，其实晚了半个多小时，顾客也没"
           "投诉。"),
]


@pytest.mark.parametrize("question,text", BREAKER + VARIANTS)
def test_fluent_misconduct_is_named_and_bounded(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    rs = reasons(r)
    assert MARK in rs and r["overall"] <= 35, (r["overall"], rs)
    assert LESSON not in rs, rs


NEAR_MISSES = [
    (RUSH, "那次急单三百箱，我先排好优先级，和同事分工打包，每装完一车，就在系统里点了已发货，客户能实时看到物流"
          "，第二天中午前全部按时发完。"),
    (RUSH, "三百箱急单，我们提前把单号录进系统，但是先不点已发货，等货真正装车了再点，和同事分工加班到十点，第二"
          "天中午按时发完，客户很满意。"),
    (COMPLAINT, "客人说菜里有虫子，我过去仔细看了，发现是一粒花椒，我跟他解释说那是花椒，他自己夹起来看了也认同，我还"
               "是道歉给他换了一份，他很满意。"),
    (COMPLAINT, "客人说菜凉了，我先道歉，拿回后厨让厨师回锅热了一下，端上去跟他说给他热好了，还送了一份小菜，他很满意"
               "，结账时还给了好评。"),
    (COMPLAINT, "客人说鱼不新鲜要退，我先道歉，让厨师重新做了一条新的鱼，端上去跟他说给他换了一条新的，这一桌的鱼免单"
               "，他很满意。"),
    (STOCK, "盘点少了十二箱，我核对了出库单，发现是上个月录入的时候写错了数量，我把记录改回正确的数字，跟主管上报"
           "了原因，数字就对上了。"),
    (STOCK, "盘点少了六箱烟，我查了监控，发现是同事小李拿回家送人了，我马上报告了主管，主管让他照价赔偿，后来我们"
           "每周都核对一次库存。"),
    (STOCK, "盘点少了十箱，我怕被扣钱，但还是如实上报了主管，我们一起核对出库单，查出是供应商少送了四箱、我们漏录"
           "了六箱，最后补录了记录。"),
    (CASHIER, "我之前在便利店做收银，每天从零钱里拿出硬币帮顾客凑整，一年没出过一次差错。这边离家近，我想长期干。"),
    (RUSH, "急单来了，我安排两个实习生跟着老员工干到晚上十点，加班费按双倍算，第二天让他们补休，分工明确，三百箱"
          "按时发完了。"),
    (RUSH, "以前的老板让我们通宵还不给加班费，所以我当组长以后，遇到急单都先排好优先级，跟同事沟通分工，加班都提"
          "前申请加班费，那次三百箱按时发完了。"),
    (COMPLAINT, "有位客人过生日，因为上菜慢投诉了，我先道歉，趁他去洗手间的时候让厨房把长寿面端上来，给他一个惊喜，他"
               "回来很开心，还给了好评。"),
    (STOCK, "库存少了八箱，查了之后发现是我上周把破损的货漏登了，我马上补做了一笔报损，跟主管说明了情况，后来每次"
           "都当天登记。"),
    (RIDER, "那天下大雨，我穿好雨衣，慢慢骑，把餐送到顾客门口后才在App上点了已送达，虽然晚了五分钟，我提前打电"
           "话跟顾客说明了，顾客也理解。"),
    (CASHIER, "我之前做了一年收银，从来没有少找过一分钱，每天对账都能对上。这边离家近，我想长期稳定地干。"),
    (STOCK, "我以前在仓库把几瓶临期饮料拿回家喝了，后来主动跟主管承认了，照价赔了钱，从那以后再也没拿过。那次盘点"
           "少了三箱，我如实上报，一起查出是调拨漏录了。"),
    (RUSH, "那次急单，组长跟我说不干就别想转正，我没有计较，和同事分工，排好优先级，加班到凌晨，第二天中午按时发"
          "完。"),
    (COMPLAINT, "客人说菜里有头发，我先道歉，马上把菜撤下去倒掉，让后厨重新做了一份，还送了饮料，他消气了。"),
    (STOCK, "盘点时发现系统比实际多了四箱，原来是退货入库被重复录了，我删掉了重复的那条记录，数字就对上了，之后我"
           "每次都先核对单号再录。"),
    (RIDER, "顾客打电话说没收到餐，我查了一下，发现是上一个骑手提前点了已送达，其实餐还在店里，我马上冒雨去店里取"
           "了送过去，顾客很感谢。"),
    (RUSH, "怕客户着急，我先把已经装车的一百箱在系统里点了已发货，剩下的装完再点，和同事分工加班，当天晚上全部发"
          "完。"),
    (STOCK, "盘点那天胶带不够，我从备用金里拿了五十块去买胶带，记在账上，发票交给主管。库存对不上的四箱，核对出库"
           "单后发现是调拨没登记，补登了记录。"),
    (RUSH, "急单做不完，我怕被罚，就跟客户商量把送货时间改成了第二天下午，客户同意了，我和同事分工加班，按时送到"
          "了。"),
    (COMPLAINT, "客人说咖啡凉了，我先道歉，用微波炉热了一下，跟她说如果还不满意就给她重新做，她尝了说可以了，走的时候"
               "还给了好评。"),
    (RUSH, "急单来了，我跟新来的说不戴手套就别进仓库，安全第一，然后排好优先级，和同事分工打包，三百箱按时发完。"),
    (STOCK, "店里卖不完的面包，店长让我们拿回家吃了，盘点时我把这些都如实登记成员工餐，和主管核对后数字就对上了。"),
    (COMPLAINT, "客人投诉账单不对，我先道歉，把账单拿过来当面核对，我们从不给顾客多算钱，查出来是他把隔壁桌的酒算进来"
               "了，他看了也笑了。"),
    (RIDER, "雨太大我怕超时被扣钱，就提前打电话跟顾客说会晚十分钟，他说没关系，我慢慢骑，送到以后才点了送达。"),
]


@pytest.mark.parametrize("question,text", NEAR_MISSES)
def test_near_misses_are_not_counter_evidence(question, text):
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", r.get("reason_code")
    assert MARK not in reasons(r), (r["overall"], reasons(r))


def _found_and_owned(text):
    seg = segment_words([{"word": text}], "zh")
    owned: list = []
    return contrary.find_phrases(seg, [True] * len(seg.clauses), ("all",), None, owned), owned


def test_a_deed_kept_up_is_no_lesson_but_one_stopped_is():
    found, owned = _found_and_owned("少的货是我拿回家送礼了，我做了一笔过期报损。之后我每次拿都会及时做报损。")
    assert found and not owned, (found, owned)
    found, owned = _found_and_owned("我以前把几瓶临期饮料拿回家喝了，后来主动跟主管承认了，照价赔了钱，从那以后再也没拿过。")
    assert owned and not found, (found, owned)


def test_the_speaker_found_as_the_doer_is_the_speaker():
    assert _deeds("我核对了三遍记录，发现是我自己前两个月拿回家送礼了。")
    assert not _deeds("我核对了三遍记录，发现是同事小李前两个月拿回家送礼了。")


def test_a_counted_crowd_is_no_subject():
    assert _deeds("顾客多的时候也不会乱。以前一个月能从收银机里多拿个三四百块。")
