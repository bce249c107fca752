"""Windows .ico and macOS .icns files from the app icon's PNG renderings.

The build hook in setup.py renders ``resources/icons/hicolor/<N>x<N>/apps/
io.github.herstel.Herstel.png`` from the SVG; these functions only pack those
PNGs into the two container formats, so they need neither Qt nor a Mac or a
Windows machine, and the PyInstaller spec can make both on any platform.

- ICO: a 6-byte header, one 16-byte directory entry per image, then the
  images. Every image is stored as PNG, which Windows reads since Vista.
- ICNS: the magic ``icns`` and the total length, then one (type, length, PNG)
  element per image; the PNG-holding types are those macOS reads since 10.7.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path

APP_ID = "io.github.herstel.Herstel"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> the PNG size it holds (the @2x types reuse a larger rendering).
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic11": 32,  # 16 pt @2x
    b"ic12": 64,  # 32 pt @2x
    b"ic13": 256,  # 128 pt @2x
    b"ic14": 512,  # 256 pt @2x
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def hicolor_pngs(icons_dir: Path) -> dict[int, bytes]:
    """The rendered PNGs by size, from ``<icons_dir>/hicolor/<N>x<N>/apps/``."""
    found: dict[int, bytes] = {}
    for png in sorted((icons_dir / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        size = int(png.parent.parent.name.partition("x")[0])
        data = png.read_bytes()
        if not data.startswith(PNG_MAGIC):
            raise ValueError(f"{png} is not a PNG file")
        if png_size(data) != (size, size):
            raise ValueError(f"{png} is {png_size(data)}, not {size}x{size}")
        found[size] = data
    return found


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _need(pngs: Mapping[int, bytes], sizes: tuple[int, ...] | list[int]) -> None:
    missing = sorted(set(sizes) - set(pngs))
    if missing:
        raise ValueError(f"PNG renderings missing for sizes {missing}: build the package first")


def ico_bytes(pngs: Mapping[int, bytes], sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows icon holding one PNG image per size."""
    _need(pngs, sizes)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS icon holding every PNG element type the renderings can fill."""
    _need(pngs, sorted(set(ICNS_TYPES.values())))
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def write_platform_icons(icons_dir: Path, out_dir: Path) -> tuple[Path, Path]:
    """Write ``herstel.ico`` and ``herstel.icns`` into ``out_dir``; returns both paths."""
    pngs = hicolor_pngs(icons_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / "herstel.ico"
    icns = out_dir / "herstel.icns"
    ico.write_bytes(ico_bytes(pngs))
    icns.write_bytes(icns_bytes(pngs))
    return ico, icns
