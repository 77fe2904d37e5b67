"""统计 page: cards, charts and lists of the township office's figures, with region and period selectors.

Every number comes from advisor_app.reports; a click on a figure emits ``openRecords(kind, ids)``
(kind is a table name such as ``cases``); when nothing is connected a simple list dialog shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMetaMethod, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from advisor_app.domain.clock import china_today
from advisor_app.domain.validation import ValidationError
from advisor_app.reports import rating_board, service
from advisor_app.reports.scope import Period, add_months, allowed_choices, allowed_region, parse_period
from advisor_app.services import setup, users
from advisor_app.services.store_access import Store

LEVEL_INDENT = {"city": 0, "county": 1, "township": 2, "village": 3}
# 各乡镇情况 columns (a county's figures per township; reports.forms.TOWNSHIP_HEADER in the report)
TOWNSHIP_COLUMNS = (
    QT_TRANSLATE_NOOP("DashboardView", "Township"),
    QT_TRANSLATE_NOOP("DashboardView", "Accepted"),
    QT_TRANSLATE_NOOP("DashboardView", "Settled"),
    QT_TRANSLATE_NOOP("DashboardView", "Success rate"),
    QT_TRANSLATE_NOOP("DashboardView", "Amount (10,000 yuan)"),
    QT_TRANSLATE_NOOP("DashboardView", "Consultations"),
    QT_TRANSLATE_NOOP("DashboardView", "Villages"),
    QT_TRANSLATE_NOOP("DashboardView", "Villages not reported"),
    QT_TRANSLATE_NOOP("DashboardView", "Legal literates"),
)


class Card(QPushButton):
    """A figure with its caption; clicking opens the records behind it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setMinimumSize(130, 64)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_value("—")

    def set_value(self, value: object, note: str = "") -> None:
        self.value = value
        self.setText(f"{value}\n{self.caption}" + (f"\n{note}" if note else ""))


class RecordsDialog(QDialog):
    """The simple list of records behind a figure (used when the main window did not connect)."""

    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.addItems(lines or [self.tr("(no records)")])
        layout.addWidget(QLabel(self.tr("%1 records").replace("%1", str(len(lines)))))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)


class DashboardView(QWidget):
    openRecords = Signal(str, list)  # noqa: N815 - the name the main window connects to

    def __init__(self, store: Store, parent: QWidget | None = None, *, tasks=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.store = store
        self.tasks = tasks  # ui.tasks.TaskManager: figures computed off the GUI thread when given
        self.data: service.DashboardData | None = None
        self.last_dialog: RecordsDialog | None = None
        self._generation = 0  # only the newest refresh is computed and shown
        self._build()
        self._fill_selectors()
        from ui.villages import events

        events().changed.connect(self._regions_changed)  # a village added or renamed in 设置
        self.refresh()

    def _regions_changed(self, store: Store) -> None:
        if store is not self.store:
            return
        current = self.region()
        self._fill_regions()
        if current and (index := self.region_box.findData(current)) >= 0:
            self.region_box.setCurrentIndex(index)

    # --- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.region_box = QComboBox()
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.monthly_button = QPushButton(self.tr("Export monthly report…"))
        self.monthly_button.setToolTip(
            self.tr("Monthly mediation statistics (region and period chosen), .xlsx or .pdf")
        )
        self.monthly_button.clicked.connect(lambda: self.ask_export("monthly"))
        self.ledger_button = QPushButton(self.tr("Export adviser ledger…"))
        self.ledger_button.setToolTip(
            self.tr("Village legal adviser ledger (region and period chosen), .xlsx or .pdf")
        )
        self.ledger_button.clicked.connect(lambda: self.ask_export("ledger"))
        self.rating_button = QPushButton(self.tr("Export rating ranking…"))
        self.rating_button.setToolTip(
            self.tr(
                "Service ratings and ranking: self-rating, satisfaction, follow-up and remedy rates per village and adviser"
            )
        )
        self.rating_button.clicked.connect(lambda: self.ask_export("rating"))
        self.status = QLabel()
        self.status.setWordWrap(True)  # a long message wraps instead of widening the page
        for widget in (
            QLabel(self.tr("Region")),
            self.region_box,
            QLabel(self.tr("Period")),
            self.period_box,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        outer.addLayout(bar)
        # the exports on a row of their own: in one row with the selectors the page needed
        # 1,150 px at 14 pt (issue 15 §1)
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.monthly_button)
        exports.addWidget(self.ledger_button)
        exports.addWidget(self.rating_button)
        outer.addLayout(exports)
        self.scope_note = QLabel()  # whose records these are, and what would widen them
        self.scope_note.setWordWrap(True)
        self.scope_note.setStyleSheet("color: #555;")
        outer.addWidget(self.scope_note)
        self.last_export: Path | None = None
        self.region_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.period_box.activated.connect(lambda _: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        grid = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        cards = QGridLayout()
        self.cards: dict[str, Card] = {}
        specs = [
            ("accepted", self.tr("Accepted (cases)"), ("mediation", "accepted|total=合计")),
            ("success", self.tr("Settled (cases)"), ("mediation", "success|total=合计")),
            ("rate", self.tr("Success rate"), ("mediation", "success|total=合计")),
            ("amount", self.tr("Agreed amounts (10,000 yuan)"), ("mediation", "amount|total=合计")),
            ("confirmed", self.tr("Court confirmations (cases)"), ("mediation", "confirmed|total=合计")),
            ("consultations", self.tr("Consultations (count)"), ("consultations", None)),
            ("satisfaction", self.tr("Satisfaction"), ("ratings", None)),
            ("bad", self.tr("Poor ratings to follow up"), ("bad_ratings", None)),
            ("overdue", self.tr("Overdue cases"), ("overdue_cases", None)),
            ("window", self.tr("Within the confirmation window"), ("confirmation_window", None)),
            ("visits", self.tr("Visits due"), ("visits_due", None)),
            ("unreported", self.tr("Villages not reported"), ("unreported", None)),
        ]
        for n, (key, caption, (figure, cell)) in enumerate(specs):
            card = Card(caption)
            card.clicked.connect(lambda _=False, f=figure, c=cell: self.open_figure(f, c))
            self.cards[key] = card
            cards.addWidget(card, n // 6, n % 6)
        grid.addLayout(cards)

        charts = QGridLayout()
        self.type_chart, self.trend_chart, self.pie_chart = QChart(), QChart(), QChart()
        # types and satisfaction side by side, the 12-month trend below across the page: a third
        # of the width left a month too little room for its name on the axis
        for chart, title, (row, col, span) in (
            (self.type_chart, self.tr("Disputes accepted by type"), (0, 0, 1)),
            (self.pie_chart, self.tr("Satisfaction ratings"), (0, 1, 1)),
            (self.trend_chart, self.tr("Consultations and cases, last 12 months"), (1, 0, 2)),
        ):
            chart.setTitle(title)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # tall enough for the axis labels at the 大字 preset (a short chart elides them all)
            line = self.fontMetrics().height()
            view.setMinimumHeight(max(300 if chart is self.type_chart else 260, 15 * line))
            charts.addWidget(view, row, col, 1, span)
        self.trend_note = QLabel()
        self.trend_note.setWordWrap(True)
        charts.addWidget(self.trend_note, 2, 0, 1, 2)
        grid.addLayout(charts)

        lists = QGridLayout()
        self.hot_list = QListWidget()
        self.hot_list.itemActivated.connect(self._open_item)
        self.overdue_list = QListWidget()
        self.overdue_list.itemActivated.connect(self._open_item)
        self.village_table = QTableWidget(0, 7)
        self.village_table.setHorizontalHeaderLabels(
            [
                self.tr("Village"),
                self.tr("Report"),
                self.tr("Legal literates"),
                self.tr("Short by"),
                self.tr("On-site service (hours)"),
                self.tr("Lectures (quarter)"),
                self.tr("Duties"),
            ]
        )
        self.village_table.cellDoubleClicked.connect(self._open_village_cell)
        # 热点 and 待办与超期 side by side, 各村情况 below across the whole width: as a third column
        # its seven columns were cut off sideways; its columns fit their contents
        self.overdue_list.setWordWrap(True)
        self.hot_list.setWordWrap(True)
        for n, (title, widget) in enumerate(
            (
                (self.tr("Hot topics (clearly up this month)"), self.hot_list),
                (self.tr("To do and overdue"), self.overdue_list),
            )
        ):
            lists.addWidget(QLabel(title), 0, n)
            lists.addWidget(widget, 1, n)
        # 各乡镇情况: a county's townships, each row adding up to the county's cards; double-click
        # one to look at that township
        self.township_table = QTableWidget(0, len(TOWNSHIP_COLUMNS))
        self.township_table.setObjectName("townships")
        self.township_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DashboardView", c) for c in TOWNSHIP_COLUMNS]
        )
        self.township_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.township_table.verticalHeader().hide()
        self.township_table.cellDoubleClicked.connect(self._open_township)
        townships_header = self.township_table.horizontalHeader()
        townships_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        townships_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.township_table.setMinimumHeight(160)
        self.township_title = QLabel(self.tr("Townships at a glance (double-click one to look at it)"))
        lists.addWidget(self.township_title, 2, 0, 1, 2)
        lists.addWidget(self.township_table, 3, 0, 1, 2)
        self.township_title.hide()
        self.township_table.hide()
        lists.addWidget(QLabel(self.tr("Villages at a glance")), 4, 0, 1, 2)
        lists.addWidget(self.village_table, 5, 0, 1, 2)
        header = self.village_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.village_table.setMinimumHeight(200)
        grid.addLayout(lists)
        self._build_rating(grid)

    def _build_rating(self, grid: QVBoxLayout) -> None:
        """服务评价: the period's rating figures and its ranking per village and per staff member,
        the same numbers as `advisor report rating` (advisor_app.reports.rating_board)."""
        grid.addWidget(QLabel(self.tr("Service ratings and ranking (counted as in the rating report)")))
        row = QHBoxLayout()
        self.rating_cards: dict[str, Card] = {}
        for key, caption in (
            ("self_share", self.tr("Self-rated share")),
            ("satisfaction", self.tr("Satisfaction (counted)")),
            ("follow_up_rate", self.tr("Follow-up rate")),
            ("rectify_rate", self.tr("Remedy rate")),
        ):
            card = Card(caption)
            card.clicked.connect(lambda _=False: self.open_figure("ratings"))
            self.rating_cards[key] = card
            row.addWidget(card)
        grid.addLayout(row)
        self.rating_tables: dict[str, QTableWidget] = {}
        for by, title, first in (
            ("village", self.tr("Ranking by village"), self.tr("Village")),
            ("staff", self.tr("Ranking by adviser / mediator"), self.tr("Name")),
        ):
            table = QTableWidget(0, RATING_COLUMNS)
            table.setHorizontalHeaderLabels(
                [
                    self.tr("Rank"),
                    first,
                    self.tr("Rated"),
                    self.tr("Self-rated (share)"),
                    self.tr("Satisfaction"),
                    self.tr("Poor"),
                    self.tr("Follow-up rate"),
                    self.tr("Remedy rate"),
                ]
            )
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            table.setMinimumHeight(160)
            grid.addWidget(QLabel(title))
            grid.addWidget(table)
            self.rating_tables[by] = table

    def _show_rating(self, boards: RatingBoards) -> None:
        self.rating_boards = boards
        whole = rating_board.total(boards.villages)
        for key, card in self.rating_cards.items():
            card.set_value(
                rating_board.shown(getattr(whole, key)),
                self.tr("%1 rated, %2 poor").replace("%1", str(whole.rated)).replace("%2", str(whole.bad))
                if key in ("self_share", "satisfaction")
                else self.tr("%1 poor").replace("%1", str(whole.bad)),
            )
        for by, rows in (("village", boards.villages), ("staff", boards.staff)):
            table = self.rating_tables[by]
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for col, value in enumerate(rating_cells(r + 1, row)):
                    item = QTableWidgetItem(value)
                    if col != 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, col, item)

    def _fill_selectors(self) -> None:
        self._fill_regions()
        today = china_today()
        start = date(today.year, today.month, 1)
        periods = [f"{d.year}-{d.month:02d}" for d in (add_months(start, -n) for n in range(24))]
        periods += [f"{today.year - n // 4}-Q{(((today.month - 1) // 3 - n) % 4) + 1}" for n in range(8)]
        periods += [str(today.year - n) for n in range(3)]
        self.period_box.addItems(periods)

    def _fill_regions(self) -> None:
        """Only the regions that may be seen here (the signed-in local user's, else the
        installation's: a 司法所 its township), opening on the home region; 全部地区 only on an
        installation not set up yet."""
        allowed = allowed_choices(self.store)
        self.scope_note.setText(self.tr("Shown: %1").replace("%1", setup.scope_description(self.store)))
        self._regions_for = allowed
        self.region_box.blockSignals(True)
        self.region_box.clear()
        if allowed is None:
            self.region_box.addItem(self.tr("All regions"), None)
        with self.store.session() as session:
            rows = session.execute(text("SELECT code, name, level, retired FROM regions ORDER BY code")).all()
        for code, name, level, retired in rows:
            if allowed is None or code in allowed:
                label = "　" * LEVEL_INDENT.get(level, 0) + name + (self.tr(" (merged)") if retired else "")
                self.region_box.addItem(label, code)  # a retired village's records still count
        try:
            home = allowed_region(self.store, None)
        except ValidationError:  # several regions and none is home: the first one offered
            home = None
        if home and (index := self.region_box.findData(home)) >= 0:
            self.region_box.setCurrentIndex(index)
        self.region_box.blockSignals(False)

    # --- data --------------------------------------------------------------------------------------

    def region(self) -> str | None:
        return self.region_box.currentData()

    def period(self) -> Period:
        return parse_period(self.period_box.currentText())

    def set_scope(self, region: str | None, period: str) -> None:
        """Select a region code (None: all) and a period (2026-11, 2026-Q4, 2026), then refresh."""
        self.region_box.blockSignals(True)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(region)) if region else 0)
        self.region_box.blockSignals(False)
        self.period_box.setCurrentText(period)
        self.refresh()

    def refresh(self) -> None:
        if allowed_choices(self.store) != self._regions_for:  # another local user signed in
            self._fill_regions()
        try:
            region, period = self.region(), self.period()
        except Exception as exc:  # a typo in the period box: say so, keep the old figures
            self.status.setText(getattr(exc, "errors", {}).get("period", str(exc)))
            return
        self.status.setText(self.tr("Counting…"))
        self._generation += 1
        generation = self._generation

        def job() -> tuple[service.DashboardData, RatingBoards] | None:
            # A refresh overtaken by a newer one (the user is still choosing) is skipped unrun.
            if generation != self._generation:
                return None
            return service.dashboard(self.store, region, period), rating_boards(self.store, region, period)

        def done(found: tuple[service.DashboardData, RatingBoards] | None) -> None:
            if found is not None and generation == self._generation:
                self.show_data(found[0])
                self._show_rating(found[1])

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                message = (getattr(exc, "errors", None) or {}).get("region") or str(exc)
                self.status.setText(self.tr("The figures could not be made: %1").replace("%1", message))

        if self.tasks is not None:
            self.tasks.run_db(job, done, failed)
        else:
            done(job())

    def show_data(self, data: service.DashboardData) -> None:
        self.data = data
        figs = data.figures
        total = figs.total
        c = self.cards
        c["accepted"].set_value(total.accepted)
        c["success"].set_value(total.success)
        c["rate"].set_value("—" if total.rate is None else f"{total.rate:.1f}%")
        c["amount"].set_value(f"{total.amount_wan:.2f}")
        c["confirmed"].set_value(total.confirmed)
        c["consultations"].set_value(figs.consultations.total)
        rate = figs.satisfaction.satisfied_rate
        c["satisfaction"].set_value(
            "—" if rate is None else f"{rate:.1f}%",
            self.tr("%1 ratings").replace("%1", str(figs.satisfaction.total)),
        )
        c["bad"].set_value(figs.satisfaction.bad_count)
        c["overdue"].set_value(len(figs.overdue.cases))
        c["window"].set_value(len(figs.overdue.confirmation_window))
        c["visits"].set_value(len(figs.overdue.visits))
        unreported = [v for v in figs.villages if v.report_status == "未上报"]
        c["unreported"].set_value(
            len(unreported),
            self.tr("zero reports %1").replace(
                "%1", str(sum(v.report_status == "零上报" for v in figs.villages))
            ),
        )
        self._charts(data)
        self._lists(data)
        self.status.setText(f"{figs.region_name}　{figs.period.label}")

    def _charts(self, data: service.DashboardData) -> None:
        # 受理纠纷: horizontal bars, so every dispute type is written out in full on the left
        # (vertical bars elided them to “婚姻…”), the count at the end of each bar
        by_type = {k: r.accepted for k, r in data.figures.mediation["dispute_type"].items() if r.accepted}
        ordered = sorted(by_type.items(), key=lambda kv: kv[1])  # the largest on top
        self.type_chart.removeAllSeries()
        for axis in self.type_chart.axes():
            self.type_chart.removeAxis(axis)
        self.type_set = QBarSet("受理")
        self.type_set.append([n for _k, n in ordered])
        self.type_keys = [k for k, _n in ordered]
        self.type_set.clicked.connect(
            lambda i: self.open_figure("mediation", f"accepted|dispute_type={self.type_keys[i]}")
        )
        bars = QHorizontalBarSeries()
        bars.append(self.type_set)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.type_chart.addSeries(bars)
        self.type_chart.legend().hide()
        self._axes(self.type_chart, bars, self.type_keys, max(by_type.values(), default=1))

        # 近 12 个月: months named on the axis (“3月”, the years in the axis title); the
        # current month is not over, so it is left out of the lines (it would plunge) and its
        # figures so far are given in the title
        self.trend_chart.removeAllSeries()
        for axis in self.trend_chart.axes():
            self.trend_chart.removeAxis(axis)
        months = list(data.trend)
        current = china_today().strftime("%Y-%m")
        partial = months[-1] if months and months[-1] >= current else None
        shown = [m for m in months if m != partial]
        # said under the chart: a long chart title would widen the whole page
        self.trend_note.setText(
            self.tr("%1 is not over: %2 consultations and %3 cases so far, not drawn")
            .replace("%1", month_label(partial))
            .replace("%2", str(data.trend.get(partial, 0)))
            .replace("%3", str(data.trend_cases.get(partial, 0)))
            if partial
            else ""
        )
        self.trend_series = []
        for name, values in ((self.tr("Consultations"), data.trend), (self.tr("Cases"), data.trend_cases)):
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for n, month in enumerate(shown):
                line.append(n, values.get(month, 0))
            self.trend_chart.addSeries(line)
            self.trend_series.append(line)
        x, y = QCategoryAxis(), QValueAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setRange(0, max(1, len(shown) - 1))
        for n, month in enumerate(shown):
            x.append(month_label(month), n)
        if shown:
            x.setTitleText(months_title(shown[0], shown[-1]))
        _count_axis(
            y, max([*(data.trend.get(m, 0) for m in shown), *(data.trend_cases.get(m, 0) for m in shown), 1])
        )
        self.trend_chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.trend_chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for line in self.trend_series:
            line.attachAxis(x)
            line.attachAxis(y)

        # 满意度: the legend names each grade in full with its count and share
        self.pie_chart.removeAllSeries()
        self.pie = QPieSeries()
        grades = {g: n for g, n in data.figures.satisfaction.by_grade.items() if n}
        total = sum(grades.values())
        for grade, n in grades.items():
            piece = self.pie.append(pie_label(grade, n, total), n)
            piece.clicked.connect(lambda g=grade: self.open_figure("ratings", g))
        self.pie_chart.addSeries(self.pie)
        legend = self.pie_chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)  # whole grade names, not “非…”
        # the legend as wide as its longest entry (Qt's share of the chart elided “非常满意 9（64%）”)
        longest = max(
            (QFontMetrics(legend.font()).horizontalAdvance(p.label()) for p in self.pie.slices()), default=0
        )
        legend.setMinimumWidth(longest + 3 * legend.font().pointSize() + 16 if longest else 0)

    @staticmethod
    def _axes(chart: QChart, series: QHorizontalBarSeries, categories: list[str], top: int) -> None:
        names = QBarCategoryAxis()
        names.append(categories)
        counts = QValueAxis()
        _count_axis(counts, top + max(1, top // 8))  # room for the count at the end of the longest bar
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(counts)

    def _lists(self, data: service.DashboardData) -> None:
        self.hot_list.clear()
        for topic in data.hot_topics:
            item = QListWidgetItem(topic.explanation)
            item.setData(Qt.ItemDataRole.UserRole, (topic.source, topic.record_ids))
            self.hot_list.addItem(item)
        if not data.hot_topics:
            self.hot_list.addItem(self.tr("No topic clearly up this month"))
        self.overdue_list.clear()
        o = data.figures.overdue
        for row in o.cases:
            self._add(
                self.overdue_list,
                self.tr("%1 days overdue: %2 (%3)")
                .replace("%1", str(row["days_over"]))
                .replace("%2", row["case_no"] or "")
                .replace("%3", row["dispute_type"] or ""),
                "cases",
                [row["id"]],
            )
        for row in o.confirmation_window:
            self._add(
                self.overdue_list,
                self.tr("%1 days left to apply for court confirmation: %2")
                .replace("%1", str(row["days_left"]))
                .replace("%2", row["case_no"] or ""),
                "cases",
                [row["id"]],
            )
        for row in o.visits:
            self._add(
                self.overdue_list,
                self.tr("Visit due (by %1): %2")
                .replace("%1", str(row["due_on"]))
                .replace("%2", row["case_no"] or ""),
                "cases",
                [row["id"]],
            )
        for row in o.follow_ups:
            self._add(
                self.overdue_list,
                self.tr("Poor rating follow-up overdue (due %1)").replace("%1", str(row["follow_up_due"])),
                "ratings",
                [row["id"]],
            )
        townships = data.figures.townships
        self.township_title.setVisible(bool(townships))
        self.township_table.setVisible(bool(townships))
        self.township_table.setRowCount(len(townships))
        for r, t in enumerate(townships):
            m = t.mediation
            values = [
                t.name,
                m.accepted,
                m.success,
                "—" if m.rate is None else f"{m.rate:.1f}%",
                f"{m.amount_wan:.2f}",
                t.consultations,
                t.villages,
                t.unreported,
                t.roster,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, t.code)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.township_table.setItem(r, col, item)
        villages = data.figures.villages
        self.village_table.setRowCount(len(villages))
        for r, v in enumerate(villages):
            values = [
                v.name,
                v.report_status,
                v.roster,
                v.roster_short,
                f"{v.onsite_hours:g} / {v.onsite_target_hours}",
                v.lectures,
                self.tr("met") if v.duty_met else self.tr("not met"),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, v.code)
                self.village_table.setItem(r, col, item)

    @staticmethod
    def _add(widget: QListWidget, label: str, kind: str, ids: list[str]) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, (kind, ids))
        widget.addItem(item)

    # --- exports (the same builders as `advisor report monthly|ledger`) ----------------------------

    def export_name(self, kind: str, suffix: str = ".xlsx") -> str:
        period = self.period_box.currentText().strip()
        region = self.region_box.currentText().strip() or self.tr("All regions")
        return f"{EXPORTS[kind]}_{region}_{period}{suffix}"

    def ask_export(self, kind: str) -> None:
        """A save dialog in the documents folder, named with the region and period; then export."""
        try:
            self.period()
        except ValidationError as exc:
            self.status.setText(exc.errors.get("period", str(exc)))
            return
        start = documents_dir() / self.export_name(kind)
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export %1").replace("%1", EXPORTS[kind]),
            str(start),
            self.tr("Excel workbook (*.xlsx);;PDF file (*.pdf)"),
        )
        if not path:
            return
        if Path(path).suffix.lower() not in (".xlsx", ".pdf"):
            path += ".pdf" if "pdf" in (chosen or "").lower() else ".xlsx"
        self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> None:
        """Build and write the form off the GUI thread (ui.tasks' long job, with progress)."""
        from advisor_app.reports import forms

        store, region, period = self.store, self.region(), self.period()
        counting, writing = (
            self.tr("Counting %1…"),
            self.tr("Writing %1…"),
        )  # read here, used on the job's thread

        def job(progress) -> Path | None:  # noqa: ANN001 - ui.tasks.Progress
            def cancelled_before_writing() -> bool:
                if progress.cancelled:
                    return True
                progress.report(1, 2, writing.replace("%1", path.name))
                return False

            progress.report(0, 2, counting.replace("%1", EXPORTS[kind]))
            if kind == "monthly":
                # as `advisor report monthly` files it: kept as the period's snapshot once the file
                # is written, and a second export of the period lists the 更正 since the first
                written = forms.export_monthly_filed(
                    store, region, period, path, by=users.actor(store), cancelled=cancelled_before_writing
                )
            else:
                if kind == "rating":
                    sheet = rating_board.sheet(store, region, period)
                else:
                    sheet = forms.ledger(store, region, period)
                written = None if cancelled_before_writing() else forms.export([sheet], path)
            if written is not None:
                progress.report(2, 2)
            return written

        def done(written: Path | None) -> None:
            if written is None:
                self.status.setText(self.tr("Export cancelled"))
                return
            self.last_export = written
            self.status.setText(self.tr("Exported: %1").replace("%1", str(written)))
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("Exported: %1").replace("%1", str(written)), 15000)

        def failed(exc: BaseException) -> None:
            errors = getattr(exc, "errors", None) or {}
            self.status.setText(
                self.tr("Export failed: %1").replace("%1", str(next(iter(errors.values()), None) or exc))
            )

        if self.tasks is None:
            try:
                done(job(_NoProgress()))
            except Exception as exc:  # same report as the threaded path
                failed(exc)
            return
        self.status.setText(self.tr("Exporting %1…").replace("%1", EXPORTS[kind]))
        self.tasks.run_long(
            job,
            title=self.tr("Export %1").replace("%1", EXPORTS[kind]),
            parent=self,
            on_done=done,
            on_error=failed,
            on_cancelled=lambda: done(None),
        )

    # --- drill-down ----------------------------------------------------------------------------------

    def open_figure(self, figure: str, cell: str | None = None) -> None:
        """Find the records behind a figure and hand them on (``openRecords``) or list them."""
        if self.data is None:
            return
        figs = self.data.figures
        if figure == "bad_ratings":
            self.emit_records("ratings", [b.id for b in figs.satisfaction.bad])
            return
        if figure == "unreported":
            self.emit_records("regions", [v.code for v in figs.villages if v.report_status == "未上报"])
            return

        def job() -> tuple[str, list[str]]:
            if figure == "ratings" and cell is None:
                ids: list[str] = []
                for grade in figs.satisfaction.by_grade:
                    ids += service.records(self.store, figs.region_code, figs.period, "ratings", grade)[1]
                return "ratings", ids
            return service.records(self.store, figs.region_code, figs.period, figure, cell, figs.as_of)

        if self.tasks is not None:  # the records are looked up on the database thread too
            self.tasks.run_db(
                job,
                lambda found: self.emit_records(*found),
                lambda exc: self.status.setText(
                    self.tr("The records could not be found: %1").replace("%1", str(exc))
                ),
            )
        else:
            self.emit_records(*job())

    def emit_records(self, kind: str, ids: list[str]) -> None:
        signal = QMetaMethod.fromSignal(self.openRecords)
        if self.isSignalConnected(signal):
            self.openRecords.emit(kind, ids)
            return
        self.show_records_dialog(kind, ids)

    def show_records_dialog(self, kind: str, ids: list[str]) -> None:
        """The simple list of records (for kinds without a list page, or with nothing connected)."""
        if kind == "regions":
            names = {
                self.region_box.itemData(i): self.region_box.itemText(i).strip()
                for i in range(self.region_box.count())
            }
            self._open_dialog([names.get(code) or code for code in ids])
        elif self.tasks is not None:
            self.tasks.run_db(
                lambda: service.describe(self.store, kind, ids),
                self._open_dialog,
                lambda exc: self.status.setText(
                    self.tr("The records could not be found: %1").replace("%1", str(exc))
                ),
            )
        else:
            self._open_dialog(service.describe(self.store, kind, ids))

    def _open_dialog(self, lines: list[str]) -> None:
        self.last_dialog = RecordsDialog(self.tr("Records behind the figure"), lines, self)
        self.last_dialog.open()

    def _open_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.emit_records(*data)

    def _open_township(self, row: int, _column: int) -> None:
        """A county's township row: the page shows that township (same period)."""
        item = self.township_table.item(row, 0)
        index = self.region_box.findData(item.data(Qt.ItemDataRole.UserRole)) if item else -1
        if index >= 0:
            self.region_box.setCurrentIndex(index)  # refreshes

    def _open_village_cell(self, row: int, column: int) -> None:
        code = self.village_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        figure = {2: "roster", 3: "roster", 5: "lectures"}.get(column, "onsite")
        self.open_figure(figure, code)


@dataclass
class RatingBoards:
    """The period's ranking per village and per staff member (rating_board.board, both ways)."""

    villages: list[rating_board.BoardRow]
    staff: list[rating_board.BoardRow]


RATING_COLUMNS = 8  # 名次, name, 评价数, 当事人扫码, 满意率, 差评, 回访率, 整改率


def rating_boards(store: Store, region: str | None, period: Period) -> RatingBoards:
    """The same ranking as `advisor report rating`, for the 统计 page (run on the database thread)."""
    from advisor_app.reports.scope import region_prefix

    prefix = region_prefix(allowed_region(store, region))
    with store.session() as session:
        counted = rating_board.counted_ratings(session, prefix, period)  # read once for both
        return RatingBoards(
            rating_board.board(session, prefix, period, ratings=counted),
            rating_board.board(session, prefix, period, by="staff", ratings=counted),
        )


def rating_cells(rank: int, row: rating_board.BoardRow) -> list[str]:
    """One ranking row as shown: 自评率 is given with the self-rated count (“3（25.0%）”) to keep
    the table inside 1024 px."""
    return [
        str(rank),
        row.label,
        str(row.rated),
        f"{row.self_rated}（{rating_board.shown(row.self_share)}）",
        rating_board.shown(row.satisfaction),
        str(row.bad),
        rating_board.shown(row.follow_up_rate),
        rating_board.shown(row.rectify_rate),
    ]


EXPORTS = {"monthly": "人民调解工作统计月报表", "ledger": "法律顾问工作台账", "rating": "服务评价情况及排名"}


def documents_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class _NoProgress:
    cancelled = False

    def report(self, *_args: object) -> None:
        pass


def _count_axis(axis: QValueAxis, top: int) -> None:
    """A counting axis: whole-number ticks (never “0 0 1 1 2”), about five of them."""
    step = max(1, -(-int(top) // 5))
    axis.setRange(0, step * max(1, -(-int(top) // step)))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")


def month_label(month: str) -> str:
    """“3月” (YYYY-MM in); the years are in the axis title (a year on a label was elided)."""
    return QCoreApplication.translate("DashboardView", "%1月").replace("%1", str(int(month[5:7])))


def months_title(first: str, last: str) -> str:
    """The trend axis title: “2025年12月—2026年11月”."""
    if first == last:
        return ""
    text = QCoreApplication.translate("DashboardView", "%1/%2 – %3/%4")
    for n, part in enumerate((first[:4], str(int(first[5:7])), last[:4], str(int(last[5:7]))), start=1):
        text = text.replace(f"%{n}", part)
    return text


def pie_label(grade: str, n: int, total: int) -> str:
    """The legend entry of one grade: its full name, the count and the share (“满意 12（40%）”)."""
    share = round(100 * n / total) if total else 0
    text = QCoreApplication.translate("DashboardView", "%1 %2 (%3%)")
    return text.replace("%1", grade).replace("%2", str(n)).replace("%3", str(share))
