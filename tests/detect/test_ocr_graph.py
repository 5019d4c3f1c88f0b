"""The OCR graphs' elementwise tails folded into their convolutions: same outputs, fewer ops."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

onnx = pytest.importorskip("onnx", reason="bash scripts/setup.sh installs onnx from the lock")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from bot.detect.ocr import RapidOcr  # noqa: E402
from bot.detect.ocr_graph import fuse, same_outputs  # noqa: E402
from tests.detect.image_fakes import overlay_image  # noqa: E402

RNG = np.random.default_rng(7)


def _session(model: bytes | str) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.log_severity_level = 4
    opts.intra_op_num_threads = 1
    return ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])


def _const(name: str, value: np.ndarray | float) -> onnx.NodeProto:
    array = np.asarray(value, np.float32)
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(array, name))


def _conv(name: str, x: str, out: str, cin: int, cout: int, k: int, group: int = 1) -> list:
    w = RNG.normal(0, 0.5, (cout, cin // group, k, k))
    b = RNG.normal(0, 0.1, cout)
    return [
        _const(f"{name}.w", w),
        _const(f"{name}.b", b),
        helper.make_node(
            "Conv",
            [x, f"{name}.w", f"{name}.b"],
            [out],
            kernel_shape=[k, k],
            pads=[k // 2] * 4,
            group=group,
        ),
    ]


def _affine(name: str, x: str, out: str, k: float, b: float) -> list:
    return [
        _const(f"{name}.k", np.array([k])),
        _const(f"{name}.b", np.array([b])),
        helper.make_node("Mul", [f"{name}.k", x], [f"{name}.m"]),
        helper.make_node("Add", [f"{name}.m", f"{name}.b"], [out]),
    ]


def _hard_swish(name: str, x: str, out: str, high: float = 6.0) -> list:
    return [
        _const(f"{name}.three", np.array([3.0])),
        _const(f"{name}.zero", np.array(0.0)),
        _const(f"{name}.high", np.array(high)),
        _const(f"{name}.six", np.array([6.0])),
        helper.make_node("Add", [x, f"{name}.three"], [f"{name}.a"]),
        helper.make_node("Clip", [f"{name}.a", f"{name}.zero", f"{name}.high"], [f"{name}.c"]),
        helper.make_node("Mul", [x, f"{name}.c"], [f"{name}.m"]),
        helper.make_node("Div", [f"{name}.m", f"{name}.six"], [out]),
    ]


def _block_model(tmp_path: Path, *, high: float = 6.0, extra_reader: bool = False) -> str:
    """PPLCNetV3 as Paddle exports it: conv, affine, hard-swish, affine, depthwise conv (padded),
    affine, hard-swish, affine, pointwise conv (unpadded)."""
    nodes = [
        *_conv("c1", "x", "c1.y", 3, 8, 3),
        *_affine("lab1", "c1.y", "lab1.y", 1.3, -0.2),
        *_hard_swish("hs1", "lab1.y", "hs1.y", high),
        *_affine("lab2", "hs1.y", "lab2.y", 0.8, 0.4),
        *_conv("dw", "lab2.y", "dw.y", 8, 8, 3, group=8),
        *_affine("lab3", "dw.y", "lab3.y", 1.1, 0.05),
        *_hard_swish("hs2", "lab3.y", "hs2.y"),
        *_affine("lab4", "hs2.y", "lab4.y", 0.9, -0.3),
        *_conv("pw", "lab4.y", "out", 8, 4, 1),
    ]
    outputs = [helper.make_tensor_value_info("out", TensorProto.FLOAT, None)]
    if extra_reader:  # the first conv's output is read twice: its affine cannot go into it
        nodes.append(helper.make_node("Relu", ["c1.y"], ["side"]))
        outputs.append(helper.make_tensor_value_info("side", TensorProto.FLOAT, None))
    graph = helper.make_graph(
        nodes,
        "block",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, "h", "w"])],
        outputs,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)])
    path = tmp_path / "block.onnx"
    onnx.save(model, str(path))
    return str(path)


def _run(model: bytes | str, x: np.ndarray) -> np.ndarray:
    return np.asarray(_session(model).run(["out"], {"x": x})[0])


def test_when_a_block_is_fused_then_its_ops_shrink_and_its_output_stays(tmp_path: Path) -> None:
    path = _block_model(tmp_path)
    fused = fuse(path)
    assert fused is not None
    assert (fused.affine_into_conv, fused.hard_swish, fused.affine_before_conv) == (2, 2, 2)
    ops = [
        n.op_type for n in onnx.load_from_string(fused.model).graph.node if n.op_type != "Constant"
    ]
    assert ops.count("Div") == 0 and ops.count("Clip") == 0 and ops.count("Add") == 0
    assert ops.count("HardSigmoid") == 2 and ops.count("Conv") == 4  # one 1x1 depthwise more
    x = RNG.uniform(-1, 1, (1, 3, 17, 23)).astype(np.float32)  # odd sizes: padded borders
    np.testing.assert_allclose(_run(fused.model, x), _run(path, x), atol=1e-4)
    assert same_outputs(_session(path), _session(fused.model))


def test_when_the_clip_is_not_a_hard_swish_then_it_is_left_as_it_is(tmp_path: Path) -> None:
    fused = fuse(_block_model(tmp_path, high=5.0))  # Clip(0, 5): not x * relu6(x + 3) / 6
    assert fused is not None and fused.hard_swish == 1
    ops = [n.op_type for n in onnx.load_from_string(fused.model).graph.node]
    assert ops.count("Clip") == 1 and ops.count("Div") == 1


def test_when_a_conv_output_has_another_reader_then_its_affine_stays_out_of_it(
    tmp_path: Path,
) -> None:
    path = _block_model(tmp_path, extra_reader=True)
    fused = fuse(path)
    assert fused is not None and fused.affine_into_conv == 1  # the depthwise conv's only
    x = RNG.uniform(-1, 1, (1, 3, 9, 12)).astype(np.float32)
    want = _session(path).run(None, {"x": x})
    got = _session(fused.model).run(None, {"x": x})
    for a, b in zip(want, got, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-4)


def test_when_a_rewrite_changes_the_outputs_then_the_probe_says_so(tmp_path: Path) -> None:
    path = _block_model(tmp_path)
    model = onnx.load(path)
    for node in model.graph.node:
        if node.op_type == "Constant" and node.output[0] == "pw.b":
            node.attribute[0].t.CopyFrom(numpy_helper.from_array(np.ones(4, np.float32), "pw.b"))
    assert not same_outputs(_session(path), _session(model.SerializeToString()))


def _rapidocr_models() -> tuple[str, str]:
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    return str(models / "ch_PP-OCRv4_det_infer.onnx"), str(models / "ch_PP-OCRv4_rec_infer.onnx")


def test_rapidocrs_detector_and_recogniser_have_every_block_rewritten() -> None:
    det, rec = _rapidocr_models()
    fused_det, fused_rec = fuse(det), fuse(rec)
    assert fused_det is not None and fused_rec is not None
    assert (fused_det.affine_into_conv, fused_det.hard_swish, fused_det.affine_before_conv) == (
        28,
        24,
        24,
    )
    assert (fused_rec.affine_into_conv, fused_rec.hard_swish, fused_rec.affine_before_conv) == (
        28,
        28,
        28,
    )
    rec_session = _session(fused_rec.model)  # the recogniser's keys live in its metadata
    assert "character" in rec_session.get_modelmeta().custom_metadata_map
    x = RNG.uniform(-1, 1, (1, 3, 48, 400)).astype(np.float32)
    want = _session(rec).run(None, {"x": x})[0]
    got = rec_session.run(None, {"x": x})[0]
    assert float(np.abs(want - got).max()) < 1e-3
    assert (want.argmax(-1) == got.argmax(-1)).all()


@pytest.fixture(scope="module")
def both() -> tuple[RapidOcr, RapidOcr]:
    return RapidOcr(fused_graphs=False), RapidOcr()


def test_rapidocr_runs_the_fused_graphs_by_default_and_reads_the_same_lines(
    both: tuple[RapidOcr, RapidOcr],
) -> None:
    plain, fused = both
    for ocr, expect_path in ((plain, True), (fused, False)):
        engine = ocr._engine
        for holder in (engine.text_det.infer, engine.text_rec.session):
            # a session built from the rewritten bytes has no model path of its own
            assert isinstance(getattr(holder.session, "_model_path", None), str) is expect_path
    image = np.asarray(
        overlay_image(
            [("DOE, JANE  67Y F", 10, 10), ("MRN: 40718823", 10, 40), ("W/L 400/40", 240, 80)],
            (420, 130),
        )
    )
    want, got = plain.read(image), fused.read(image)
    assert [ln.text for ln in want] and [ln.text for ln in got] == [ln.text for ln in want]
    assert [ln.char_quads for ln in got] == [ln.char_quads for ln in want]
    assert [ln.conf for ln in got] == pytest.approx([ln.conf for ln in want], abs=1e-3)


def test_when_fused_graphs_are_switched_off_by_environment_then_rapidocrs_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PHIWARDEN_OCR_FUSED_GRAPHS", "0")
    engine = RapidOcr()._engine
    assert isinstance(engine.text_rec.session.session._model_path, str)
