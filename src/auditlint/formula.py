"""A small, explicit formula language for the indicator knowledge base.

A formula says how an indicator is computed from named facts, e.g.
``actual / budget_adjusted * 100`` or ``(budget_adjusted - budget_initial) / budget_initial * 100``.
The grammar is deliberately tiny, so a user adding an indicator cannot write
anything that runs code:

    expr   := term (("+" | "-") term)*
    term   := factor (("*" | "/" | "×" | "÷") factor)*
    factor := NUMBER | NAME | "(" expr ")" | "-" factor | FUNC "(" expr ("," expr)* ")"
    FUNC   := abs | min | max

Values are :class:`~auditlint.numbers.Approx` intervals, so a formula evaluated on
printed numbers carries their rounding; plain numbers are taken as exact. A missing
name or a division by an interval that holds zero gives ``None``: the formula cannot
say, and a check using it stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from auditlint.numbers import Approx

FUNCS = ("abs", "min", "max")


class FormulaError(ValueError):
    """A formula that does not parse; the message says where."""


@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # "+", "-", "*", "/"
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    func: str
    args: tuple[Node, ...]


Node = Num | Name | Neg | BinOp | Call

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/×÷(),]))")
_OPS = {"×": "*", "÷": "/"}


@dataclass(frozen=True)
class Formula:
    """A parsed formula and the text it came from."""

    text: str
    tree: Node

    @property
    def names(self) -> frozenset[str]:
        """The fact names the formula reads."""
        out: set[str] = set()
        stack: list[Node] = [self.tree]
        while stack:
            node = stack.pop()
            if isinstance(node, Name):
                out.add(node.name)
            elif isinstance(node, Neg):
                stack.append(node.operand)
            elif isinstance(node, BinOp):
                stack += [node.left, node.right]
            elif isinstance(node, Call):
                stack += list(node.args)
        return frozenset(out)

    def evaluate(self, values: Mapping[str, Approx | Decimal | int | float | str]) -> Approx | None:
        """The formula's value over ``values``; None when a name is missing or a
        divisor may be zero."""
        env: dict[str, Approx] = {}
        for k, v in values.items():
            a = _as_approx(v)
            if a is not None:
                env[k] = a
        try:
            return _eval(self.tree, env)
        except (_Undefined, ZeroDivisionError):
            return None

    def __str__(self) -> str:
        return self.text


class _Undefined(Exception):
    pass


def _as_approx(v: object) -> Approx | None:
    if isinstance(v, Approx):
        return v
    if v is None:
        return None
    try:
        return Approx.exact(Decimal(str(v)))
    except InvalidOperation:
        return None


def _eval(node: Node, env: dict[str, Approx]) -> Approx:
    if isinstance(node, Num):
        return Approx.exact(node.value)
    if isinstance(node, Name):
        if node.name not in env:
            raise _Undefined(node.name)
        return env[node.name]
    if isinstance(node, Neg):
        return -_eval(node.operand, env)
    if isinstance(node, BinOp):
        a, b = _eval(node.left, env), _eval(node.right, env)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        return a / b
    args = [_eval(a, env) for a in node.args]
    if node.func == "abs":
        a = args[0]
        if a.lo >= 0:
            return a
        if a.hi <= 0:
            return -a
        # the interval straddles zero: [0, max(|lo|, hi)]
        top = max(-a.lo, a.hi)
        return Approx(top / 2, top / 2, a.var)
    pick = min if node.func == "min" else max
    return pick(args, key=lambda x: x.mid)


def parse(text: str) -> Formula:
    """Parse a formula; raises :class:`FormulaError` with the position of the problem."""
    tokens = _tokenize(text)
    parser = _Parser(tokens, text)
    tree = parser.expr()
    if parser.pos != len(tokens):
        raise FormulaError(f"{text!r}: unexpected {tokens[parser.pos][1]!r} at position {tokens[parser.pos][2] + 1}")
    return Formula(text, tree)


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        m = _TOKEN.match(stripped, pos)
        if not m:
            raise FormulaError(f"{text!r}: cannot read {stripped[pos:].strip()[:10]!r} at position {pos + 1}")
        kind = m.lastgroup or ""
        value = m.group(kind)
        out.append((kind, _OPS.get(value, value), m.start(kind)))
        pos = m.end()
    if not out:
        raise FormulaError("an empty formula")
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, int]], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.pos = 0

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self, value: str) -> bool:
        tok = self._peek()
        if tok is not None and tok[0] == "op" and tok[1] == value:
            self.pos += 1
            return True
        return False

    def _fail(self, what: str) -> FormulaError:
        tok = self._peek()
        where = f"at position {tok[2] + 1}" if tok else "at the end"
        return FormulaError(f"{self.text!r}: expected {what} {where}")

    def expr(self) -> Node:
        node = self.term()
        while True:
            tok = self._peek()
            if tok is not None and tok[0] == "op" and tok[1] in "+-":
                self.pos += 1
                node = BinOp(tok[1], node, self.term())
            else:
                return node

    def term(self) -> Node:
        node = self.factor()
        while True:
            tok = self._peek()
            if tok is not None and tok[0] == "op" and tok[1] in "*/":
                self.pos += 1
                node = BinOp(tok[1], node, self.factor())
            else:
                return node

    def factor(self) -> Node:
        tok = self._peek()
        if tok is None:
            raise self._fail("a number, a name or '('")
        kind, value, _ = tok
        if kind == "num":
            self.pos += 1
            return Num(Decimal(value))
        if kind == "name":
            self.pos += 1
            if self._take("("):
                if value not in FUNCS:
                    raise FormulaError(f"{self.text!r}: unknown function {value!r} (known: {', '.join(FUNCS)})")
                args = [self.expr()]
                while self._take(","):
                    args.append(self.expr())
                if not self._take(")"):
                    raise self._fail("')'")
                if value == "abs" and len(args) != 1:
                    raise FormulaError(f"{self.text!r}: abs takes one argument")
                return Call(value, tuple(args))
            if value in FUNCS:
                raise self._fail("'(' after " + value)
            return Name(value)
        if self._take("("):
            node = self.expr()
            if not self._take(")"):
                raise self._fail("')'")
            return node
        if self._take("-"):
            return Neg(self.factor())
        raise self._fail("a number, a name or '('")
