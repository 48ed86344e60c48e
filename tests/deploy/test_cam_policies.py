"""The CAM policies docs/deploy.md tells the operator to create allow every Tencent Cloud operation the code
calls: each SDK call found in the sources (grep, not a hand-kept list) maps to its CAM action (COS's "COS API
授权策略使用指引" names), and a call the table does not know fails the test, so a new operation cannot ship
without its permission. (Erasure once called delete_objects/list_multipart_uploads, which the API role lacked.)"""
import fnmatch
import json
import re
from pathlib import Path

import pytest

from functions.analyze.renditions import rendition_key

ROOT = Path(__file__).resolve().parents[2]

# SDK method → the CAM actions it needs (cos-python-sdk-v5, tencentcloud-sdk-python).
COS_ACTIONS = {
    "create_multipart_upload": {"name/cos:InitiateMultipartUpload"},
    "complete_multipart_upload": {"name/cos:CompleteMultipartUpload"},
    "abort_multipart_upload": {"name/cos:AbortMultipartUpload"},
    "list_multipart_uploads": {"name/cos:ListMultipartUploads"},
    "object_exists": {"name/cos:HeadObject"},
    "put_object": {"name/cos:PutObject"},
    "get_object": {"name/cos:GetObject"},
    "delete_object": {"name/cos:DeleteObject"},
    # DELETE Multiple Objects: a signed request needs cos:DeleteObject on every object it names; cos:DeleteMultipleObjects
    # is the batch permission COS checks for anonymous ones (COS SDK docs "删除对象", document/product/436/64963).
    "delete_objects": {"name/cos:DeleteObject", "name/cos:DeleteMultipleObjects"},
    "list_objects": {"name/cos:GetBucket"},
    "head_bucket": {"name/cos:HeadBucket"},
    "download_file": {"name/cos:HeadObject", "name/cos:GetObject"},   # HEAD for the size, then (ranged) GETs
    "get_presigned_url": {"name/cos:GetObject"},   # media links (GET); part URLs are the upload role's (below)
    "AssumeRole": {"name/sts:AssumeRole"},
    "GetFederationToken": {"name/sts:GetFederationToken"},
    "Invoke": {"name/scf:InvokeFunction"},
}
# Which role runs which source file (deploy/scf/*/serverless.yml: api, retention and sweep share miaomian-api).
SOURCES = {"miaomian-api": ["api/storage.py", "api/sts.py", "api/scf_invoke.py"],
           "miaomian-analyze": ["functions/analyze/storage.py"]}
CALL = re.compile(r"(?:(?<!_)client|_client\([^)]*\))\s*\.\s*(\w+)\(|\)\.(AssumeRole|GetFederationToken|Invoke)\(|"
                  r"client\.(Invoke)\(")
SELF_HOSTED_ONLY = {"GetFederationToken"}   # MIAOMIAN_COS_STS=federation: a sub-user key, no role (deploy.md §3)
VALUES = {"<region>": "ap-guangzhou", "<APPID>": "1250000000", "<UIN>": "100000000001", "<stage>": "prod"}


def documented_policies() -> dict[str, list[dict]]:
    """{role: [statement...]} of the JSON policy blocks in docs/deploy.md §3, each under its role's bullet;
    trust policies (with a principal) are left out."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    section = text[text.index("## 3. Roles and policies"):text.index("## 4. ")]
    policies, role = {}, None
    for chunk in re.split(r"(```json\n.*?```)", section, flags=re.S):
        if chunk.startswith("```json"):
            policy = json.loads(chunk[len("```json"):-3])
            statements = [s for s in policy["statement"] if "principal" not in s]
            if statements:
                policies.setdefault(role, []).extend(statements)
        else:
            roles = re.findall(r"^- `(miaomian-[a-z]+)`", chunk, flags=re.M)
            role = roles[-1] if roles else role
    return policies


def allowed(statements: list[dict], action: str, resource: str) -> bool:
    for statement in statements:
        if statement["effect"] == "allow" and action in statement["action"]:
            for pattern in statement["resource"]:
                for placeholder, value in VALUES.items():
                    pattern = pattern.replace(placeholder, value)
                if fnmatch.fnmatchcase(resource, pattern):
                    return True
    return False


def cos_resource(key: str) -> str:
    return f"qcs::cos:ap-guangzhou:uid/1250000000:miaomian-1250000000/{key}"


def calls_in(path: str) -> set[str]:
    text = (ROOT / path).read_text(encoding="utf-8")
    return {next(group for group in match.groups() if group) for match in CALL.finditer(text)}


def test_the_docs_give_a_policy_to_every_role():
    assert set(documented_policies()) == {"miaomian-api", "miaomian-analyze", "miaomian-upload"}


@pytest.mark.parametrize("role", sorted(SOURCES))
def test_every_sdk_call_of_a_role_is_allowed_by_its_documented_policy(role):
    statements = documented_policies()[role]
    calls = set().union(*(calls_in(path) for path in SOURCES[role]))
    assert calls, "the grep found no SDK call: the pattern is out of date"
    unknown = calls - set(COS_ACTIONS)
    assert not unknown, f"SDK calls without a CAM mapping in this test (add them and to docs/deploy.md): {unknown}"
    key = "answers/s1/1/1-x.aac"
    missing = []
    for call in sorted(calls - SELF_HOSTED_ONLY):
        for action in COS_ACTIONS[call]:
            if action.startswith("name/cos:"):
                resources = [cos_resource(key)]
                if role == "miaomian-analyze" and action == "name/cos:PutObject":
                    resources = [cos_resource(rendition_key(key))]     # the analyzer writes renditions only
            elif action == "name/sts:AssumeRole":
                resources = ["qcs::cam::uin/100000000001:roleName/miaomian-upload"]
            else:
                resources = ["qcs::scf:ap-guangzhou:uin/100000000001:namespace/default/function/miaomian-analyze-prod"]
            missing += [(call, action, r) for r in resources if not allowed(statements, action, r)]
    assert not missing, f"{role}: docs/deploy.md's policy does not allow {missing}"


def test_the_analyzer_may_write_renditions_but_not_recordings():
    statements = documented_policies()["miaomian-analyze"]
    assert allowed(statements, "name/cos:PutObject", cos_resource("playback/answers/s1/1/1-x.m4a"))
    assert not allowed(statements, "name/cos:PutObject", cos_resource("answers/s1/1/1-x.aac"))


def test_the_upload_role_allows_what_upload_links_are_scoped_to():
    """api/storage.py asks STS for exactly these actions per upload link; the role must hold them."""
    text = (ROOT / "api" / "storage.py").read_text(encoding="utf-8")
    scoped = set(re.findall(r'actions=\["(name/cos:\w+)"\]', text))
    assert scoped == {"name/cos:PostObject", "name/cos:UploadPart"}
    statements = documented_policies()["miaomian-upload"]
    assert all(allowed(statements, action, cos_resource("answers/s1/1/1-x.aac")) for action in scoped)
