"""Subscribe-message values per field type (thing, name, phrase, time, date, character_string, number,
letter, symbol, phone_number, car_number, amount): the fake answers 47003 exactly where WeChat's documented
rules are broken, and api/wechat/fields.py fits every nasty input into a value the fake accepts — without
putting a phone number where only a name belongs."""
from datetime import date, datetime, timedelta, timezone

import pytest
import requests

from api.wechat.fields import UnrepresentableValue, build_data, format_value
from tests.wechat.fake_wechat import _field_ok

NASTY = ["", "   ", "订阅消息内容1", "王芳 13800138000", "张三", "John Smith", "user25", "Ünïcødé ñame",
         "一" * 40, "A" * 50, "82.5 分", "¥1,234.50元", "粤A8Z888挂", "+86-0766-66888866", "!!!???###",
         "Recommended 推荐!", "2026年11月22日 15:05", "2026-11-22 15:05:00", "emoji 😀 ok", "\n\t换行\n",
         None, 0, 12.5]
KINDS = ["thing", "name", "phrase", "time", "date", "character_string", "number", "letter", "symbol",
         "phone_number", "car_number", "amount", "short_thing"]

# What the fake must refuse (WeChat's documented rules) and accept, per type.
RULES = {
    "thing": (["一" * 20, "门店店员 · 上海"], ["一" * 21, ""]),
    "name": (["王芳", "欧阳娜娜", "Wang·Fang", "John Smith"], ["订阅消息内容1", "王芳 13800138000", "user25", "一" * 11]),
    "phrase": (["配送中", "推荐"], ["略略略略略略", "Pass", "推荐!"]),
    "time": (["15:01", "2019年10月1日 15:01", "15:01~16:00"], ["2023-08-21 22:48:54", "25:00"]),
    "date": (["2019年10月1日", "2019年10月1日 15:01"], ["2019-10-01"]),
    "character_string": (["2020011316024527670", "ab12-#"], ["中文", "a b", "x" * 33]),
    "number": (["27", "82.5"], ["82.5分", "1" * 33, "-3"]),
    "letter": (["abc"], ["ab1", "a" * 33]),
    "symbol": (["!?", "-"], ["a!", "!!!!!!"]),
    "phone_number": (["+86-0766-66888866", "13800138000"], ["1" * 18, "138 0013 8000", "电话"]),
    "car_number": (["粤A8Z888挂", "京A12345"], ["粤A8Z888挂X", "粤-A8"]),
    "amount": (["¥6000.00", "¥12元"], ["6000.00", "¥12345678901"]),
}


@pytest.mark.parametrize("kind", sorted(RULES))
def test_the_fake_applies_each_documented_rule(kind):
    good, bad = RULES[kind]
    assert all(_field_ok(f"{kind}1", value) for value in good), [v for v in good if not _field_ok(f"{kind}1", v)]
    assert not any(_field_ok(f"{kind}1", value) for value in bad), [v for v in bad if _field_ok(f"{kind}1", v)]


@pytest.mark.parametrize("kind", KINDS)
def test_every_value_is_fitted_to_its_type_or_refused(kind):
    """Every value either becomes one the fake accepts or is refused as unrepresentable — never invented."""
    for value in NASTY + [datetime(2026, 11, 22, 7, 5)]:
        try:
            fitted = format_value(f"{kind}7", value)
        except UnrepresentableValue:
            assert kind in ("number", "amount", "letter", "time", "date"), (kind, value)
            continue
        assert _field_ok(f"{kind}7", fitted), (kind, value, fitted)


NEAR = datetime.now(timezone(timedelta(hours=8))).year
# (type, input, expected value or UnrepresentableValue): the family of each fault, per the documented rule.
TABLE = [
    ("time", "2026-11-29T10:00:00Z", "2026年11月29日 18:00"),
    ("time", "2026-11-29T10:00:00+08:00", "2026年11月29日 10:00"),
    ("time", "2026-11-29 10:00:00", "2026年11月29日 18:00"),
    ("time", datetime(2026, 11, 29, 10, 0, tzinfo=timezone.utc), "2026年11月29日 18:00"),
    ("time", "2026年11月22日 15:05", "2026年11月22日 15:05"),
    ("time", "12月1日 18:00", None),
    ("time", "2026年12月1日 18:00~19:30", "2026年12月1日 18:00~19:30"),
    ("time", "2026-12-01T10:00:00Z ~ 2026-12-01T11:00:00Z", "2026年12月1日 18:00~2026年12月1日 19:00"),
    ("time", "15:01", "15:01"),
    ("time", "2026-11-29", UnrepresentableValue),
    ("time", date(2026, 11, 29), UnrepresentableValue),
    ("time", "下周", UnrepresentableValue),
    ("time", "25:00", UnrepresentableValue),
    ("time", "", UnrepresentableValue),
    ("date", "2026-11-29", "2026年11月29日"),
    ("date", date(2026, 11, 29), "2026年11月29日"),
    ("date", "2026-11-29T20:00:00Z", "2026年11月30日 04:00"),
    ("date", datetime(2026, 11, 22, 20, 5), "2026年11月23日"),
    ("date", "2026-11-29~2026-12-01", "2026年11月29日~2026年12月1日"),
    ("date", "2026年11月29日", "2026年11月29日"),
    ("date", "2026-02-30", UnrepresentableValue),
    ("date", "明天", UnrepresentableValue),
    ("number", "27", "27"),
    ("number", "1,000", "1000"),
    ("number", "82.5 分", "82.5"),
    ("number", "+3", "3"),
    ("number", "-3", UnrepresentableValue),
    ("number", "abc", UnrepresentableValue),
    ("number", "3-5", UnrepresentableValue),
    ("number", "1" * 33, UnrepresentableValue),
    ("number", 12.5, "12.5"),
    ("amount", "$1,000", "$1000"),
    ("amount", "¥1,234.50元", "¥1234.50"),
    ("amount", "6000元", "¥6000"),
    ("amount", "€12.345", "€12.35"),
    ("amount", "-5元", UnrepresentableValue),
    ("amount", "面议", UnrepresentableValue),
    ("amount", "¥12345678901", UnrepresentableValue),
    ("letter", "abc", "abc"),
    ("letter", "ab1", "ab"),
    ("letter", "王", UnrepresentableValue),
    ("symbol", "a!?", "!?"),
    ("symbol", "abc", "-"),
    ("character_string", "ab 12-#", "ab12-#"),
    ("character_string", "中文", "-"),
    ("phone_number", "138 0013 8000", "13800138000"),
    ("phone_number", "电话", "-"),
    ("car_number", "粤A 8Z888挂", "粤A8Z888挂"),
    ("name", "张三（电话：138 0013 8000）", "张三"),
    ("name", "张三(Tel: 13800138000)", "张三"),
    ("name", "王芳 13800138000", "王芳"),
    ("name", "王芳，手机13800138000", "王芳"),
    ("name", "李四 电话 138-0013-8000", "李四"),
    ("name", "John Smith, +1 555 0100", "John Smith"),
    ("name", "13800138000", "候选人"),
    ("phrase", "推荐!", "推荐"),
    ("phrase", "Pass", "无"),
    ("thing", "张三（电话：138 0013 8000）", "张三"),
    ("thing", "联系电话：13800138000", "-"),
]


@pytest.mark.parametrize("kind,value,expected", TABLE, ids=[f"{k}-{v!s}" for k, v, _ in TABLE])
def test_each_type_parses_what_it_can_and_never_invents(kind, value, expected):
    if expected is UnrepresentableValue:
        with pytest.raises(UnrepresentableValue):
            format_value(f"{kind}2", value)
        return
    fitted = format_value(f"{kind}2", value)
    if expected is None:  # the system's own "12月1日 18:00": the year nearest today
        assert fitted.endswith("年12月1日 18:00") and int(fitted[:4]) in (NEAR - 1, NEAR, NEAR + 1)
    else:
        assert fitted == expected
    assert _field_ok(f"{kind}2", fitted), fitted


def test_build_data_names_the_field_it_cannot_fill():
    with pytest.raises(UnrepresentableValue, match="number3"):
        build_data({"thing1": "what", "number3": "n"}, {"what": "面试", "n": "-3"})


def test_names_never_carry_a_phone_number_or_digits():
    assert format_value("name1", "王芳 13800138000") == "王芳"
    assert format_value("name1", "订阅消息内容1") == "订阅消息内容"
    assert format_value("name1", "user25") == "user"
    assert "13800138000" not in format_value("thing2", "联系 13800138000 王经理")
    assert format_value("date3", datetime(2026, 11, 22, 20, 5)) == "2026年11月23日"


def test_the_fake_answers_47003_over_http_like_wechat(fake_wechat):
    token = requests.get(f"{fake_wechat.url}cgi-bin/token", params={
        "grant_type": "client_credential", "appid": fake_wechat.appid, "secret": fake_wechat.secret}).json()["access_token"]
    fake_wechat.users.add("oUser")
    fake_wechat.templates.add("TPL")
    fake_wechat.subscribe("oUser", "TPL")
    bad = requests.post(f"{fake_wechat.url}cgi-bin/message/subscribe/send", params={"access_token": token}, json={
        "touser": "oUser", "template_id": "TPL", "data": {"name1": {"value": "王芳 13800138000"}}}).json()
    assert bad["errcode"] == 47003 and "data.name1.value invalid" in bad["errmsg"]
    fitted = build_data({"name1": "who"}, {"who": "王芳 13800138000"})
    good = requests.post(f"{fake_wechat.url}cgi-bin/message/subscribe/send", params={"access_token": token}, json={
        "touser": "oUser", "template_id": "TPL", "data": fitted}).json()
    assert good["errcode"] == 0, good


CONTACTS = ["zhangsan@qq.com", "wf@example.com", "wx: abc", "微信号 wxid_abc123", "vx：hello_2024", "QQ: 12345678",
            "https://evil.example.cn/x?y=1", "www.foo.com", "13800138000", "+86 138-0013-8000",
            "(+86) 131.0013.1000", "8613100131000", "０２１－６２３４５６７８", "电话：138 0013 8000"]
CONTACT_TEXTS = ["张三 {c}", "邮箱 {c} 已完成", "王芳（{c}）", "{c} 面试已完成", "候选人{c}"]
TEXT_KINDS = ["thing", "short_thing", "name", "phrase", "character_string", "letter", "symbol", "car_number"]


@pytest.mark.parametrize("kind", TEXT_KINDS)
@pytest.mark.parametrize("contact", CONTACTS)
def test_no_contact_detail_survives_in_any_text_field(kind, contact):
    """Emails, URLs, WeChat/QQ ids and phone numbers of every family are removed before fitting, per type."""
    import re

    for template in CONTACT_TEXTS:
        value = template.format(c=contact)
        try:
            fitted = format_value(f"{kind}1", value)
        except UnrepresentableValue:
            continue  # letter with no letters left: not sent, nothing leaked
        assert _field_ok(f"{kind}1", fitted), (kind, value, fitted)
        assert "@" not in fitted and not re.search(r"\d{4}", fitted), (kind, value, fitted)
        for piece in ("zhangsan", "example", "abc", "wxid", "hello", "evil", "foo", "wx", "vx", "qq.com"):
            assert piece not in fitted.lower(), (kind, value, fitted)
