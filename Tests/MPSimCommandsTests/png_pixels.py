"""Prints a PNG file as Pillow (a decoder we did not write) reads it, for ScreenshotTests.

The first line is `WIDTH HEIGHT MODE`; then one line per row, one character per pixel: `#` for
255, `.` for 0 and `?` for anything else. Pillow checks each chunk's CRC and the zlib stream.
"""
import sys

from PIL import Image

with Image.open(sys.argv[1]) as image:
    image.load()
    print(image.width, image.height, image.mode)
    for y in range(image.height):
        row = []
        for x in range(image.width):
            value = image.getpixel((x, y))
            row.append("#" if value == 255 else "." if value == 0 else "?")
        print("".join(row))
