"""First run: who uses this computer (role), where (township; a 县司法局 its county), the
township's villages, and optionally demo data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from advisor_app.domain import roles
from advisor_app.domain.roles import Role
from advisor_app.domain.validation import ValidationError
from advisor_app.services import regions, setup
from ui.forms import FormDialog
from ui.villages import VillageLines
from ui.widgets import combo

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class RoleChoice(QWidget):
    """One click picks the role of this installation."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for role in setup.ROLES:
            button = QRadioButton(role)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[role] = button
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def value(self) -> str | None:
        return next((role for role, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: str | None) -> None:
        for role, button in self.buttons.items():
            button.setChecked(role == value)


# the city server's account roles (sync.server scope) and the desk's: adviser, mediator, township, county
ACCOUNT_ROLES = roles.ACCOUNT_ROLES


class FirstRunDialog(FormDialog):
    """Role, township, the township's villages (typed, pasted or from a CSV), name, demo data.

    Saving configures the installation and adds the villages in one database job. A clerk with a
    city account logs in here instead (or later on 同步): the login downloads the account's villages,
    and the role, township and (for an adviser or mediator) their villages follow the account.
    A 县司法局 picks its county in the same field (the counties are offered instead of the
    townships) and types no villages: it reads what its townships record.
    """

    def __init__(self, store: Store, tasks: Any, parent: Any = None) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.setWindowTitle(self.tr("Welcome to the village legal service desk"))
        self.resize(620, 560)
        self.add_field("role", self.tr("I am a"), RoleChoice())
        townships = [(t.name, t.code) for t in setup.townships(store)]
        self.add_field("region_code", self.tr("Township"), combo(townships))
        self.region_label = self.panel.form.labelForField(self.panel.rows["region_code"])
        self._offers_counties = False
        self.village_lines = VillageLines()
        self.add_field("villages", self.tr("Villages of the township"), self.village_lines)
        self.village_note = QLabel()
        self.village_note.setWordWrap(True)
        self.add_row("", self.village_note)
        self.login_button = QPushButton(self.tr("Log in with the city server account…"))
        self.login_button.setToolTip(
            self.tr("Downloads the township and villages of the account and sets the role from it")
        )
        self.login_button.clicked.connect(self.log_in)
        self.account: dict[str, Any] | None = None
        self.add_row("", self.login_button)
        self.add_field("user", self.tr("Your name"), QLineEdit())
        self.add_field(
            "demo", self.tr("Demo data"), QCheckBox(self.tr("Fill in demo records to try the program"))
        )
        self.demo_counts: dict[str, int] | None = None
        self.added: list[Any] = []
        self.fields["role"].changed.connect(self._role_changed)
        self.fields["region_code"].currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _offer_regions(self, counties: bool, pick: str | None = None) -> None:
        """The home region's choices: the counties for a 县司法局, else the townships; ``pick``
        selects one (a code of the list, or of a region under one of them)."""
        box = self.fields["region_code"]
        current = pick or box.currentData()
        box.blockSignals(True)
        box.clear()
        for region in setup.counties(self.store) if counties else setup.townships(self.store):
            box.addItem(region.name, region.code)
        index = next(
            (
                i
                for i in range(box.count())
                if current and str(current).startswith(roles.code_prefix(box.itemData(i)))
            ),
            0 if box.count() else -1,
        )
        box.setCurrentIndex(index)
        box.blockSignals(False)
        self._offers_counties = counties
        self.region_label.setText(self.tr("County") if counties else self.tr("Township"))
        # a county types no villages: its townships keep them, the login downloads them
        for widget in (self.panel.rows["villages"], self.village_note):
            self.panel.form.setRowVisible(widget, not counties)

    def _role_changed(self) -> None:
        """Say what the villages are for, and which are already known for the township."""
        role = self.fields["role"].value()
        if role:
            self.panel.rows["role"].show_error(None)  # answered: the “请选择身份” line goes
        if (role == Role.COUNTY) != self._offers_counties:
            self._offer_regions(role == Role.COUNTY)
        code = self.fields["region_code"].currentData()
        known = [v.name for v in regions.villages_under(self.store, code) if not v.retired] if code else []
        own = role in setup.SERVING_ROLES
        text = self.tr("The villages you serve become this computer's default scope; ") if own else ""
        if known:
            text += self.tr("Already known: %1; more may be added.").replace("%1", "、".join(known))
        else:
            text += self.tr(
                "One village per line (paste, or import a CSV of village name / region code); villages "
                "can also be added later under Settings → Villages, or downloaded by logging in to the "
                "city server."
            )
        self.village_note.setText(text)

    # --- the city account ------------------------------------------------------------------------

    def log_in(self) -> None:
        """The 同步 login dialog; the login (off the GUI thread) saves the account's regions."""
        from ui.login_dialog import LoginDialog
        from ui.sync_status import controller_for

        self.login_dialog = LoginDialog(controller_for(self.store, self.tasks), self)
        self.login_dialog.accepted.connect(lambda: self.use_account(self.login_dialog.account or {}))
        self.login_dialog.open()

    def use_account(self, account: dict[str, Any]) -> None:
        """Role, township and villages as the city server has them for this account."""
        self.account = account
        role = ACCOUNT_ROLES.get(account.get("role", ""))
        if role:
            self.fields["role"].set_value(role)
        # the account's first region, or the township (county) above it, becomes the home region
        county = role == Role.COUNTY
        regions_given = account.get("regions") or []
        self._offer_regions(county, pick=regions_given[0] if regions_given else None)
        if not self.fields["user"].text():
            self.fields["user"].setText(account.get("username", ""))
        self.login_button.setText(
            self.tr("Logged in: %1 (%2)")
            .replace("%1", account.get("username", ""))
            .replace("%2", role or account.get("role", ""))
        )
        self._role_changed()

    def submit(self, data: dict[str, Any]) -> Any:
        setup.configure(self.store, data["role"] or "", data["region_code"] or "", data["user"])
        if data["role"] == Role.COUNTY:  # reads its townships' records: no villages of its own
            return data
        # an adviser or mediator serves the villages the account was given, plus any typed here
        served = [c for c in (self.account or {}).get("regions") or [] if not c.endswith("000")]
        entries = data.get("villages") or []
        errors: dict[int, str] = {}
        if entries:
            added, errors = setup.add_villages(self.store, data["region_code"], entries)
            self.added = added
            served += [v.code for v in added]
        if data["role"] in setup.SERVING_ROLES and served:
            setup.set_served_villages(self.store, served)
        if errors:
            # the installation is set up and the good lines kept; the bad ones are named
            line = self.tr("Line %1: %2")
            raise ValidationError(
                {
                    "villages": "；".join(
                        line.replace("%1", str(n)).replace("%2", m) for n, m in errors.items()
                    )
                }
            )
        return data

    def save(self, then: Any = None) -> None:
        """With 演示数据 ticked the dialog stays open while the demo is made on a thread of its own."""
        if then is None and self.fields["demo"].isChecked():
            super().save(then=self._load_demo)
        else:
            super().save(then)

    def _load_demo(self, _record: Any) -> None:
        """Printing the signed demo agreements takes seconds: a progress dialog, the GUI stays live."""

        def finished(counts: Any = None) -> None:
            self.demo_counts = counts
            self.done(QDialog.DialogCode.Accepted)

        def failed(exc: BaseException) -> None:
            self.show_errors(
                {"demo": self.tr("Demo data: could not be made; run the command advisor demo-data later")}
            )

        if self.tasks is None:
            finished(load_demo(self.store))
            return
        self.tasks.run_long(
            lambda progress: load_demo(self.store, progress=progress),
            title=self.tr("Making demo data (printing the signed agreements)…"),
            parent=self,
            on_done=finished,
            on_error=failed,
            on_cancelled=finished,  # the data is made by then: the cancel only hides the bar
        )

    def after_save(self, record: Any) -> None:
        self.village_lines.set_value("")


def load_demo(
    store: Store, consultations: int = 2000, cases: int = 300, progress: Any = None
) -> dict[str, int]:
    """The lead's synthetic county (advisor_app.demo); the home region moves to a demo township.

    Run off the GUI thread (``progress`` is the long job's :class:`ui.tasks.Progress`); one process:
    forking a process that runs Qt threads is unsafe.
    """
    from advisor_app import demo

    def report(done: int, total: int) -> None:
        if progress is not None:
            text = QCoreApplication.translate(
                "FirstRunDialog", "Printing the signed demo agreements (%1/%2)…"
            )
            progress.report(done, total, text.replace("%1", str(done)).replace("%2", str(total)))

    return demo.generate(store, seed=1, consultations=consultations, cases=cases, progress=report)
