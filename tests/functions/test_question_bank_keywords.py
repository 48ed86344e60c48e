"""Every keyword the mini-program's question bank ships passes the same check as HR's keywords."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from functions.analyze.scoring import lexicon
from functions.analyze.scoring.text import keyword_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bank():
    node = shutil.which("node")
    assert node, "node is needed to read miniprogram/utils/question-bank.js"
    script = ("const b=require('./miniprogram/utils/question-bank.js');const out=[];"
              "for(const r of b.ROLES)for(const q of r.questions)for(const c of q.competencies)"
              "out.push({role:r.id,name:c.name,keywords:c.keywords});console.log(JSON.stringify(out))")
    return json.loads(subprocess.run([node, "-e", script], cwd=ROOT, capture_output=True, text=True,
                                     check=True).stdout)


def test_no_shipped_keyword_is_a_function_word(bank):
    assert bank
    bad = [(c["role"], c["name"], k) for c in bank for k in c["keywords"] if keyword_problem(k, "zh")]
    assert bad == []


def test_every_bank_competency_has_curated_synonyms_and_behaviours(bank):
    curated = lexicon.competencies("zh")
    missing = sorted({c["name"] for c in bank} - set(curated))
    assert missing == []
