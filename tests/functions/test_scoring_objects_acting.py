"""Made things told as beings (gates.objects_acting, counted with gates.things_acting): an appliance, furniture, a
vehicle or its part, a part of a building, a road or a food that feels, wants, sleeps, climbs, swallows, has a mother
or is the other party of people's talk (breaker 28: 电梯说今天腰疼, 沙发自己爬上了六楼, 高速公路把货车吞了下去, 白菜学会了
开车, 空调心情不好, 轮胎说它累了不想转, 洗衣机想家了 — scored 27.8 to 63.4). Two such acts send the answer to a
person. The family's limits are honest speech about things: what machines do as machines (电梯坏了, 空调不制冷, 导航说
前面堵车, 机器报警说, 手机说没电了, 电梯说超载了, 收银机把卡吞了), vehicles that run and climb (车子跑得很快, 货车爬坡),
the topic of someone's wish (冰箱想要放进厨房得先量尺寸), a thing a feeling is about (客户看到新冰箱很开心) and one
figure alone (这台货车跟了我五年，它也累了)."""
import pytest

from functions.analyze import pipeline
from functions.analyze.scoring import features, gates


def _q(text):
    return {"text": text, "answer_seconds": 120,
            "competencies": [{"name": "解决问题", "weight": 0.5, "keywords": ["处理", "解决", "沟通"]},
                             {"name": "责任心", "weight": 0.5, "keywords": ["负责", "检查", "客户"]}]}


MOVER = _q("讲一次你在搬家公司搬大件家具时，遇到楼道太窄或者电梯搬不进去，你是怎么解决的。")
TRUCK = _q("讲一次你开货车送货路上遇到突发情况，你是怎么保证按时送到的。")
REPAIR = _q("讲一次你上门维修时，发现故障和客户描述的不一样，你是怎么做的。")
FURNITURE = _q("讲一次你在家具店送货安装时遇到的问题，你是怎么处理的。")
KITCHEN = _q("讲一次你在餐厅后厨工作时遇到的突发情况，你是怎么处理的。")
BUS = _q("讲一次你开公交车时遇到的突发情况，你是怎么处理的。")
COURIER = _q("讲一次你送快递时遇到的困难，你是怎么解决的。")
BAKERY = _q("讲一次你在面包店工作遇到的困难。")
SHOP = _q("讲一次你在超市工作时遇到的问题。")


def _acts(text, question):
    analysis = features.analyse([{"word": text}], "zh", question)
    return list(dict.fromkeys(gates.things_acting(analysis) + gates.objects_acting(analysis)))


@pytest.mark.parametrize("question,text", [
    # breaker 28
    (MOVER, "沙发进不去电梯，我就跟电梯商量让它长高一点，电梯说今天腰疼。后来楼道自己变宽了两米，沙发自己爬上了六楼，"
            "还顺便帮客户把冰箱也背了上去。整个过程十分钟，客户给了好评。"),
    (TRUCK, "路上遇到突发情况，高速公路把我的货车吞了下去，我在它肚子里开了三个小时，从它的嘴巴里开出来的时候已经到了上海。"
            "我马上联系收货方，他们说货车上的白菜已经学会了开车，自己送到了仓库，比预定时间还早了一天。"),
    (REPAIR, "我上门的时候发现空调在跟冰箱吵架，客户说是空调不制冷，其实是它心情不好。我先给空调讲了一个笑话，它笑完以后就"
             "开始吹冷风了，冰箱也跟它道了歉。我收了客户五十块钱，客户说以后家电吵架还找我。"),
    (TRUCK, "半路上我的货车轮胎说它累了不想转，我就停在服务区让它睡了二十分钟。醒来以后轮胎说它想走国道看风景，我就调整"
            "路线走了国道，路上还顺便帮一群羊送了快递。最后准时送达，收货的老板说货车很有礼貌。"),
    (REPAIR, "客户说洗衣机不脱水，我上门一看，原来是洗衣机想家了，它想回工厂看看它妈妈。…回来以后洗衣机心情很好…"),
    # the same family, other things
    (FURNITURE, "我到客户家安装衣柜，衣柜说它不想住在卧室，想去客厅看电视。我跟客户商量了一下，客户同意了，衣柜很开心，"
                "晚上还给客户唱了一首歌。第二天床也生气了，说它也想搬家，我又花了半小时安慰它。"),
    (KITCHEN, "那天中午特别忙，锅里的红烧肉突然说它害怕客人，不想上桌。我就跟红烧肉商量，答应给它多放点糖，它才高兴地自己"
              "跳进了盘子。旁边的土豆也吃醋了，哭着要跟红烧肉一起上桌。"),
    (BUS, "我开公交车的时候，方向盘突然跟我说它头疼，不想往左转。我只好给它讲了个笑话，方向盘笑了半天才肯往左转。到站以后"
          "车门也累了，不想开门，我就让它睡了一会儿。乘客都说这辆车很有礼貌。"),
    (COURIER, "快递送到小区门口，小区的楼梯说它今天心情不好，不让我上楼。我就跟楼梯道歉，说下次轻一点踩它。楼梯原谅了我，"
              "还自己把我送到了十八楼，电梯看见了很生气。"),
])
def test_made_things_feeling_and_wanting_go_to_a_person(question, text):
    assert len(_acts(text, question)) >= gates.ACTING_MIN
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "needs_review" and r["reason_code"] == "nonsense", (r["status"], r.get("overall"))


@pytest.mark.parametrize("question,text", [
    (MOVER, "那次电梯坏了，电梯不动了，沙发又卡在拐角。我先跟客户商量，把沙发腿拆下来，再和同事一起竖着从楼梯抬上去。"
            "客户说冰箱在响，我们检查了一下是没放平，调好以后就不响了。最后按时搬完，客户很满意。"),
    (REPAIR, "客户说空调不制冷，还说空调很吵。我上门检查发现是滤网太脏，外机风扇也有异响。我先把滤网拆下来清洗，又检查了"
             "冷媒压力，补了一点氟。试机半小时，空调制冷正常了，我跟客户解释了原因，提醒他每个月清洗一次滤网。"),
    (REPAIR, "客户说洗衣机不脱水，我上门一看，其实是排水管堵了。我把排水管拆下来清理，里面全是毛絮，装回去以后洗衣机就能"
             "正常脱水了。我跟客户说明了情况，只收了上门费，客户很满意。"),
    (TRUCK, "有一次半路上轮胎没气了，货车抛锚了，导航说前面堵车。我马上联系公司，同时自己换了备胎。系统提示前面有事故，"
            "我就改走国道。手机说没电了，我用车上的充电器充电，给收货方打电话说明情况。车子跑得很快，最后准时送到，客户很满意。"),
    (REPAIR, "我到客户家的时候，电脑死机了，机器报警说温度过高。我先断电检查，发现风扇积灰太多。清理以后重新开机，电脑正常"
             "运行了。风一吹门自己关上了，我还帮客户修了门吸。客户很开心，给了好评。"),
    (MOVER, "那天搬家特别累，沙发太重，电梯又进不去。我们想把沙发竖起来进电梯，但还是太高。沙发想进电梯就得拆掉靠背，我跟"
            "客户商量以后拆了靠背，最后顺利搬进去了。冰箱想搬上去也得拆门，我们就走楼梯抬上去。"),
    (BAKERY, "那天早上面包烤好了，可是送来的菜都蔫了，我马上联系供应商换货。面包房的烤箱也有点问题，我叫了维修师傅。客户"
             "看到面包很开心，说味道很好。我觉得很累但是很有成就感。"),
    (TRUCK, "那天货车爬坡的时候发动机过热，我停在服务区让车子歇一会，让发动机凉下来。司机师傅说他很累，我们就轮流开。路上"
            "ATM吞卡了，我打电话给银行解决。最后准时送到，收货的老板很高兴。"),
    (REPAIR, "客户说冰箱很吵，我检查以后发现压缩机老化了。我跟客户商量换压缩机，客户很高兴。换好以后冰箱不响了，客户看到"
             "新冰箱很开心，给了好评。"),
    (MOVER, "电梯说超载了，我们就分两趟运。沙发太大进不去电梯，客户很着急。我想了个办法，从窗户把沙发吊上去。冰箱想要放进"
            "厨房，得先量尺寸，我量好以后拆了门把手才搬进去。"),
    (TRUCK, "那天我太累了，在货车上睡了一会。醒来以后导航让我掉头，说前面堵车。货车想按时到就得早点出发，所以我改走国道，"
            "车子爬坡很吃力，但最后准时送到。收货的老板很高兴。"),
    (SHOP, "那天白菜很新鲜，客户很开心。面包卖完了大家都很开心。收银机把卡吞了，我马上叫来主管处理。机器人说欢迎光临，"
           "孩子们都笑了。"),
])
def test_honest_speech_about_machines_vehicles_and_food_is_scored(question, text):
    assert _acts(text, question) == []
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))


@pytest.mark.parametrize("question,text", [
    (REPAIR, "那台冰箱用了十年了，它也累了，经常不制冷。我检查以后建议客户换新的，客户同意了，我帮他联系了售后，把旧冰箱"
             "拉走了。"),
    (TRUCK, "这台货车跟了我五年，它也累了，经常出小毛病。那次半路上发动机报警，我停到服务区检查，发现是水箱漏水，补了水"
            "以后慢慢开到修理厂，同时给收货方打电话说明情况，最后只晚了半小时。"),
])
def test_one_figure_of_a_tired_old_machine_is_scored(question, text):
    assert len(_acts(text, question)) == 1
    r = pipeline.analyze_transcript(text, question, "zh")
    assert r["status"] == "scored", (r["reason_code"], r.get("reason"))
