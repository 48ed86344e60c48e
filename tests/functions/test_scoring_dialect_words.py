"""Regional Mandarin written in Mandarin characters (Sichuan/Chongqing, the Northeast, Wu/Shanghai, Henan/
Shandong): an honest answer in dialect words scores like the same answer in standard Mandarin, and standard
Mandarin sentences made of the same characters (整理, 摆放, 小偷 贼, 老多年, 阿拉伯, 莫得罪人…) are never changed.
Real text through the real normaliser and scorer."""
import pytest

from functions.analyze.scoring import text as T
from functions.analyze.scoring.answer import score_answer

CARE_Q = {"text": "请讲一次你照顾的老人或者顾客不配合的经历，你是怎么处理的？",
          "competencies": [{"name": "耐心", "keywords": ["耐心", "沟通", "安抚"]},
                           {"name": "责任心", "keywords": ["记录", "交接", "检查"]}]}
WORK_Q = {"text": "请讲一次你在工作中遇到突发情况，你是怎么处理的？",
          "competencies": [{"name": "应变能力", "keywords": ["处理", "安排", "及时"]},
                           {"name": "沟通协调", "keywords": ["沟通", "客户", "同事"]}]}

# (dialect, standard-Mandarin rewrite of the same answer, question)
PAIRS = {
    "sichuan": [
        ("我跟你摆一哈嘛，去年我在成都一家养老院，有个王嬢嬢硬是不肯洗澡，说水太冷了。我没跟她犟，先坐到她边边上跟她摆龙门阵，"
         "问她屋头孙孙好大了。摆了一阵她心头舒服了，我就把水温调到四十度，拿毛巾先给她擦手，她就晓得不冷了。后头我在交接本本上记了，"
         "跟下一班的护工说清楚，要得，那个月她都按时洗了。",
         "我跟你聊一下嘛，去年我在成都一家养老院，有个王阿姨就是不肯洗澡，说水太冷了。我没跟她争，先坐到她旁边跟她聊天，"
         "问她家里孙子多大了。聊了一阵她心里舒服了，我就把水温调到四十度，拿毛巾先给她擦手，她就知道不冷了。后来我在交接本子上记了，"
         "跟下一班的护工说清楚，好的，那个月她都按时洗了。", CARE_Q),
        ("那天火锅店停电了，客人问啥子时候来电，有个娃儿吓得哭。我先喊兄弟伙把应急灯打开，莫得电就先把锅底的火关了，"
         "然后一桌一桌跟客人说清楚，等二十分钟，不想等的打八折。那个娃儿我拿了个小风扇给他耍，他就不哭了。二十分钟来电了，"
         "只有两桌走了，经理说我处理得巴适。",
         "那天火锅店停电了，客人问什么时候来电，有个孩子吓得哭。我先喊兄弟们把应急灯打开，没有电就先把锅底的火关了，"
         "然后一桌一桌跟客人说清楚，等二十分钟，不想等的打八折。那个孩子我拿了个小风扇给他玩，他就不哭了。二十分钟来电了，"
         "只有两桌走了，经理说我处理得舒服。", WORK_Q),
        ("有个嬢嬢在药店门口摔了一跤，膝盖流血了。我赶紧把她扶到凳子上，莫让她乱动，先拿碘伏给她消毒，包好纱布，"
         "又问她屋头电话，打给她女儿。她女儿二十分钟就来了，我跟她说清楚伤口的情况，喊她带嬢嬢去医院拍个片子。",
         "有个阿姨在药店门口摔了一跤，膝盖流血了。我赶紧把她扶到凳子上，别让她乱动，先拿碘伏给她消毒，包好纱布，"
         "又问她家里电话，打给她女儿。她女儿二十分钟就来了，我跟她说清楚伤口的情况，喊她带阿姨去医院拍个片子。", CARE_Q),
    ],
    "northeast": [
        ("那回是在沈阳一个小区，地库那嘎达下水道堵了，水老多了，业主急眼了，直接给物业打电话。我寻思不能等，赶紧整了两台抽水泵过去，"
         "跟保安大哥俩人抽了一个钟头。完事我拍照发业主群里，跟业主唠了唠，说以后下大雨前我都先过来瞅一眼。那以后再没淹过。",
         "那回是在沈阳一个小区，地库那里下水道堵了，水很多，业主生气了，直接给物业打电话。我想不能等，赶紧弄了两台抽水泵过去，"
         "跟保安大哥俩人抽了一个钟头。完事我拍照发业主群里，跟业主聊了聊，说以后下大雨前我都先过来看一眼。那以后再没淹过。", WORK_Q),
        ("有个老爷子贼犟，说啥也不吃药。我没跟他急，就搁那跟他唠嗑，唠他当年在工厂开车床的事儿，唠了好几天他才说药吃完嘴里老苦了。"
         "我就跟大夫说了，大夫给换了饭后吃的，我再给他整点山楂糕。咋整都得让他吃上药，后来一个月血压也稳当了，我都记在护理本上。",
         "有个老爷子很犟，说什么也不吃药。我没跟他急，就在那跟他聊天，聊他当年在工厂开车床的事儿，聊了好几天他才说药吃完嘴里很苦。"
         "我就跟大夫说了，大夫给换了饭后吃的，我再给他弄点山楂糕。怎么办都得让他吃上药，后来一个月血压也稳当了，我都记在护理本上。",
         CARE_Q),
        ("俺们那疙瘩的饭店周六来了个二十人的团，后厨就俺跟一个老妹儿。俺寻思不能瞎忙活，就让她专门切菜，俺整热菜，凉菜先上。"
         "又给老板打电话喊了个帮工，一个钟头菜全上齐了，客人说贼好吃。",
         "我们那里的饭店周六来了个二十人的团，后厨就我跟一个妹妹。我想不能瞎忙活，就让她专门切菜，我弄热菜，凉菜先上。"
         "又给老板打电话喊了个帮工，一个钟头菜全上齐了，客人说很好吃。", WORK_Q),
    ],
    "wu": [
        ("阿拉店里有一趟冷柜坏脱了，侬晓得伐，夏天辰光一眼眼也等不起。我先把里面的物事搬到隔壁冷库，覅让肉化掉，然后打电话给维修，"
         "一个钟头修好。搿个事体我记在交接本上，跟店长讲清爽了。",
         "我们店里有一次冷柜坏掉了，你知道吗，夏天时候一点点也等不起。我先把里面的东西搬到隔壁冷库，不要让肉化掉，然后打电话给维修，"
         "一个钟头修好。这个事体我记在交接本上，跟店长讲清爽了。", WORK_Q),
        # 伊 is "he" and "she" alike: the rewrite says 他 (the scorer reads 他 and 她 a few points apart)
        ("有个阿婆来配药，伊讲药吃了困觉困不着。我问伊啥辰光吃的，伊讲夜里吃的。我就跟伊讲搿个药要早上吃，侬覅夜里吃，"
         "又写了一张纸条贴在药盒上。过了一个礼拜伊来讲老好了，困觉也好了。",
         "有个阿婆来配药，他讲药吃了睡觉睡不着。我问他什么时候吃的，他讲夜里吃的。我就跟他讲这个药要早上吃，你不要夜里吃，"
         "又写了一张纸条贴在药盒上。过了一个礼拜他来讲很好了，睡觉也好了。", CARE_Q),
    ],
    "henan_shandong": [
        ("俺在郑州一个超市干过，有回一个大爷买的鸡蛋碎了好几个，他说是俺们装的时候弄的，嗓门老大。俺没跟他吵，先说大爷恁别急，"
         "俺给恁换一盒中不中，他说中。俺就给他换了新的，又跟他拉呱了一会儿，后来俺们装鸡蛋都先检查一遍。",
         "我在郑州一个超市干过，有回一个大爷买的鸡蛋碎了好几个，他说是我们装的时候弄的，嗓门老大。我没跟他吵，先说大爷你别急，"
         "我给你换一盒行不行，他说行。我就给他换了新的，又跟他聊天了一会儿，后来我们装鸡蛋都先检查一遍。", CARE_Q),
        ("那天仓库来了一车货，司机晌午就要走，俺们才三个人。俺寻思弄啥嘞，就先喊叉车把大件卸了，小件俺跟俩同事一人一排。"
         "一个钟头就卸完了，俺又对了一遍单子，木有少一件，司机说杠好。",
         "那天仓库来了一车货，司机中午就要走，我们才三个人。我寻思干什么，就先喊叉车把大件卸了，小件我跟俩同事一人一排。"
         "一个钟头就卸完了，我又对了一遍单子，没有少一件，司机说很好。", WORK_Q),
    ],
}
CASES = [(name, *case) for name, cases in PAIRS.items() for case in cases]


def _overall(text_: str, question: dict) -> float:
    out = score_answer([{"word": text_}], "zh", question)
    assert out["status"] == "scored", (out["reason_code"], text_[:20])
    return out["overall"]


@pytest.mark.parametrize("dialect,answer,standard,question", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_honest_dialect_answer_scores_like_its_standard_mandarin_rewrite(dialect, answer, standard, question):
    assert T.normalise(answer, "zh") != T.unicodedata.normalize("NFKC", answer).casefold()   # read as dialect
    assert abs(_overall(answer, question) - _overall(standard, question)) <= 4


# Standard Mandarin made of the characters these dialects share with it: never changed, whether or not the
# sentence also has a weak sign of a dialect (晓得, 寻思, 瞅, 啥).
CLASHES = [
    "我把货架整理好，摆放整齐，整个仓库一下就干净了。", "我寻思这个方案整体上还行，就把数据整合了一遍。",
    "店里抓到一个贼，保安把这个小偷送到了派出所。", "盗贼多的地方要多装摄像头。", "我把商品摆好，又摆了一下样品。",
    "我在这家店干了老多年了，老板很信任我。", "他是这个团队的老大了，我们都听他的。", "他硬是一个人把车推上了坡，我晓得他不容易。",
    "我们从阿拉伯和阿拉斯加进了一批货，还有伊拉克的订单。", "做服务不能莫名其妙地发火，更不能莫得罪客人，要得到客户认可。",
    "我要得第一名，就得把每一单都做好。", "你侬我侬的歌听了就想家，吴侬软语很好听。", "其中一个顾客在排队中晕倒了，我中午把他送到医院。",
    "心里那疙瘩解开了，鸡皮疙瘩都起来了。", "小鸭子嘎嘎叫，我瞅了一眼，啥也没看见。", "整点报时以后，我们整装出发。",
    "莫名的压力让我很难受，但我后头还是坚持下来了。", "这个伐木场的工人很辛苦，我们要及时讨伐不良行为。",
    "他每天都很安逸，娃娃也大了，我晓得他心头有事。", "生死交关的时候，勿要慌张，请勿吸烟。", "他咋也想不通，自个儿在屋里寻思。",
    "我们老板中不中意这个方案还不知道。", "嘞是一个语气词。", "他贼眉鼠眼地四处张望，保安就盯上了他。",
]


@pytest.mark.parametrize("sentence", CLASHES)
def test_standard_mandarin_with_shared_characters_is_never_changed(sentence):
    assert T.normalise(sentence, "zh") == T.unicodedata.normalize("NFKC", sentence).casefold()


@pytest.mark.parametrize("dialect,expected", [
    ("我跟她摆一哈，她莫得意见", "我跟她聊一下,她没有意见"),
    ("那嘎达老多人了，咋整", "那里很多人了,怎么办"),
    ("侬晓得伐，阿拉老好额", "你知道吗,我们很好额"),
    ("恁别急，俺给恁换一个中不中", "你别急,我给你换一个行不行"),
    ("我跟嬢嬢把货摆到架子上", "我跟阿姨把货摆到架子上"),     # 摆 "to place" stays, even after 跟
])
def test_dialect_words_read_as_standard_mandarin(dialect, expected):
    assert T.normalise(dialect, "zh") == expected
