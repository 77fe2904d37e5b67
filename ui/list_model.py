"""A table model over a list of record ids that fetches rows on demand (Anki's browser model).

The id list (all matching records, in order) is computed on the database thread; rows are fetched
by id in blocks when the view first asks for them and kept in a small LRU cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

BLOCK = 100
CACHE_ROWS = 3000


class RecordTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(
        self,
        columns: list[str],
        headers: list[str],
        fetch: Callable[[list[str]], dict[str, tuple[Any, ...]]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.headers = headers
        self._fetch = fetch
        self._ids: list[str] = []
        self._cache: OrderedDict[str, tuple[Any, ...]] = OrderedDict()
        self.fetches = 0  # how many block reads ran (tests and the benchmark look)
        self.highlight: Callable[[tuple[Any, ...]], bool] | None = None

    # --- contents ---------------------------------------------------------------------------------

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def complete_ids(self, ids: list[str]) -> None:
        """Replace a first page by the full list: rows are appended when the page is its prefix."""
        n = len(self._ids)
        if n and len(ids) >= n and ids[:n] == self._ids:
            if len(ids) > n:
                self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
            return
        self.set_ids(ids)

    def refresh(self) -> None:
        """Drop cached rows (after an edit) and repaint."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        rid = self.record_id(row)
        if rid is None:
            return None
        values = self._cache.get(rid)
        if values is None:
            start = row - row % BLOCK
            block = self._ids[start : start + BLOCK]
            fetched = self._fetch(block)
            self.fetches += 1
            for key in block:
                self._cache[key] = fetched.get(key, ("",) * len(self.columns))
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            values = self._cache[rid]
        else:
            self._cache.move_to_end(rid)
        return values

    # --- Qt ---------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            values = self.row_values(index.row())
            value = values[index.column()] if values else None
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return self.record_id(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight is not None:
            values = self.row_values(index.row())
            if values and self.highlight(values):
                from PySide6.QtGui import QColor

                return QColor("#b00020")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            self.sort_requested.emit(self.columns[column], order == Qt.SortOrder.DescendingOrder)
