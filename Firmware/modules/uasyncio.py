# The old name of asyncio, as on MicroPython before v1.21: the same objects.
from asyncio import *
import asyncio as _asyncio


def __getattr__(name):
    return getattr(_asyncio, name)
