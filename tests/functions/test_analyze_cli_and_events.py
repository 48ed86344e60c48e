import json
import subprocess
import sys

from functions.analyze.storage import parse_event

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_parse_event_strips_prefix_decodes_and_dedups():
    event = {"Records": [
        {"cos": {"cosObject": {"key": "/1250000000/bkt/answers/a%20b/1/1-x.m4a",
                               "url": "http://bkt-1250000000.cos.ap-shanghai.myqcloud.com/answers/a%20b/1/1-x.m4a"},
                 "cosBucket": {"name": "bkt", "appid": "1250000000", "region": "sh"}}},
        {"cos": {"cosObject": {"key": "/1250000000/bkt/answers/a b/1/1-x.m4a"},
                 "cosBucket": {"name": "bkt", "appid": "1250000000"}}},
        {"cos": {"cosObject": {"key": "/1250000000/bkt/answers/c/2/1-y.mp4"},
                 "cosBucket": {"name": "bkt", "appid": "1250000000", "s3Region": "ap-guangzhou"}}},
    ]}
    refs = parse_event(event)
    assert [r.key for r in refs] == ["answers/a b/1/1-x.m4a", "answers/c/2/1-y.mp4"]
    assert refs[0].bucket == "bkt-1250000000" and refs[0].region == "ap-shanghai"
    assert refs[1].region == "ap-guangzhou"
    assert parse_event({}) == [] and parse_event({"Records": []}) == []


def test_cli_scores_a_zh_transcript(tmp_path, question_zh):
    q = tmp_path / "q.json"
    q.write_text(json.dumps(question_zh, ensure_ascii=False), encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_text("当时客户投诉，我的任务是解决问题。我首先倾听客户反馈，和团队制定方案，最终问题解决了。", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "functions.analyze", "-", "--question", str(q),
                          "--transcript", str(t), "--language", "zh"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    result = json.loads(out.stdout)
    assert result["status"] == "scored" and 0 <= result["overall"] <= 100
    assert result["features"]["keyword_coverage"]["解决问题"] == round(2 / 3, 4)  # 问题, 方案; not 结果
    assert all(2 <= len(c["reasons"]) <= 4 for c in result["competencies"])


def test_cli_audio_reports_bad_media_with_exit_code(tmp_path, question_ko, bad_media):
    q = tmp_path / "q.json"
    q.write_text(json.dumps({"language": "ko", "question": question_ko}), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "functions.analyze", str(bad_media["video_without_audio"]),
                          "--question", str(q)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 3
    assert json.loads(out.stdout)["reason"] == "the video has no audio track: the microphone was not recorded"


def _cli_run(*args):
    return subprocess.run([sys.executable, "-m", "functions.analyze", "-", *args, "--compact"],
                          cwd=ROOT, capture_output=True, text=True)


def test_cli_bad_question_file_is_a_json_error_not_a_traceback(tmp_path, question_zh):
    t = tmp_path / "t.txt"
    t.write_text("上个月我把急单分成两批，先发加急的，下午五点前全部发完。", encoding="utf-8")
    not_json = tmp_path / "broken.json"
    not_json.write_text('{"text": "讲一次…", ', encoding="utf-8")
    a_list = tmp_path / "list.json"
    a_list.write_text("[1, 2]", encoding="utf-8")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps({"text": "讲一次急单的经历"}, ensure_ascii=False).encode("gbk"))
    for path, said in ((tmp_path / "missing.json", "无法读取"), (not_json, "JSON"), (a_list, "JSON 对象"),
                       (gbk, "UTF-8")):
        run = _cli_run("--question", str(path), "--transcript", str(t))
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        err = json.loads(run.stdout)
        assert err["error"] == "bad_question" and said in err["message"] and str(path) in err["message"]
    # the control: a good question file with a missing transcript file is bad_transcript, also exit 2
    q = tmp_path / "q.json"
    q.write_text(json.dumps(question_zh, ensure_ascii=False), encoding="utf-8")
    run = _cli_run("--question", str(q), "--transcript", str(tmp_path / "none.txt"))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    err = json.loads(run.stdout)
    assert err["error"] == "bad_transcript" and "无法读取" in err["message"]
    ok = _cli_run("--question", str(q), "--transcript", str(t))
    assert ok.returncode in (0, 3) and "status" in json.loads(ok.stdout)
