"""Demo data for `make dev`: an organisation, an HR user, a job, an interview and two invitations."""
import secrets
from datetime import timedelta

import sqlalchemy as sa

from api.crypto import encrypt, new_invitation_token, token_hash
from api.interviews import normalised
from api.schema import interviews, invitations, jobs, members, organisations, questions, sessions, users
from api.timeutil import utcnow

DEMO_ORG = "秒面演示门店"
DEMO_HR = "演示HR"
COMPETENCIES = [
    {"name": "沟通表达", "weight": 0.4, "keywords": ["沟通", "客户", "倾听", "解释"]},
    {"name": "服务意识", "weight": 0.35, "keywords": ["服务", "耐心", "满意", "帮助"]},
    {"name": "解决问题", "weight": 0.25, "keywords": ["问题", "解决", "结果", "方案"]},
]
QUESTIONS = [
    "请简单介绍一下你自己，以及你为什么想做门店店员。",
    "讲一次你遇到不满意的顾客的经历：当时是什么情况，你做了什么，结果如何？",
    "如果店里同时来了很多顾客，你会怎样安排先后？",
]


def seed(connection, language: str = "zh") -> dict:
    """Create the demo organisation once; returns the invitation tokens created now (none when it existed)."""
    if connection.scalar(sa.select(organisations.c.id).where(organisations.c.name == DEMO_ORG)):
        return {"created": False, "tokens": []}
    now = utcnow()
    org_id = connection.execute(organisations.insert().values(name=DEMO_ORG, created_at=now)).inserted_primary_key[0]
    user_id = connection.execute(users.insert().values(display_name=encrypt(DEMO_HR), created_at=now)).inserted_primary_key[0]
    connection.execute(members.insert().values(org_id=org_id, user_id=user_id, role="owner", created_at=now))
    job_id = connection.execute(jobs.insert().values(org_id=org_id, title="门店店员", location="上海",
                                                     description="负责门店接待、收银与陈列。", created_by=user_id,
                                                     created_at=now)).inserted_primary_key[0]
    interview_id = connection.execute(interviews.insert().values(
        org_id=org_id, job_id=job_id, title="门店店员初试", language=language, intro="三道题，大约十分钟。",
        pass_threshold=60, require_phone=False, status="open", created_by=user_id, created_at=now)).inserted_primary_key[0]
    connection.execute(questions.insert(), [
        {"interview_id": interview_id, "position": index, "text": text, "think_seconds": 30, "answer_seconds": 120,
         "max_attempts": 2, "media": "audio", "competencies": normalised(COMPETENCIES), "reference_answer": None}
        for index, text in enumerate(QUESTIONS, start=1)])
    tokens = []
    for name in ("张三", "李四"):
        token = new_invitation_token()
        invitation_id = connection.execute(invitations.insert().values(
            org_id=org_id, interview_id=interview_id, token_hash=token_hash(token), candidate_name_enc=encrypt(name),
            expires_at=now + timedelta(days=30), created_at=now)).inserted_primary_key[0]
        connection.execute(sessions.insert().values(public_id=secrets.token_hex(8), org_id=org_id,
                                                    interview_id=interview_id, invitation_id=invitation_id,
                                                    status="invited", created_at=now))
        tokens.append({"name": name, "token": token})
    return {"created": True, "org_id": org_id, "interview_id": interview_id, "tokens": tokens}
