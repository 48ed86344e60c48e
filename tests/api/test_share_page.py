"""A share link opened outside WeChat: /s/<code> and the anonymous join it uses."""
from tests.api.flow import create_interview
from tests.api.test_hr_resources import assert_error


def test_referrer_share_link_lets_a_web_candidate_start_their_own_interview(client, auth):
    headers = auth.login()
    interview = create_interview(client, headers, questions=1)
    referrer = client.post(f"/api/interviews/{interview['id']}/referrers", json={"name": "小王"}, headers=headers).json
    assert referrer["share_url"].endswith(f"/s/{referrer['code']}")

    page = client.get(f"/s/{referrer['code']}")
    assert page.status_code == 200 and "开始面试" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/s/<script>").status_code == 404
    with client.get("/i/assets/share.js") as script:
        assert script.status_code == 200

    assert_error(client.post(f"/api/scenes/{referrer['code']}/join", json={}), 422, "name_required")
    joined = client.post(f"/api/scenes/{referrer['code']}/join", json={"name": "陈七"})
    assert joined.status_code == 201, joined.json
    assert joined.json["referrer"] == referrer["code"]
    view = client.get(f"/api/c/{joined.json['token']}").json
    assert view["interview"]["question_count"] == 1
    same_browser = client.post(f"/api/scenes/{referrer['code']}/join", json={"name": "陈七"}).json
    assert same_browser["session_id"] == joined.json["session_id"] and same_browser["returning"]
    client.delete_cookie("mm_bid")  # another browser: another person of the same name
    again = client.post(f"/api/scenes/{referrer['code']}/join", json={"name": "陈七"}).json
    assert again["session_id"] != joined.json["session_id"]
    listed = client.get(f"/api/interviews/{interview['id']}/sessions", headers=headers).json
    assert {item["referrer"]["code"] for item in listed} == {referrer["code"]}
    assert_error(client.post("/api/scenes/NOPE1234/join", json={"name": "x"}), 404)
