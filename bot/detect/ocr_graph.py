"""rapidocr's PP-OCRv4 graphs with their elementwise tails folded into the convolutions.

Both PP-OCRv4 models (the detector and the recogniser) are PPLCNetV3 networks exported from
Paddle op by op: every convolution is followed by a learnable affine block (`Mul` and `Add` by
a scalar), a hard-swish spelt out as `Add(3)`, `Clip(0, 6)`, `Mul`, `Div(6)`, and a second
affine block. onnxruntime fuses none of that, and each of those ops is one more pass over the
feature map, with a layout reorder (NCHWc and back) around the run of them: in an onnxruntime
profile of the recogniser on the overlays dev seed they took 38% of its kernel time, and the
reorders 9% more (docs/images.md). `fuse` rewrites the graph before onnxruntime sees it:

1. `Conv -> Mul(k) -> Add(b)` becomes one `Conv` with weights `k * W` and bias `k * B + b`;
2. the spelt-out hard-swish becomes `y * HardSigmoid(y, 1/6, 1/2)`, which onnxruntime then
   fuses into the convolution before it as its activation;
3. an affine block left over (after an activation) goes into the next convolution when that one
   is unpadded (`k * W`, `B + b * sum(W)`), and otherwise becomes a 1x1 depthwise convolution,
   which stays in onnxruntime's NCHWc layout with the convolutions around it.

Each rewrite is exact in real arithmetic; in float32 the outputs move in the last bits (under
3e-4 of a probability on the dev crops), and the text and character boxes read on the dev
seeds are identical (docs/images.md). Anything that does not match a pattern exactly is left as
it is. `onnx` reads and writes the graph; without it, or when the rewritten graph does not
give the original's outputs on a probe input (`same_outputs`), rapidocr's own graph is used.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# The largest difference allowed between the original and the rewritten graph's outputs on
# the probe input (probabilities in [0, 1]; float rounding moves them by about 1e-5).
PROBE_TOLERANCE = 1e-3


@dataclass(frozen=True, slots=True)
class Fused:
    """A rewritten model and how many of each rewrite it took."""

    model: bytes
    affine_into_conv: int
    hard_swish: int
    affine_before_conv: int


def fuse(path: str) -> Fused | None:
    """The model at `path` with its elementwise tails folded (see the module docstring), or
    None when `onnx` is not installed or nothing in the graph matched."""
    try:
        import onnx
    except ImportError:
        log.info("onnx is not installed: rapidocr's graphs run as shipped")
        return None
    graph = _Graph(onnx.load(path))
    counts = (graph.affine_into_conv(), graph.hard_swish(), graph.affine_before_conv())
    if not any(counts):
        return None
    return Fused(graph.serialise(), *counts)


def same_outputs(original: Any, rewritten: Any, tolerance: float = PROBE_TOLERANCE) -> bool:
    """Whether two onnxruntime sessions of one model agree on a fixed pseudo-random input
    (dynamic dimensions 64, batch 1): the guard against a graph `fuse` got wrong."""
    inputs = original.get_inputs()
    if len(inputs) != 1:
        return False
    shape = [
        dim if isinstance(dim, int) and dim > 0 else (1 if i == 0 else 64)
        for i, dim in enumerate(inputs[0].shape)
    ]
    probe = np.random.default_rng(14).uniform(-1.0, 1.0, shape).astype(np.float32)
    name = inputs[0].name
    want = original.run(None, {name: probe})
    got = rewritten.run(None, {rewritten.get_inputs()[0].name: probe})
    return len(want) == len(got) and all(
        a.shape == b.shape and float(np.max(np.abs(a - b), initial=0.0)) <= tolerance
        for a, b in zip(want, got, strict=True)
    )


class _Graph:
    """One ONNX graph being rewritten: its constants by name, its nodes in a list."""

    def __init__(self, model: Any) -> None:
        from onnx import numpy_helper

        self.model = model
        self.graph = model.graph
        self.const: dict[str, np.ndarray] = {}
        for node in self.graph.node:
            if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
                self.const[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
        for init in self.graph.initializer:
            self.const[init.name] = numpy_helper.to_array(init)
        self.nodes: list[Any] = list(self.graph.node)
        self.added: list[Any] = []
        self.outputs = {out.name for out in self.graph.output}

    # -- the three rewrites -------------------------------------------------------------

    def affine_into_conv(self) -> int:
        """`Conv -> Mul(k) -> Add(b)`, each the only reader of the one before: one `Conv`."""
        done = 0
        for conv in list(self.nodes):
            if conv.op_type != "Conv" or not self._weights_known(conv):
                continue
            readers = self._readers()
            mul = self._only_reader(readers, conv.output[0])
            if mul is None or mul.op_type != "Mul" or (scale := self._scalar(mul)) is None:
                continue
            add = self._only_reader(readers, mul.output[0])
            if add is None or add.op_type != "Add" or (shift := self._scalar(add)) is None:
                continue
            k, b = scale[0], shift[0]
            weights, bias = self._weights(conv)
            self._set_weights(conv, conv.input[0], weights * k, bias * k + b)
            conv.output[0] = add.output[0]
            self._remove(mul, add)
            done += 1
        return done

    def hard_swish(self) -> int:
        """`y -> Add(3) -> Clip(0, 6) -> Mul(y, .) -> Div(6)`: `y * HardSigmoid(y)`."""
        from onnx import helper

        done = 0
        for add in list(self.nodes):
            scalar = self._scalar(add) if add.op_type == "Add" else None
            if scalar is None or scalar[0] != 3.0:
                continue
            y = scalar[1]
            readers = self._readers()
            clip = self._only_reader(readers, add.output[0])
            if clip is None or clip.op_type != "Clip" or self._clip_range(clip) != (0.0, 6.0):
                continue
            mul = self._only_reader(readers, clip.output[0])
            if (
                mul is None
                or mul.op_type != "Mul"
                or sorted(mul.input) != sorted((y, clip.output[0]))
            ):
                continue
            div = self._only_reader(readers, mul.output[0])
            if (
                div is None
                or div.op_type != "Div"
                or list(div.input[:1]) != [mul.output[0]]
                or self._scalar(div) != (6.0, mul.output[0])
            ):
                continue
            out = div.output[0]
            gate = helper.make_node("HardSigmoid", [y], [f"{out}/gate"], alpha=1 / 6, beta=0.5)
            swish = helper.make_node("Mul", [y, f"{out}/gate"], [out])
            at = self.nodes.index(add)
            self._remove(add, clip, mul, div)
            self.nodes[at:at] = [gate, swish]
            done += 1
        return done

    def affine_before_conv(self) -> int:
        """`x -> Mul(k) -> Add(b)` left over: into an unpadded next `Conv`, else a 1x1
        depthwise `Conv` (the channel count read from the convolution that made `x`)."""
        from onnx import helper

        done = 0
        for mul in list(self.nodes):
            scalar = self._scalar(mul) if mul.op_type == "Mul" else None
            if scalar is None:
                continue
            k, x = scalar
            readers = self._readers()
            add = self._only_reader(readers, mul.output[0])
            if add is None or add.op_type != "Add" or (shift := self._scalar(add)) is None:
                continue
            b = shift[0]
            nxt = self._only_reader(readers, add.output[0])
            if nxt is not None and self._unpadded_conv(nxt, add.output[0]):
                weights, bias = self._weights(nxt)
                self._set_weights(nxt, x, weights * k, bias + b * weights.sum(axis=(1, 2, 3)))
                self._remove(mul, add)
                done += 1
                continue
            channels = self._channels(x)
            if channels is None:
                continue
            conv = helper.make_node(
                "Conv",
                [
                    x,
                    self._constant(np.full((channels, 1, 1, 1), k), "affine_w"),
                    self._constant(np.full(channels, b), "affine_b"),
                ],
                [add.output[0]],
                group=channels,
                kernel_shape=[1, 1],
            )
            at = self.nodes.index(mul)
            self._remove(mul, add)
            self.nodes.insert(at, conv)
            done += 1
        return done

    def serialise(self) -> bytes:
        """The rewritten model: constants nothing reads dropped, nodes in an order where
        every input comes first."""
        read = {name for node in self.nodes for name in node.input} | self.outputs
        nodes = [n for n in self.nodes if n.op_type != "Constant" or n.output[0] in read]
        known = {i.name for i in self.graph.input} | {i.name for i in self.graph.initializer}
        known |= {i.name for i in self.added} | {""}
        ordered: list[Any] = []
        while nodes:
            waiting: list[Any] = []
            for node in nodes:
                if all(name in known for name in node.input):
                    ordered.append(node)
                    known.update(node.output)
                else:
                    waiting.append(node)
            if len(waiting) == len(nodes):
                raise ValueError("rewritten OCR graph has a cycle")
            nodes = waiting
        del self.graph.node[:]
        self.graph.node.extend(ordered)
        self.graph.initializer.extend(self.added)
        data: bytes = self.model.SerializeToString()
        return data

    # -- helpers ------------------------------------------------------------------------

    def _readers(self) -> dict[str, list[Any]]:
        readers: dict[str, list[Any]] = defaultdict(list)
        for node in self.nodes:
            for name in node.input:
                readers[name].append(node)
        return readers

    def _only_reader(self, readers: dict[str, list[Any]], name: str) -> Any | None:
        nodes = readers.get(name, [])
        return nodes[0] if len(nodes) == 1 and name not in self.outputs else None

    def _scalar(self, node: Any) -> tuple[float, str] | None:
        """(value, other input) of a binary node with one one-element constant input."""
        if len(node.input) != 2:
            return None
        known = [n for n in node.input if n in self.const and self.const[n].size == 1]
        other = [n for n in node.input if n not in self.const]
        if len(known) != 1 or len(other) != 1:
            return None
        return float(self.const[known[0]].ravel()[0]), other[0]

    def _clip_range(self, clip: Any) -> tuple[float, float] | None:
        bounds = list(clip.input[1:3])
        if len(bounds) != 2 or not all(b in self.const for b in bounds):
            return None
        return float(self.const[bounds[0]].ravel()[0]), float(self.const[bounds[1]].ravel()[0])

    def _attrs(self, node: Any) -> dict[str, Any]:
        from onnx import helper

        return {a.name: helper.get_attribute_value(a) for a in node.attribute}

    def _weights_known(self, conv: Any) -> bool:
        inputs = list(conv.input)
        return len(inputs) >= 2 and all(n in self.const for n in inputs[1:] if n)

    def _unpadded_conv(self, node: Any, source: str) -> bool:
        if node.op_type != "Conv" or node.input[0] != source or not self._weights_known(node):
            return False
        attrs = self._attrs(node)
        pads = list(attrs.get("pads", [0, 0, 0, 0]))
        auto_pad = attrs.get("auto_pad", b"NOTSET")
        return not any(pads) and attrs.get("group", 1) == 1 and auto_pad in (b"NOTSET", "NOTSET")

    def _weights(self, conv: Any) -> tuple[np.ndarray, np.ndarray]:
        weights = self.const[conv.input[1]].astype(np.float64)
        has_bias = len(conv.input) > 2 and conv.input[2]
        bias = (
            self.const[conv.input[2]].astype(np.float64)
            if has_bias
            else np.zeros(weights.shape[0], np.float64)
        )
        return weights, bias

    def _set_weights(self, conv: Any, x: str, weights: np.ndarray, bias: np.ndarray) -> None:
        inputs = [x, self._constant(weights, "conv_w"), self._constant(bias, "conv_b")]
        del conv.input[:]
        conv.input.extend(inputs)

    def _channels(self, name: str) -> int | None:
        """Output channels of the convolution behind `name`, through up to four elementwise
        nodes (the activation between them)."""
        makers = {out: n for n in self.nodes for out in n.output}
        node = makers.get(name)
        for _ in range(4):
            if node is None:
                return None
            if node.op_type == "Conv" and self._weights_known(node):
                return int(self.const[node.input[1]].shape[0])
            if node.op_type not in ("Mul", "HardSigmoid", "Relu", "Clip", "Add"):
                return None
            node = makers.get(node.input[0])
        return None

    def _constant(self, value: np.ndarray, hint: str) -> str:
        from onnx import numpy_helper

        name = f"phiwarden/{hint}/{len(self.added)}"
        array = np.asarray(value, np.float32)
        self.added.append(numpy_helper.from_array(array, name))
        self.const[name] = array
        return name

    def _remove(self, *nodes: Any) -> None:
        gone = {id(n) for n in nodes}
        self.nodes = [n for n in self.nodes if id(n) not in gone]
