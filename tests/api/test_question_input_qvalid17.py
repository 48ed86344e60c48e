"""HR's questions and competencies are refused with a clear Chinese 422 when they cannot be saved as meant, over
real HTTP (the Flask test client, SQLite and MariaDB legs): every field of a question and of a competency HR can
send. Names are compared as keywords are normalised (case, full/half width, spaces, traditional vs simplified
Chinese: functions/analyze/scoring/question_check.name_key); keywords that are one word once normalised are
stored once, not refused (HR who types 沟通 and 溝通 means one word). Honest near-misses are saved."""
import json

import pytest

from tests.api.flow import create_job
from tests.api.test_hr_resources import assert_error

TEXT = "讲一次你帮助顾客解决问题的经历。"


def comp(name="沟通表达", **fields):
    return {"name": name, "keywords": ["沟通"], **fields}


def post(client, headers, questions, **interview):
    job = create_job(client, headers)
    body = {"language": "zh", "questions": questions, **interview}
    return client.post(f"/api/jobs/{job['id']}/interviews", json=body, headers=headers)


def post_raw(client, headers, raw: str):
    """A body as written (NaN and Infinity are JavaScript's, not JSON's; some clients send them)."""
    job = create_job(client, headers)
    return client.post(f"/api/jobs/{job['id']}/interviews", data=raw, headers={**headers,
                                                                                "Content-Type": "application/json"})


def question(*comps, **fields):
    return {"text": TEXT, "competencies": list(comps), **fields}


def refused(response, *said):
    assert_error(response, 422, "invalid")
    message = response.json["message"]
    for part in said:
        assert part in message, message
    assert "姓名" not in message and "上传地址" not in message and "个字" not in message.split("（")[0], message
    return message


# two competencies of one question that are one name once normalised
DUPLICATES = [
    ("exact", "沟通能力", "沟通能力"),
    ("trailing-space", "沟通能力", "沟通能力 "),
    ("inner-ideographic-space", "沟通能力", "沟通\u3000能力"),
    ("traditional", "沟通能力", "溝通能力"),
    ("traditional-team", "团队协作", "團隊協作"),
    ("case", "Communication", "COMMUNICATION"),
    ("full-width-latin", "ＳＱＬ", "sql"),
    ("full-width-digits", "外语能力１", "外语能力1"),
    ("end-punctuation", "服务意识", "服务意识。"),
    ("mixed", "Excel 技能", "ＥＸＣＥＬ技能"),
]


@pytest.mark.parametrize("first,second", [case[1:] for case in DUPLICATES], ids=[case[0] for case in DUPLICATES])
def test_duplicate_competency_names_in_one_question_are_refused(client, auth, first, second):
    headers = auth.login()
    response = post(client, headers, [question(comp(first), comp(second, keywords=["顾客"]))])
    message = refused(response, "第 1 题", "每项能力只能设置一次")
    assert first.strip() in message


def test_the_refusal_names_the_question_and_every_group(client, auth):
    headers = auth.login()
    good = question(comp("沟通表达"), comp("解决问题", keywords=["解决"]))
    bad = question(comp("服务意识"), comp("服務意識", keywords=["耐心"]), comp("执行力", keywords=["按时"]),
                   comp("執行力 ", keywords=["完成"]), comp("执行力", keywords=["结果"]))
    message = refused(post(client, headers, [good, bad]), "第 2 题", "“服务意识”和“服務意識”", "执行力")
    assert "第 1 题" not in message


def test_duplicates_in_the_interview_default_competencies_are_refused(client, auth):
    headers = auth.login()
    response = post(client, headers, [{"text": TEXT}], competencies=[comp("沟通能力"), comp("溝通能力")])
    refused(response, "面试默认的考察能力")


NEAR_MISSES = [
    ("different-words", ["沟通能力", "沟通技巧"]),
    ("similar-meaning", ["团队协作", "团队合作"]),
    ("languages", ["C#", "C++"]),
    ("longer-name", ["Excel", "Excel高级函数"]),
    ("numbered", ["外语能力1", "外语能力2"]),
    ("one-character-apart", ["执行力", "执行"]),
]


@pytest.mark.parametrize("names", [case[1] for case in NEAR_MISSES], ids=[case[0] for case in NEAR_MISSES])
def test_names_that_only_look_alike_are_saved_as_typed(client, auth, names):
    headers = auth.login()
    response = post(client, headers, [question(*(comp(n, keywords=[k]) for n, k in zip(names, ["沟通", "顾客"])))])
    assert response.status_code == 201, response.json
    assert [c["name"] for c in response.json["questions"][0]["competencies"]] == names


def test_one_name_in_two_questions_and_one_keyword_in_two_competencies_are_fine(client, auth):
    headers = auth.login()
    response = post(client, headers, [question(comp("沟通能力"), comp("服务意识", keywords=["沟通", "耐心"])),
                                      question(comp("沟通能力"))])
    assert response.status_code == 201, response.json


def test_names_are_stored_without_surrounding_spaces(client, auth):
    headers = auth.login()
    response = post(client, headers, [question(comp("  沟通能力\u3000"))])
    assert response.status_code == 201, response.json
    assert response.json["questions"][0]["competencies"][0]["name"] == "沟通能力"


@pytest.mark.parametrize("name", ["", "   ", "\u3000\u3000", "——", "。。。", "、", "a" * 41])
def test_empty_or_overlong_competency_names_are_refused(client, auth, name):
    headers = auth.login()
    refused(post(client, headers, [question(comp(name))]), "能力名称")


@pytest.mark.parametrize("weight", ["1", "0.5", True, False, None, -1, -0.01, 0, 0.0, 1e-9, 0.009, 101, 1e300, [1],
                                    {"value": 1}])
def test_weights_that_are_not_a_number_in_0_to_100_are_refused(client, auth, weight):
    headers = auth.login()
    refused(post(client, headers, [question(comp(weight=weight))]), "能力权重")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinite_weights_are_refused(client, auth, literal):
    headers = auth.login()
    body = json.dumps({"language": "zh", "questions": [question(comp(weight=1))]}, ensure_ascii=False)
    refused(post_raw(client, headers, body.replace('"weight": 1', f'"weight": {literal}')), "能力权重")


def test_all_weights_zero_is_refused_and_valid_weights_are_scaled(client, auth):
    headers = auth.login()
    refused(post(client, headers, [question(comp("沟通", weight=0), comp("服务", weight=0))]), "能力权重")
    saved = post(client, headers, [question(comp("沟通", weight=3), comp("服务", weight=1), comp("细心", weight=0.01))])
    assert saved.status_code == 201, saved.json
    weights = [c["weight"] for c in saved.json["questions"][0]["competencies"]]
    assert weights[0] == pytest.approx(3 * weights[1], abs=1e-5) and 0 < weights[2] < 0.01
    assert sum(weights) == pytest.approx(1, abs=1e-5)
    # the smallest weight next to the largest ones is never stored as 0 (the analyzer would refuse the question)
    extreme = post(client, headers, [question(*(comp(f"能力{i}", weight=100) for i in range(9)), comp("细心", weight=0.01))])
    assert extreme.status_code == 201 and extreme.json["questions"][0]["competencies"][-1]["weight"] > 0


@pytest.mark.parametrize("competencies", [None, [], "沟通能力", {"name": "沟通能力"}, 3, True, [None], ["沟通能力"],
                                          [[comp()]]])
def test_question_competencies_that_are_not_a_list_of_competencies_are_refused(client, auth, competencies):
    """No interview defaults: null is "none" and refused; [] and other shapes are refused whatever the defaults."""
    headers = auth.login()
    refused(post(client, headers, [{"text": TEXT, "competencies": competencies}]))


@pytest.mark.parametrize("competencies", [[], "沟通能力", [None], ["沟通能力"]])
def test_bad_question_competencies_are_refused_with_interview_defaults_too(client, auth, competencies):
    headers = auth.login()
    refused(post(client, headers, [{"text": TEXT, "competencies": competencies}], competencies=[comp()]), "考察能力")


def test_null_question_competencies_use_the_interview_defaults(client, auth):
    """null, like leaving the field out, means "this question uses the interview's competencies" (documented)."""
    headers = auth.login()
    response = post(client, headers, [{"text": TEXT, "competencies": None}, {"text": TEXT}],
                    competencies=[comp("服务意识")])
    assert response.status_code == 201, response.json
    assert [q["competencies"][0]["name"] for q in response.json["questions"]] == ["服务意识", "服务意识"]


def test_the_interview_default_competencies_must_be_a_list_when_given(client, auth):
    headers = auth.login()
    for competencies in ([], "沟通", [None], [comp() for _ in range(11)]):
        refused(post(client, headers, [question(comp())], competencies=competencies), "考察能力")


@pytest.mark.parametrize("field,value,said", [
    ("competencies", [comp(f"能力{i}") for i in range(11)], "1 到 10 项"),
    ("keywords", [f"关键词{i}" for i in range(51)], "最多 50 个词"),
    ("synonyms", [f"同义词{i}" for i in range(101)], "最多 100 个词"),
    ("keywords", ["沟" * 41], "每个词应为 1 到 40 个字"),
    ("keywords", [""], "每个词应为 1 到 40 个字"),
    ("synonyms", ["近" * 41], "每个词应为 1 到 40 个字"),
])
def test_too_many_or_too_long_competencies_and_words_are_refused(client, auth, field, value, said):
    headers = auth.login()
    body = question(*value) if field == "competencies" else question(comp(**{field: value}))
    refused(post(client, headers, [body]), said)


def test_the_largest_question_the_api_takes_is_saved(client, auth):
    headers = auth.login()
    comps = [comp(f"能力{i}", keywords=[f"词{i}_{k}" for k in range(50)], synonyms=[f"近{i}_{k}" for k in range(100)])
             for i in range(10)]
    response = post(client, headers, [question(*comps, text="讲" * 1000)])
    assert response.status_code == 201, response.json


@pytest.mark.parametrize("keywords", [None, "沟通", [1, 2], [None], [["沟通"]], [{"word": "沟通"}]])
def test_keyword_lists_of_another_shape_are_refused(client, auth, keywords):
    headers = auth.login()
    refused(post(client, headers, [question(comp(keywords=keywords))]), "关键词")


def test_keywords_that_are_one_word_once_normalised_are_stored_once(client, auth):
    """Not refused: 沟通 / 溝通 / 沟通 with spaces / ＡＰＰ / App / app are what HR means as one word each; the saved
    question shows the list as the scorer reads it, so nothing is hidden."""
    headers = auth.login()
    response = post(client, headers, [question(comp(keywords=["沟通", "溝通", " 沟通 ", "ＡＰＰ", "App", "app", "顾客"],
                                                    synonyms=["交流", "交流", "交 流"]))])
    assert response.status_code == 201, response.json
    saved = response.json["questions"][0]["competencies"][0]
    assert saved["keywords"] == ["沟通", "app", "顾客"] and saved["synonyms"][:1] == ["交流"]


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "？？？", "讲" * 1001, None, 5, ["讲一次"]])
def test_question_text_that_says_nothing_or_is_too_long_is_refused(client, auth, text):
    headers = auth.login()
    refused(post(client, headers, [question(comp(), text=text)]), "题目内容")


@pytest.mark.parametrize("field,value", [("type", "story"), ("type", "unknown"), ("kind", "story"),
                                         ("behaviours", ["主动沟通"])])
def test_fields_the_api_does_not_take_are_named_and_refused(client, auth, field, value):
    """The API has no question type (the scorer reads it from the wording) and no behaviours list: a client that
    sends them is told so, never silently ignored."""
    headers = auth.login()
    body = question(comp(**{field: value})) if field == "behaviours" else question(comp(), **{field: value})
    refused(post(client, headers, [body]), f"“{field}”")


@pytest.mark.parametrize("media", ["video", "foo", "", None, 1])
def test_an_unknown_answer_media_is_refused(client, auth, media):
    headers = auth.login()
    refused(post(client, headers, [question(comp(), media=media)]), "作答方式")


@pytest.mark.parametrize("anchors,said", [({"great": "讲清楚了"}, "评分示例的档次"), ({"strong": 5}, "评分示例"),
                                          ("讲清楚", "评分示例"), ({"weak": "差" * 1001}, "评分示例")])
def test_anchors_of_another_shape_are_refused_with_their_own_name(client, auth, anchors, said):
    headers = auth.login()
    refused(post(client, headers, [question(comp(anchors=anchors))]), said)


def test_blank_anchors_are_left_out(client, auth):
    headers = auth.login()
    response = post(client, headers, [question(comp(anchors={"weak": "  ", "strong": " 说出具体做法和结果 "}),
                                               comp("服务意识", anchors={"weak": "\u3000"}))])
    assert response.status_code == 201, response.json
    first, second = response.json["questions"][0]["competencies"]
    assert first["anchors"] == {"strong": "说出具体做法和结果"} and "anchors" not in second


def test_a_person_is_still_called_a_name_outside_competencies(client, auth):
    """The contextual label (能力名称) is only for a competency's name: an invitation's name stays 姓名."""
    headers = auth.login()
    interview = post(client, headers, [question(comp())]).json
    response = client.post(f"/api/interviews/{interview['id']}/invitations",
                           json={"candidates": [{"name": "", "phone": "13800138000"}]}, headers=headers)
    assert response.status_code == 422 and "能力名称" not in response.json["message"]
