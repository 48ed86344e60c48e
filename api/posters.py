"""A referrer's poster for WeChat Moments (朋友圈): 750×1334 PNG with the company, job, the referrer's
invitation and the interview's mini-program code (or the web share link's QR code without an AppID).

Drawn with Pillow in WenQuanYi Micro Hei (Debian fonts-wqy-microhei; `make dev` installs it). Holds no PII
beyond the referrer's own name.
"""
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 750, 1334
FONT_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc")
BRAND, TEXT, MUTED, BACKGROUND = (31, 111, 235), (31, 35, 40), (89, 99, 110), (244, 246, 248)


class FontMissing(RuntimeError):
    """No CJK font: install fonts-wqy-microhei (make dev does)."""


def _font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise FontMissing("没有找到中文字体：请安装 fonts-wqy-microhei（make dev 会安装）。")


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    lines, line = [], ""
    for char in text:
        if draw.textlength(line + char, font=font) > width:
            lines.append(line)
            line = char
            if len(lines) == max_lines:
                break
        else:
            line += char
    if line and len(lines) < max_lines:
        lines.append(line)
    if len(lines) == max_lines and "".join(lines) != text:
        lines[-1] = lines[-1][:-1] + "…"
    return lines


def poster_png(company: str, job: str, location: str | None, referrer: str, code_png: bytes) -> bytes:
    """The poster as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 420), fill=BRAND)
    draw.text((60, 70), "秒面 · 招聘", font=_font(34), fill=(255, 255, 255))
    y = 150
    for line in _wrap(draw, company, _font(44), WIDTH - 120, 2):
        draw.text((60, y), line, font=_font(44), fill=(255, 255, 255))
        y += 60
    for line in _wrap(draw, job + (f" · {location}" if location else ""), _font(56), WIDTH - 120, 2):
        draw.text((60, y + 10), line, font=_font(56), fill=(255, 255, 255))
        y += 74
    card = (40, 460, WIDTH - 40, HEIGHT - 60)
    draw.rounded_rectangle(card, radius=24, fill=(255, 255, 255))
    invite = f"{referrer} 邀请你来面试"
    y = 510
    for line in _wrap(draw, invite, _font(40), WIDTH - 160, 2):
        draw.text((80, y), line, font=_font(40), fill=TEXT)
        y += 56
    draw.text((80, y + 10), "用手机录几段语音回答，不用下载 App", font=_font(30), fill=MUTED)
    code = Image.open(io.BytesIO(code_png)).convert("RGB").resize((380, 380))
    image.paste(code, ((WIDTH - 380) // 2, 730))
    hint = "长按识别，直接在微信里面试"
    font = _font(32)
    draw.text(((WIDTH - draw.textlength(hint, font=font)) / 2, 1140), hint, font=font, fill=BRAND)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
