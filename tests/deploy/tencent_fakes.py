"""Fakes of Tencent Cloud at the HTTP boundary for tests/deploy: fixed keys, and an API 3.0 endpoint double."""
import json
import secrets
import threading

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

BUCKET = "miaomian-1250000000"
REGION = "ap-guangzhou"
# Fixed, fake long-lived keys (the deploy host's sub-account in "federation" mode) and SCF role keys.
SECRET_ID, SECRET_KEY = "AKIDmiaomianTESTKEY0000000000000000", "miaomianTESTsecret000000000000000"
ROLE_ID, ROLE_KEY, ROLE_TOKEN = "AKIDroleTEMP00000000000000000000000", "roleTEMPsecret0000000000000000", "role-token-1"


class TencentApiFake:
    """A Tencent Cloud API 3.0 endpoint: records each call; `handlers[action](params) -> Response body`."""

    def __init__(self, handlers: dict):
        self.handlers, self.calls = handlers, []
        self.server = make_server("127.0.0.1", 0, self, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}"

    def __call__(self, environ, start_response):
        request = Request(environ)
        action = request.headers.get("X-TC-Action", "")
        params = json.loads(request.get_data() or b"{}")
        self.calls.append({"action": action, "params": params, "headers": dict(request.headers)})
        request_id = secrets.token_hex(8)
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("TC3-HMAC-SHA256 Credential="):
            body = {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "TC3 signature expected"}}
        elif action not in self.handlers:
            body = {"Error": {"Code": "InvalidAction", "Message": f"{action} is not supported"}}
        else:
            body = self.handlers[action](params, request)
        body["RequestId"] = request_id
        return Response(json.dumps({"Response": body}), content_type="application/json")(environ, start_response)

    def stop(self):
        self.server.shutdown()
