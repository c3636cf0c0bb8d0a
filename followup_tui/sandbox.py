"""Jinja2's sandbox with a budget: a template that runs too long or makes too much is stopped.

The stock sandbox keeps a template away from Python's internals, but not from the machine:
nested `range` loops, a list grown while looped over, `'x' * 10**9` or a format width of a
billion would freeze the app and eat memory. Here every call, operator, attribute, `range`
step and list a filter returns checks the clock, and anything that would make a string, a
list or a number too big is refused before it is made. `lipsum` is gone.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

TIME_LIMIT = 2.0
"""Seconds one email may take to render; a shipped template takes about a millisecond."""
OUTPUT_LIMIT = 200_000
"""Characters of output (and of any one string or list made on the way); an email is a few KB."""
NUMBER_LIMIT = 100_000
"""The largest number passed to a call or a filter (a width, a count, a range's end)."""
_BITS_LIMIT = 4096  # a power's result: far more than any date or count needs

# "%10s", "%-*d", "{:>20}", "{0:{1}}": the widths and precisions of a format string
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*\}")


class BudgetExceeded(SecurityError):
    """A template went over its time or size budget."""


_state = threading.local()


def _deadline() -> float:
    return getattr(_state, "deadline", math.inf)


def check_time() -> None:
    """Raise BudgetExceeded once the render in this thread has used its time."""
    if time.monotonic() > _deadline():
        raise BudgetExceeded(f"the template took too long (over {TIME_LIMIT:g} s)")


def _check_size(value: Any) -> Any:
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > OUTPUT_LIMIT:
        raise BudgetExceeded(f"the template made a value too big (over {OUTPUT_LIMIT:,} items)")
    return value


def _check_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > NUMBER_LIMIT:
        raise BudgetExceeded(
            f"the number {value} is too big for a template (limit {NUMBER_LIMIT:,})"
        )


def _check_format(text: str) -> None:
    """Refuse a format string whose widths or precisions would make a huge string."""
    widths: list[str] = []
    for match in _PERCENT_SPEC.finditer(text):
        widths.extend(group for group in match.groups() if group)
    for spec in _BRACE_SPEC.findall(text):
        widths.extend(re.findall(r"\d+", spec))
    for width in widths:
        if width == "*" or int(width) > NUMBER_LIMIT:
            raise BudgetExceeded(f"a format width of {width} is too big for a template")


class _CheckedList(list[Any]):
    """A list that checks the clock at every item it hands to a loop."""

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            check_time()
            yield item


class _CheckedRange:
    """`range` for templates: at most NUMBER_LIMIT long, checking the clock at every step."""

    def __init__(self, *args: int) -> None:
        for arg in args:
            _check_number(arg)
        self._range = range(*args)

    def __iter__(self) -> Iterator[int]:
        for item in self._range:
            check_time()
            yield item

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __contains__(self, item: object) -> bool:
        return item in self._range

    def __reversed__(self) -> Iterator[int]:
        return iter(_CheckedList(reversed(self._range)))

    def __repr__(self) -> str:
        return repr(self._range)


class _CheckedNamespace(Namespace):
    """`namespace()`, whose attributes may not grow past the size budget."""

    def __setitem__(self, name: str, value: Any) -> None:
        check_time()
        super().__setitem__(name, _check_size(value))


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, int | float) and isinstance(right, int | float):
        magnitude = abs(left)
        if right > 0 and magnitude > 1 and right * math.log2(magnitude) > _BITS_LIMIT:
            raise BudgetExceeded(f"{left} ** {right} is too big for a template")
    return left**right


def _times(left: Any, right: Any) -> Any:
    for sequence, count in ((left, right), (right, left)):
        repeated = isinstance(sequence, str | bytes | list | tuple) and isinstance(count, int)
        if repeated and len(sequence) * count > OUTPUT_LIMIT:
            raise BudgetExceeded("the template repeats a text or list too many times")
    return left * right


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_format(left)
    return _check_size(left % right)


def _plus(left: Any, right: Any) -> Any:
    return _check_size(left + right)


def _filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose numbers are checked before it runs and whose result after."""

    # a filter that asks for the context or the environment gets it before the value
    skip = 2 if hasattr(function, "jinja_pass_arg") else 1

    def checked(*args: Any, **kwargs: Any) -> Any:
        check_time()
        for arg in (*args[skip:], *kwargs.values()):
            _check_number(arg)
        result = _check_size(function(*args, **kwargs))
        return _CheckedList(result) if type(result) is list else result

    # Jinja reads how to call a filter (pass_context, pass_environment...) from these
    checked.__dict__.update(getattr(function, "__dict__", {}))
    return checked


def _format_filter(value: Any, *args: Any, **kwargs: Any) -> Any:
    if isinstance(value, str):
        _check_format(value)
    from jinja2.filters import do_format

    return do_format(value, *args, **kwargs)


class BudgetedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with the time and size budget of this module enforced in its hooks."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table.update({"*": _times, "**": _power, "%": _modulo, "+": _plus})
        self.globals.pop("lipsum", None)  # pages of text in one call: nothing an email needs
        self.globals["range"] = _CheckedRange
        self.globals["namespace"] = _CheckedNamespace
        self.filters = {name: _filter(function) for name, function in self.filters.items()}
        self.filters["format"] = _filter(_format_filter)

    def call(
        __self,  # noqa: N805 (the stock hook's own name, so no keyword of the call clashes)
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call `__obj` for a template: a string method's numbers before, sizes after."""
        check_time()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes):  # "x".center(10**9), "x".zfill(...)
            for arg in (*args, *kwargs.values()):
                _check_number(arg)
        result = _check_size(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))
        if isinstance(owner, list | dict | set):  # `items.append(...)` grows `items`
            _check_size(owner)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        """An attribute, once the clock is checked (and a format string's widths)."""
        check_time()
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_format(obj)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """An item, once the clock is checked."""
        check_time()
        if isinstance(obj, str) and argument in ("format", "format_map"):
            _check_format(obj)
        return super().getitem(obj, argument)


def render_within_budget(template: Any, context: dict[str, Any]) -> str:
    """Render `template` (from a BudgetedSandbox), stopping it at the time or output budget."""
    context = {
        key: _CheckedList(value) if type(value) is list else value for key, value in context.items()
    }
    previous = _deadline()
    _state.deadline = time.monotonic() + TIME_LIMIT
    try:
        parts: list[str] = []
        size = 0
        for part in template.generate(context):
            size += len(part)
            if size > OUTPUT_LIMIT:
                raise BudgetExceeded(
                    f"the template wrote too much (over {OUTPUT_LIMIT:,} characters)"
                )
            check_time()
            parts.append(part)
        return "".join(parts)
    finally:
        _state.deadline = previous
