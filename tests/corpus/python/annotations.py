# Type annotations: annotated assignments assign, an annotation alone binds nothing, and the
# typing module's names subscript and print as CPython's do (nothing is checked).
import typing
from typing import Any, Dict, List, Optional, Tuple, Union


def scale(values: List[float], factor: Optional[float] = None) -> List[float]:
    k: float = 2.0 if factor is None else factor
    return [v * k for v in values]


count: int = 3
label: str
print(scale([1.0, 2.5]), scale([1.0], 3), count)
print(List, List[int], Optional[int], Dict[str, int], Any, Union[int, str], Tuple[int, ...])
print(typing.cast(int, 3.5), typing.TYPE_CHECKING, typing.TypeVar('T'))


class Box:
    size: int = 4
    name: str

    def __init__(self) -> None:
        self.items: List[int] = [1, 2]


b = Box()
print(Box.size, b.items)
