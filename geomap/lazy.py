"""A property computed on first read and kept on the instance.

`functools.cached_property` does the same, but on Python 3.11 it takes a lock shared by
every instance of the class at each first read (3.12 dropped it): on the objects made for
every sentence and every place name, the lock cost more than most of the values it guards.
The values here are pure functions of their instance, so two threads computing one twice
would store the same value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    """Like functools.cached_property: the first read stores the value in the instance's
    __dict__, where every later read finds it without calling this descriptor."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object, owner: type | None = None) -> T | cached_property[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
