"""The poster for the classroom wall and the parents' chat: what became of the group's ideas,
with a big QR code to the progress page. Rendered with Pillow, A4 portrait at 300 dpi.

Flask-free: the caller passes the ideas (with their status already in words), the URL and
the translated labels. Never shows a child's name unless the data carries one."""

from __future__ import annotations

import io
import math
import pathlib

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from .cards import FONT_DIR, _fit, _font, _picture, _wrap

WIDTH, HEIGHT, DPI = 2480, 3508, 300          # A4 portrait at 300 dpi
MARGIN, GAP = 130, 56
HEADER_H, QR_PANEL_H, QR_SIZE = 540, 980, 820
MAX_IDEAS = 8
PAPER, INK, SOFT, LINE, BRAND = "#FFFDF8", "#1D2433", "#5B6478", "#E4E0D6", "#FF6B35"
STAGES = ("new", "selected", "adopted", "planned", "intro", "running", "evaluated")
STAGE_COLOURS = {
    "new": "#5B6478", "selected": "#B7791F", "adopted": "#2F80ED", "planned": "#8E44AD",
    "intro": "#D9480F", "running": "#27AE60", "evaluated": "#2C7A7B", "not_now": "#7F8896",
}


def shown(data: dict) -> dict:
    """Only what the poster draws of the page data: the group's name, school and
    neighbourhood, and per idea its title, stage, status in words and picture. A poster
    kept by what it shows (workshop/media/rendered.py) is keyed and drawn from this."""
    group = data.get("group") or {}
    return {"group": {k: group.get(k) for k in ("name", "school", "neighbourhood")},
            "ideas": [{k: idea.get(k) for k in ("title", "stage", "status_label", "picture")}
                      for idea in data.get("ideas") or []]}


def poster_png(data: dict, url: str, media_dir: pathlib.Path, labels: dict) -> bytes:
    """The poster as a PNG (2480x3508). Without `optimize`: it tried every zlib strategy,
    1.4 s of a 2 s render for 2 % fewer bytes (measured: 563 ms against 246 ms to encode,
    554 against 564 KiB)."""
    out = io.BytesIO()
    poster(data, url, media_dir, labels).save(out, format="PNG")
    return out.getvalue()


def poster_pdf(data: dict, url: str, media_dir: pathlib.Path, labels: dict) -> bytes:
    """The same poster as a one-page A4 PDF."""
    out = io.BytesIO()
    poster(data, url, media_dir, labels).save(out, format="PDF", resolution=DPI)
    return out.getvalue()


def poster(data: dict, url: str, media_dir: pathlib.Path, labels: dict) -> Image.Image:
    """Draw the poster: header, up to eight ideas with their status, the QR panel."""
    page = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(page)
    _header(draw, data.get("group") or {}, labels)
    ideas = list(data.get("ideas") or [])
    top, bottom = HEADER_H + GAP, HEIGHT - QR_PANEL_H - GAP
    if ideas:
        more_h = 90 if len(ideas) > MAX_IDEAS else 0
        _ideas(page, draw, ideas[:MAX_IDEAS], (MARGIN, top, WIDTH - MARGIN, bottom - more_h),
               pathlib.Path(media_dir))
        if more_h:
            more = str(labels.get("more", "+ %(n)s")).replace("%(n)s", str(len(ideas) - MAX_IDEAS))
            _centred(draw, WIDTH // 2, bottom - more_h // 2 + 10, more, _font(52, True), SOFT)
    else:
        lines = _wrap(str(labels.get("empty", "")), _font(72, True), WIDTH - 4 * MARGIN)
        for n, line in enumerate(lines[:4]):
            _centred(draw, WIDTH // 2, (top + bottom) // 2 + (n - len(lines) / 2) * 100, line,
                     _font(72, True), SOFT)
    _qr_panel(page, draw, url, labels)
    return page


def _header(draw: ImageDraw.ImageDraw, group: dict, labels: dict) -> None:
    """The orange band: the group's name, the question, the school."""
    draw.rectangle((0, 0, WIDTH, HEADER_H), fill=BRAND)
    for x, y, r in ((2250, 90, 150), (2400, 400, 90), (60, 470, 50)):  # a little festive
        draw.ellipse((x - r, y - r, x + r, y + r), fill="#FF8A5C")
    width = WIDTH - 2 * MARGIN
    name = _fit(str(group.get("name") or ""), _font(140, True), width)
    draw.text((MARGIN, 90), name, font=_font(140, True), fill="white")
    title_font = _font(88, True)
    title = _wrap(str(labels.get("title", "")), title_font, width)[:2]
    y = 280
    for line in title:
        draw.text((MARGIN, y), line, font=title_font, fill="#FFF4D6")
        y += 104
    where = " · ".join(p for p in (group.get("school"), group.get("neighbourhood")) if p)
    if where and len(title) < 2:
        draw.text((MARGIN, y + 20), _fit(where, _font(56), width), font=_font(56), fill="white")


def _ideas(page: Image.Image, draw: ImageDraw.ImageDraw, ideas: list, box: tuple,
           media_dir: pathlib.Path) -> None:
    """The ideas as cards: one column for a few, two columns for more."""
    left, top, right, bottom = box
    columns = 1 if len(ideas) <= 3 else 2
    rows = math.ceil(len(ideas) / columns)
    cell_w = (right - left - GAP * (columns - 1)) // columns
    cell_h = min(520, (bottom - top - GAP * (rows - 1)) // rows)
    used = rows * cell_h + GAP * (rows - 1)
    top += (bottom - top - used) // 2
    for n, idea in enumerate(ideas):
        x = left + (n % columns) * (cell_w + GAP)
        y = top + (n // columns) * (cell_h + GAP)
        _idea(page, draw, idea, (x, y, x + cell_w, y + cell_h), media_dir)


def _idea(page: Image.Image, draw: ImageDraw.ImageDraw, idea: dict, box: tuple,
          media_dir: pathlib.Path) -> None:
    """One idea: its picture, title, status in words and a row of step dots."""
    left, top, right, bottom = box
    stage = str(idea.get("stage") or "new")
    colour = STAGE_COLOURS.get(stage, SOFT)
    draw.rounded_rectangle(box, radius=40, fill="white", outline=LINE, width=4)
    draw.rounded_rectangle((left, top, left + 22, bottom), radius=11, fill=colour)
    pad = 36
    side = min(bottom - top - 2 * pad, 380)
    pic_box = (left + pad + 16, top + (bottom - top - side) // 2)
    picture = _picture(idea.get("picture"), media_dir)
    if picture is not None:
        picture = _square(picture, side)
        page.paste(picture, pic_box)
    else:
        draw.rounded_rectangle((*pic_box, pic_box[0] + side, pic_box[1] + side), radius=30,
                               fill="#FFF1E6")
        _centred(draw, pic_box[0] + side // 2, pic_box[1] + side // 2, "★",
                 _font(int(side * .55), True), colour)
    x = pic_box[0] + side + pad
    width = right - pad - x
    status_font = _font(44, True)
    status = _lines(str(idea.get("status_label") or stage), status_font, width - 48, 2)
    pill_h = 28 + len(status) * 56
    room = bottom - pad - (top + pad) - 18 - pill_h
    title = " ".join(str(idea.get("title") or "").split())
    title_font, lines = _title_fit(title, width, room, 62 if side >= 300 else 52)
    y = top + pad
    for line in lines:
        draw.text((x, y), line, font=title_font, fill=INK)
        y += int(title_font.size * 1.2)
    y += 18
    draw.rounded_rectangle((x, y, x + width, y + pill_h), radius=30, fill=colour)
    for n, line in enumerate(status):
        draw.text((x + 24, y + 14 + n * 56), line, font=status_font, fill="white")
    y += pill_h + 26
    if y + 30 <= bottom - 16:
        _dots(draw, stage, x, y, width)


def _title_fit(title: str, width: int, height: int, largest: int) -> tuple:
    """The largest bold size (down to 30) at which the whole title fits `height` without
    breaking a word, and its lines; only a title that fits at no size is cut, with an
    ellipsis on its last line."""
    longest = max(title.split(), key=len, default="")
    for size in range(largest, 29, -2):
        font = _font(size, True)
        lines = _wrap(title, font, width)
        if font.getlength(longest) <= width and len(lines) * int(size * 1.2) <= height:
            return font, lines
    font = _font(30, True)
    return font, _lines(title, font, width, max(1, height // int(30 * 1.2)))


def _lines(text: str, font, width: int, most: int) -> list[str]:
    """`text` wrapped to at most `most` lines, the last one ending in an ellipsis if cut."""
    lines = _wrap(text, font, width)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = _fit(lines[-1] + " …", font, width)
    return lines


def _dots(draw: ImageDraw.ImageDraw, stage: str, x: int, y: int, width: int) -> None:
    """The step track in small: a dot per stage, filled up to where the idea stands."""
    reached = STAGES.index(stage) if stage in STAGES else -1
    step = min(70, width // len(STAGES))
    r = 13
    draw.line((x + r, y + r, x + r + step * (len(STAGES) - 1), y + r), fill=LINE, width=6)
    for n in range(len(STAGES)):
        cx = x + r + n * step
        filled = n <= reached
        fill = STAGE_COLOURS[stage] if filled else "white"
        size = r + 6 if n == reached else r
        draw.ellipse((cx - size, y + r - size, cx + size, y + r + size), fill=fill,
                     outline=STAGE_COLOURS[stage] if filled else "#B8BFCC", width=4)


def _square(picture: Image.Image, side: int) -> Image.Image:
    """The picture cropped to a square from its middle, `side` pixels wide."""
    w, h = picture.size
    edge = min(w, h)
    crop = picture.crop(((w - edge) // 2, (h - edge) // 2, (w + edge) // 2, (h + edge) // 2))
    return crop.resize((side, side), Image.Resampling.LANCZOS)


def _qr_image(url: str, size: int) -> Image.Image:
    """The QR code for `url`, black on white, as close to `size` pixels as whole modules allow."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=4)
    code.add_data(url)
    code.make(fit=True)
    modules = code.modules_count + 8
    code.box_size = max(4, size // modules)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")


def _qr_panel(page: Image.Image, draw: ImageDraw.ImageDraw, url: str, labels: dict) -> None:
    """The white panel at the bottom: the big QR code, "scan me", the short address."""
    top = HEIGHT - QR_PANEL_H
    draw.rectangle((0, top, WIDTH, HEIGHT), fill="white")
    draw.line((0, top, WIDTH, top), fill=LINE, width=6)
    qr = _qr_image(url, QR_SIZE)
    qy = top + (QR_PANEL_H - qr.height) // 2
    page.paste(qr, (MARGIN, qy))
    x = MARGIN + qr.width + 90
    width = WIDTH - MARGIN - x
    y = qy + 40
    big = _font(120, True)
    draw.text((x, y), _fit(str(labels.get("scan", "")), big, width), font=big, fill=BRAND)
    y += 180
    body = _font(64)
    for line in _wrap(str(labels.get("scan_more", "")), body, width)[:4]:
        draw.text((x, y), line, font=body, fill=INK)
        y += 84
    short = url.split("://", 1)[-1]
    y = max(y + 50, qy + qr.height - 180)
    draw.text((x, y), str(labels.get("or_type", "")), font=_font(44), fill=SOFT)
    y += 64
    for size in (60, 54, 48, 42, 36, 32):
        mono = _mono(size)
        if mono.getlength(short) <= width:
            break
    for line in _wrap_url(short, mono, width)[:2]:
        draw.text((x, y), line, font=mono, fill=INK)
        y += int(size * 1.3)


def _mono(size: int):
    """DejaVu Sans Mono, so the printed address can be typed letter by letter."""
    try:
        return ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Bold.ttf"), size)
    except OSError:
        return _font(size, True)


def _wrap_url(text: str, font, width: int) -> list[str]:
    """An address broken anywhere into lines that fit."""
    lines, line = [], ""
    for char in text:
        if line and font.getlength(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return lines + [line] if line else lines


def _centred(draw: ImageDraw.ImageDraw, x: float, y: float, text: str, font, fill: str) -> None:
    """One line centred on (x, y)."""
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text((x - (left + right) / 2, y - (top + bottom) / 2), text, font=font, fill=fill)
