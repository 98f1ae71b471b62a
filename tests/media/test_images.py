"""Photos and drawings: re-encoded without metadata; broken, huge and bomb files refused."""

import base64
import io

import pytest
from PIL import Image

from workshop.domain.errors import Refused
from workshop.media import images


def jpeg_with_gps(size=(800, 600)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"            # Make
    exif[0x8825] = {1: "N", 2: (52.0, 4.0, 30.0), 3: "E", 4: (4.0, 18.0, 0.0)}  # GPS
    exif[0x0112] = 6                        # orientation: rotate 90
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_photo_is_reencoded_without_metadata_and_upright(tmp_path):
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the input has GPS
    stored = images.store(raw, "photo", tmp_path)
    with Image.open(tmp_path / stored.filename) as out:
        assert out.format == "JPEG"
        assert not out.getexif()
        assert "exif" not in out.info and "icc_profile" not in out.info
        assert out.size == (600, 800)  # turned upright from the orientation tag
    assert stored.filename.startswith("photo-") and len(stored.filename) > 20


def test_big_photo_is_scaled_down(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), "white").save(out, "JPEG")
    stored = images.store(out.getvalue(), "photo", tmp_path)
    assert max(stored.width, stored.height) == 1600


def test_transparent_drawing_becomes_png_on_white(tmp_path):
    drawing = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    drawing.putpixel((10, 10), (255, 0, 0, 255))
    out = io.BytesIO()
    drawing.save(out, "PNG")
    stored = images.store(out.getvalue(), "drawing", tmp_path)
    with Image.open(tmp_path / stored.filename) as png:
        assert png.format == "PNG" and png.mode == "RGB"
        assert png.getpixel((50, 50)) == (255, 255, 255)
        assert png.getpixel((10, 10)) == (255, 0, 0)


@pytest.mark.parametrize("data", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\nbroken",
                                  b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                                  b"%PDF-1.4 hello"])
def test_not_an_image_is_refused(data, tmp_path):
    with pytest.raises(Refused) as caught:
        images.store(data, "photo", tmp_path)
    assert caught.value.code == "image_invalid"
    assert not list(tmp_path.iterdir())


def test_decompression_bomb_is_refused():
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG")  # tiny file, 400 megapixels
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(Refused) as caught:
        images.reencode(out.getvalue(), "photo")
    assert caught.value.code == "image_too_big"


def test_too_many_bytes_is_refused():
    with pytest.raises(Refused) as caught:
        images.reencode(b"\xff" * (images.MAX_BYTES + 1), "photo")
    assert caught.value.code == "image_too_big"


def test_data_urls():
    png = io.BytesIO()
    Image.new("RGB", (2, 2)).save(png, "PNG")
    url = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    assert images.decode_data_url(url) == png.getvalue()
    for bad in ["", "http://example.org/x.png", "data:image/png,raw", "data:image/png;base64,@@",
                None, 5]:
        with pytest.raises(Refused):
            images.decode_data_url(bad)
