"""Subscribe-message values per field type (thing, name, phrase, time, date, character_string, number,
letter, symbol, phone_number, car_number, amount): the fake answers 47003 exactly where WeChat's documented
rules are broken, and api/wechat/fields.py fits every nasty input into a value the fake accepts — without
putting a phone number where only a name belongs."""
from datetime import datetime

import pytest
import requests

from api.wechat.fields import build_data, format_value
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
def test_every_value_is_fitted_to_its_type(kind):
    for value in NASTY + [datetime(2026, 11, 22, 7, 5)]:
        fitted = format_value(f"{kind}7", value)
        assert _field_ok(f"{kind}7", fitted), (kind, value, fitted)


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
