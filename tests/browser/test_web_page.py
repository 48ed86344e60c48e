"""GET /i/<token>: the page itself, its headers and assets (the flow is driven in Chromium next door)."""


def test_invitation_page_is_served_with_strict_headers(client):
    response = client.get("/i/AbCdEfGhIjKlMnOpQrStUv")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<html lang="zh-CN">' in page and "秒面" in page
    assert 'data-api="/api/c/AbCdEfGhIjKlMnOpQrStUv"' in page
    assert response.headers["Referrer-Policy"] == "no-referrer"  # the token must not leak to other sites
    assert response.headers["Cache-Control"] == "no-store"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "media-src 'self' blob:" in policy
    assert "microphone=(self)" in response.headers["Permissions-Policy"]
    # Everything the page needs comes from this server: no CDN at run time.
    assert "http://" not in page and "https://" not in page
    for asset in ("/i/assets/interview.js", "/i/assets/interview.css"):
        assert asset in page
        with client.get(asset) as served:  # a file response: close it, or its handle leaks
            assert served.status_code == 200


def test_malformed_token_gets_the_page_with_a_not_found_status(client):
    response = client.get("/i/not%20a%20token")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert 'data-token-valid="no"' in page and 'data-api=""' in page


def test_unknown_token_is_left_to_the_api_which_the_page_explains(client):
    assert client.get("/i/AAAAAAAAAAAAAAAAAAAAAA").status_code == 200
    assert client.get("/api/c/AAAAAAAAAAAAAAAAAAAAAA").json["error"] == "invitation_not_found"
    with client.get("/i/assets/interview.js") as served:
        script = served.get_data(as_text=True)
    assert "invitation_not_found: '没有找到这份面试邀请" in script
