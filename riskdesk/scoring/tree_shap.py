"""Exact reason codes for shallow trees, by table lookup (issue 35).

XGBoost's ``pred_contribs`` computes path-dependent TreeSHAP row by row: about 1,100-3,600
rows/s per thread on the shipped model (793 trees of depth 2), the scoring job's main cost.
For a shallow tree the values it returns for one row depend only on which way the row goes at
each of the tree's splits: at most 3 splits (8 patterns) at depth 2, 7 splits (128 patterns) at
depth 3. So the Shapley values of every pattern are computed once per model, from the model's
own trees (covers, default directions for missing values, categorical splits), and explaining a
row becomes comparisons and table lookups, all trees at once, in NumPy.

The values are those of the game TreeSHAP solves exactly: v(S) is the tree's output with the
features in S fixed to the row's and every other split averaged over its children by cover
(the node's cover as the denominator, as XGBoost does). A feature that splits twice in a tree
is one player. Models with deeper trees, other boosters or several outputs fall back to
``pred_contribs`` (``engine_for`` returns None).
"""
from __future__ import annotations

import json
import math
import weakref
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

MAX_DEPTH = 3  # 7 splits, 128 patterns, 7 players: tables built in a few seconds at most
CHUNK = 256  # rows per pass: the pattern and sparse-product arrays stay in the cache


@dataclass(frozen=True)
class _Tree:
    """One tree in the engine's flat form: its internal nodes in a fixed order (bit k of a
    row's pattern is 1 when the row goes left at node k) and its table of Shapley values."""
    nodes: list[int]  # node ids of the internal nodes, in bit order
    players: list[int]  # feature indices, one per table column
    table: np.ndarray  # (2 ** len(nodes), len(players))
    expected: float  # v(empty set): the tree's cover-weighted mean output


class ShallowTreeExplainer:
    """Path-dependent TreeSHAP values for a gbtree model whose trees are at most MAX_DEPTH
    deep; ``contributions`` matches ``Booster.predict(pred_contribs=True)`` (features, then
    the bias as the last column) to float32 rounding."""

    def __init__(self, model: dict[str, Any], n_features: int, base_margin: float) -> None:
        trees = model["learner"]["gradient_booster"]["model"]["trees"]
        self.n_features = n_features
        built = [_build_tree(t) for t in trees]
        self.bias = base_margin + float(sum(t.expected for t in built))
        stride = max((len(t.nodes) for t in built), default=1) or 1
        n = len(built)
        n_patterns = 2 ** stride
        # Splits laid out bit-major (every tree's first split, then every tree's second ...),
        # so a row's pattern per tree is a few whole-slice ORs. A tree with fewer splits is
        # padded with splits against -inf: a row never goes left there, so its pattern stays
        # within the tree's own table rows.
        feature = np.zeros((stride, n), dtype=np.int64)
        threshold = np.full((stride, n), -np.inf, dtype=np.float32)
        default_left = np.zeros((stride, n), dtype=bool)
        categorical: list[tuple[int, np.ndarray]] = []  # (column, the codes that go right)
        # the Shapley table as a matrix: row (tree, pattern), column feature; a row's values
        # are the sum of the rows its patterns pick, one per tree (a sparse product)
        weights = np.zeros((n * n_patterns, n_features), dtype=np.float32)
        for i, (raw, tree) in enumerate(zip(trees, built, strict=True)):
            cats = _categories(raw)
            for k, node in enumerate(tree.nodes):
                feature[k, i] = raw["split_indices"][node]
                default_left[k, i] = bool(raw["default_left"][node])
                if raw["split_type"][node] == 1:
                    categorical.append((k * n + i, cats[node]))
                else:
                    threshold[k, i] = np.float32(raw["split_conditions"][node])
            rows = slice(i * n_patterns, i * n_patterns + 2 ** len(tree.nodes))
            for j, player in enumerate(tree.players):
                weights[rows, player] += tree.table[:, j]
        self._feature = feature.ravel()
        self._threshold = threshold.ravel()
        self._default_left_cols = np.flatnonzero(default_left.ravel())
        self._stride, self._n_trees = stride, n
        self._weights = weights
        self._tree_base = (np.arange(n) * n_patterns).astype(np.int32)
        self._ones = np.ones(CHUNK * n, dtype=np.float32)
        self._indptr = np.arange(0, (CHUNK + 1) * n, n, dtype=np.int32)
        # categorical splits: one lookup row per split, "goes right" by category code; codes
        # outside the table (the spare last column) are in no split's set, so go left
        size = 1 + max((int(c.max()) + 1 for _, c in categorical if c.size), default=1)
        self._cat_cols = np.asarray([col for col, _ in categorical], dtype=np.int64)
        self._cat_right = np.zeros((len(categorical), size), dtype=bool)
        for r, (_, codes) in enumerate(categorical):
            self._cat_right[r, codes.astype(np.int64)] = True
        self._cat_rows = np.arange(len(categorical))
        self._cat_size = size - 1

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """x: rows by features as float32 (categories as their codes, NaN for missing)."""
        rows = x.shape[0]
        out = np.empty((rows, self.n_features + 1), dtype=np.float64)
        for start in range(0, rows, CHUNK):
            out[start:start + CHUNK, :self.n_features] = self._chunk(x[start:start + CHUNK])
        out[:, self.n_features] = self.bias
        return out

    def patterns(self, x: np.ndarray) -> np.ndarray:
        """Which way each row goes at each tree's splits: (rows, trees), bit k set when the
        row goes left at the tree's k-th split (missing values take the default direction;
        categories in a split's set go right, as in XGBoost)."""
        values = x[:, self._feature]  # (rows, stride * trees): each split's input
        with np.errstate(invalid="ignore"):
            left = values < self._threshold  # NaN compares False: the default comes next
            if len(self._cat_cols):
                codes = values[:, self._cat_cols]
                inside = (codes >= 0) & (codes < self._cat_size)
                index = np.where(inside, codes, self._cat_size).astype(np.intp)
                left[:, self._cat_cols] = ~self._cat_right[self._cat_rows, index] \
                    & ~np.isnan(codes)
        if len(self._default_left_cols):
            left[:, self._default_left_cols] |= np.isnan(values[:, self._default_left_cols])
        bits = left.view(np.uint8)
        n = self._n_trees
        pattern = bits[:, :n].astype(np.int32)
        for k in range(1, self._stride):
            pattern |= bits[:, k * n:(k + 1) * n].astype(np.int32) << k
        return pattern

    def _chunk(self, x: np.ndarray) -> np.ndarray:
        from scipy import sparse  # XGBoost's own dependency

        rows, n = len(x), self._n_trees
        columns = (self.patterns(x) + self._tree_base).ravel()
        picks = sparse.csr_matrix((self._ones[:rows * n], columns, self._indptr[:rows + 1]),
                                  shape=(rows, len(self._weights)))
        return np.asarray(picks @ self._weights)


def _categories(raw: dict[str, Any]) -> dict[int, np.ndarray]:
    """The category codes of each categorical split (those go right, as in XGBoost's
    ``Decision``: a category in the split's set is not "left")."""
    out = {}
    for node, seg, size in zip(raw["categories_nodes"], raw["categories_segments"],
                               raw["categories_sizes"], strict=True):
        out[int(node)] = np.asarray(raw["categories"][seg:seg + size], dtype=np.float32)
    return out


def _build_tree(raw: dict[str, Any]) -> _Tree:
    left_of, right_of = raw["left_children"], raw["right_children"]
    cover = [float(c) for c in raw["sum_hessian"]]
    value = [float(v) for v in raw["split_conditions"]]  # a leaf keeps its value here
    feature = raw["split_indices"]
    nodes: list[int] = []
    stack = [0]
    while stack:  # the internal nodes, parents before children
        node = stack.pop(0)
        if left_of[node] != -1:
            nodes.append(node)
            stack += [left_of[node], right_of[node]]
    bit = {node: k for k, node in enumerate(nodes)}
    players = sorted({int(feature[n]) for n in nodes})
    n_patterns = 2 ** len(nodes)
    goes_left = ((np.arange(n_patterns)[:, None] >> np.arange(len(nodes))) & 1).astype(bool)

    def v(node: int, fixed: frozenset[int]) -> np.ndarray:
        """The tree's output under each pattern with the features in ``fixed`` known."""
        if left_of[node] == -1:
            return np.full(n_patterns, value[node])
        lo, hi = v(left_of[node], fixed), v(right_of[node], fixed)
        if int(feature[node]) in fixed:
            return np.asarray(np.where(goes_left[:, bit[node]], lo, hi))
        mixed: np.ndarray = (cover[left_of[node]] * lo + cover[right_of[node]] * hi) / cover[node]
        return mixed

    m = len(players)
    worth = {frozenset(s): v(0, frozenset(s)) for r in range(m + 1)
             for s in combinations(players, r)}
    table = np.zeros((n_patterns, m), dtype=np.float64)
    for j, player in enumerate(players):
        others = [p for p in players if p != player]
        for r in range(m):
            weight = math.factorial(r) * math.factorial(m - r - 1) / math.factorial(m)
            for s in combinations(others, r):
                base = frozenset(s)
                table[:, j] += weight * (worth[base | {player}] - worth[base])
    expected = float(worth[frozenset()][0]) if nodes else value[0]
    return _Tree(nodes, players, table, expected)


def _depth(raw: dict[str, Any]) -> int:
    left_of, right_of = raw["left_children"], raw["right_children"]
    depth, level = 0, [0]
    while True:
        level = [c for n in level if left_of[n] != -1 for c in (left_of[n], right_of[n])]
        if not level:
            return depth
        depth += 1


def _base_margin(model: dict[str, Any]) -> float | None:
    learner = model["learner"]
    objective = learner.get("objective", {}).get("name", "")
    score = float(str(learner["learner_model_param"]["base_score"]).strip("[]"))
    if objective.startswith("binary:logistic") or objective == "reg:logistic":
        return math.log(score / (1 - score))
    if objective.startswith("reg:squarederror"):
        return score
    return None  # other links: let XGBoost say what the margin is


_ENGINES: weakref.WeakKeyDictionary[Any, ShallowTreeExplainer | None] = \
    weakref.WeakKeyDictionary()


def engine_for(booster: Any) -> ShallowTreeExplainer | None:
    """The table engine for this booster (built once, kept while the booster lives), or None
    where it does not apply: another booster than gbtree, several outputs or classes, trees
    deeper than MAX_DEPTH, or an objective whose base margin we do not derive."""
    if booster in _ENGINES:
        return _ENGINES[booster]
    model = json.loads(booster.save_raw("json"))
    learner = model["learner"]
    params = learner["learner_model_param"]
    gbm = learner["gradient_booster"]
    margin = _base_margin(model)
    engine = None
    if (gbm.get("name") == "gbtree" and int(params.get("num_class", "0")) <= 1
            and int(params.get("num_target", "1")) == 1 and margin is not None
            and all(int(t["tree_param"].get("size_leaf_vector", "1")) <= 1
                    for t in gbm["model"]["trees"])
            and all(_depth(t) <= MAX_DEPTH for t in gbm["model"]["trees"])):
        engine = ShallowTreeExplainer(model, int(params["num_feature"]), margin)
    _ENGINES[booster] = engine
    return engine


def as_matrix(x: pd.DataFrame) -> np.ndarray:
    """The frame as XGBoost reads it: float32, categories by their codes, NaN for missing."""
    columns = []
    for name in x.columns:
        s = x[name]
        if isinstance(s.dtype, pd.CategoricalDtype):
            codes = s.cat.codes.to_numpy().astype(np.float32)
            codes[codes < 0] = np.nan
            columns.append(codes)
        else:
            columns.append(pd.to_numeric(s, errors="coerce").to_numpy(dtype=np.float32,
                                                                      na_value=np.nan))
    return np.column_stack(columns) if columns else np.empty((len(x), 0), np.float32)
