"""The numbered flow of DESIGN.md, one module per step (map: docs/architecture.md).

intake (1), pipeline (2: dispatch by `JobKind`), enforce (4), confirms (held posts), audit (5);
beside them files, notify, and deps (`FlowDeps`, all the flow may touch).
"""
