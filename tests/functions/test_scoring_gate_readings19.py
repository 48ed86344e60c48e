"""Two readings of the nonsense gates corrected in session 19 (set n, second look):
- verb_pairs read a topic being named (说起旺季) and a place mis-tagged as a verb after a verb of reaching (拉到镇上/v
  批发市场) as impossible pairs, and sent an honest off-topic story to a person as nonsense;
- dressed_salad spared a jumble of HR's words because 觉得 stood in it — but the view was a thing's (滚筒觉得…), not
  the candidate's."""
from functions.analyze import pipeline
from functions.analyze.scoring import features, gates

FORKLIFT = {"text": "请讲一次仓库旺季你开叉车赶工的经历，你是怎么保证安全又按时完成的？", "answer_seconds": 120,
            "competencies": [{"name": "安全规范", "weight": 0.4, "keywords": ["安全", "限速", "规范操作", "点检"]},
                             {"name": "作业效率", "weight": 0.35, "keywords": ["效率", "装卸", "按时完成", "排车"]},
                             {"name": "团队配合", "weight": 0.25, "keywords": ["配合", "沟通", "调度", "协作"]}]}
# set n's question n10, as HR typed it (set n is seen for gating since its first look)
PAINTER = {"text": "请讲一次你在业主家里刷漆的时候，是怎么做成品保护和施工现场清洁的。", "answer_seconds": 120,
           "competencies": [{"name": "成品保护", "weight": 0.4, "keywords": ["成品保护", "遮挡", "贴膜", "美纹纸", "保护地面"]},
                            {"name": "安全文明施工", "weight": 0.3, "keywords": ["安全", "通风", "清洁", "垃圾清理", "工具摆放"]},
                            {"name": "业主沟通", "weight": 0.3, "keywords": ["业主", "沟通", "满意", "服务", "提前告知"]}]}


def test_an_off_topic_story_naming_its_topic_is_scored_low_not_gated():
    text = ("旺季啊，说起旺季我就想起我们老家那边种西瓜，一到七月份就是旺季，我爸每天凌晨三点起来去地里摘瓜，装到三轮车上拉到镇上"
            "批发市场去卖。后来我爸就不种了，改种葡萄，葡萄要搭架子，比西瓜麻烦多了。")
    read, odd, pairs = gates.verb_pairs(features.analyse([{"word": text}], "zh", FORKLIFT))
    assert not any(p.startswith(("说起|", "镇上|")) for p in pairs), pairs
    r = pipeline.analyze_transcript(text, FORKLIFT, "zh")
    assert r["status"] == "scored" and r["overall"] < 30, (r["reason_code"], r.get("overall"))


def test_a_things_view_is_part_of_the_jumble():
    r = pipeline.analyze_transcript("美纹纸在业主的通风里成品保护了一下遮挡就清洁起来地面的满意沟通着垃圾往安全那边贴膜了一遍服务又把工具"
                                    "摆放到提前告知的后面滚筒觉得保护地面是一种通风的清洁然后业主就遮挡了美纹纸的满意", PAINTER, "zh")
    assert r["status"] == "needs_review", r.get("overall")


def test_the_candidates_own_view_still_spares_a_vague_answer():
    r = pipeline.analyze_transcript("我觉得成品保护很重要，刷墙之前要做好遮挡和贴膜，美纹纸要贴好，施工的时候注意安全和通风，保持清洁，"
                                    "工具摆放整齐，跟业主提前告知，多沟通，让业主满意，这样服务才算做到位了。", PAINTER, "zh")
    assert r["status"] == "scored" and r["overall"] < 50, (r["reason_code"], r.get("overall"))
