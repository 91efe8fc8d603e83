"""Import wizard: files and case, how each file is read (on a preview), the import itself, a summary.

Page 1 picks the files and the case (an existing one, or a new number and title). Page 2 shows, for each
file, what :func:`linkview.ingest.preview` detected (kind, encoding, delimiter, header row, column
mapping) on the first rows, every part editable, with saved specs to reuse and "Save this spec". Page 3
reads every file and stores it through the task runner with a progress bar and Cancel: files are read
first (nothing is written until all are read), then each is stored in one transaction. Page 4 sums up
what was imported and rejected, with the first reasons.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from linkview.errors import LinkViewError
from linkview.ui.cases_dock import make_table
from linkview.ui.models import FrameModel
from linkview.ui.resources import icon
from linkview.ui.session import Session, in_worker_workspace
from linkview.ui.tasks import Task, TaskRunner

__all__ = ["ImportWizard", "FileChoice", "import_files", "specs_dir"]

log = logging.getLogger(__name__)

_KINDS = ("calls", "transfers", "ads")
_ENCODINGS = ("", "utf-8", "utf-8-sig", "cp1251", "cp866", "koi8-r", "utf-16")
_DELIMITERS = (("", ""), (";", ";"), (",", ","), ("\\t", "\t"), ("|", "|"))


def specs_dir() -> Path:
    """Folder of saved import specs (under the user's data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(base or Path.home() / ".linkview") / "import_specs"
    return path


@dataclass
class FileChoice:
    """One file of the wizard and how the user wants it read."""

    path: Path
    spec: dict[str, Any] = field(default_factory=dict)   # ImportSpec fields set by the user
    preview: Any = None                                  # the last ingest.Preview
    error: str = ""


def _report(progress, lo: float, span: float, prefix: str, fraction: float, message: str = "") -> None:
    if progress is not None:
        progress(lo + fraction * span, f"{prefix}: {message}" if message and prefix else (message or prefix))


def import_files(ws, files: list[tuple[str, dict]], *, case_number: str, case_title: str = "",
                 progress=None, should_cancel=None) -> list:
    """Read every file, then store each one (runs in a worker on its own connection).

    Reading writes nothing, so a cancel while reading keeps nothing; each stored file is one transaction.
    """
    from linkview.errors import Cancelled
    from linkview.ingest import ImportSpec, read_file

    n = len(files)
    batches = []
    for i, (path, spec) in enumerate(files):
        part = functools.partial(_report, progress, i / n * 0.8, 0.8 / n, Path(path).name)
        batches.append(read_file(path, case_number=case_number, spec=ImportSpec.from_dict(spec) if spec else None,
                                 case_title=case_title, progress=part, should_cancel=should_cancel))
    if should_cancel is not None and should_cancel():
        raise Cancelled("import cancelled")
    results = []
    for i, batch in enumerate(batches):
        part = functools.partial(_report, progress, 0.8 + i / n * 0.2, 0.2 / n, batch.source.name)
        results.append(ws.import_batch(batch, progress=part, should_cancel=should_cancel))
    return results


class FilesPage(QWizardPage):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session
        self.setTitle(self.tr("Files and case"))
        self.setSubTitle(self.tr("Choose the files to import and the case they belong to."))
        self.files = QListWidget(self)
        self.files.setObjectName("import_files")
        self.add_button = QPushButton(icon("action_open"), self.tr("Add files…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.existing = QRadioButton(self.tr("Existing case:"), self)
        self.case_combo = QComboBox(self)
        self.new = QRadioButton(self.tr("New case:"), self)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("case number"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("title (optional)"))
        group = QButtonGroup(self)
        group.addButton(self.existing)
        group.addButton(self.new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        case_box = QGroupBox(self.tr("Case"), self)
        grid = QGridLayout(case_box)
        grid.addWidget(self.existing, 0, 0)
        grid.addWidget(self.case_combo, 0, 1, 1, 2)
        grid.addWidget(self.new, 1, 0)
        grid.addWidget(self.number, 1, 1)
        grid.addWidget(self.title, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files:"), self))
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        layout.addWidget(case_box)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for signal in (self.existing.toggled, self.number.textChanged, self.case_combo.currentIndexChanged):
            signal.connect(self._on_input_changed)

    def initializePage(self) -> None:  # Qt override
        self.case_combo.clear()
        for case in self._session.cases():
            self.case_combo.addItem(f"{case.number}  {case.title}".strip(), case.number)
        has_cases = self.case_combo.count() > 0
        self.existing.setEnabled(has_cases)
        self.case_combo.setEnabled(has_cases)
        (self.existing if has_cases else self.new).setChecked(True)

    def add_files(self, paths) -> None:
        known = set(self.paths())
        for path in paths:
            if str(path) not in known:
                self.files.addItem(str(path))
        self.completeChanged.emit()

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def case_number(self) -> str:
        if self.existing.isChecked():
            return str(self.case_combo.currentData() or "")
        return self.number.text().strip()

    def case_title(self) -> str:
        return "" if self.existing.isChecked() else self.title.text().strip()

    def isComplete(self) -> bool:  # Qt override
        return bool(self.paths()) and bool(self.case_number())

    def _on_add_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Files to import"), "",
            self.tr("Call records, statements, ad responses (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;All files (*)"))
        self.add_files(paths)

    def _on_remove_clicked(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.completeChanged.emit()

    def _on_input_changed(self, *args) -> None:
        self.number.setEnabled(self.new.isChecked())
        self.title.setEnabled(self.new.isChecked())
        self.completeChanged.emit()


class MappingPage(QWizardPage):
    """How each file is read, shown on its first rows; every detected setting can be changed."""

    preview_updated = Signal(int)     # index of the file whose preview was refreshed

    def __init__(self, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.choices: list[FileChoice] = []
        self._current = -1
        self._task: Task | None = None
        self._loading = False
        self.field_combos: dict[str, QComboBox] = {}
        self.setTitle(self.tr("How to read each file"))
        self.setSubTitle(self.tr("Check what was detected on the first rows; change anything that is wrong."))

        self.file_combo = QComboBox(self)
        self.kind_combo = QComboBox(self)
        for kind, label in zip(_KINDS, (self.tr("calls"), self.tr("transfers"), self.tr("ad accounts")), strict=True):
            self.kind_combo.addItem(label, kind)
        self.encoding_combo = QComboBox(self)
        for enc in _ENCODINGS:
            self.encoding_combo.addItem(enc or self.tr("detect"), enc)
        self.delimiter_combo = QComboBox(self)
        for label, value in _DELIMITERS:
            self.delimiter_combo.addItem(label or self.tr("detect"), value)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(0, 500)
        self.header_spin.setSpecialValueText(self.tr("none"))
        self.spec_combo = QComboBox(self)
        self.save_spec_button = QPushButton(icon("action_save"), self.tr("Save this spec…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.mapping_box = QWidget(self)
        self.mapping_form = QFormLayout(self.mapping_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)
        scroll.setMinimumWidth(440)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sample_model = FrameModel((), self)
        self.sample_table: QTableView = make_table(self.sample_model, self)
        self.sample_table.setObjectName("import_sample")

        top = QFormLayout()
        top.addRow(self.tr("File:"), self.file_combo)
        settings = QHBoxLayout()
        for label, widget in ((self.tr("Kind:"), self.kind_combo), (self.tr("Encoding:"), self.encoding_combo),
                              (self.tr("Delimiter:"), self.delimiter_combo),
                              (self.tr("Header row:"), self.header_spin)):
            settings.addWidget(QLabel(label, self))
            settings.addWidget(widget)
        settings.addStretch(1)
        top.addRow(settings)
        specs = QHBoxLayout()
        specs.addWidget(self.spec_combo, 1)
        specs.addWidget(self.save_spec_button)
        top.addRow(self.tr("Saved spec:"), specs)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(scroll)
        body.addWidget(self.sample_table)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(body, 1)

        self.file_combo.currentIndexChanged.connect(self._on_file_combo_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.encoding_combo.currentIndexChanged.connect(self._on_read_setting_changed)
        self.delimiter_combo.currentIndexChanged.connect(self._on_read_setting_changed)
        self.header_spin.valueChanged.connect(self._on_read_setting_changed)
        self.spec_combo.activated.connect(self._on_spec_activated)
        self.save_spec_button.clicked.connect(self._on_save_spec_clicked)

    # Qt overrides ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        paths = self.wizard().files_page.paths()
        old = {str(c.path): c for c in self.choices}
        self.choices = [old.get(p) or FileChoice(Path(p)) for p in paths]
        self._refresh_specs()
        self._loading = True
        self.file_combo.clear()
        for choice in self.choices:
            self.file_combo.addItem(choice.path.name)
        self._loading = False
        self._current = -1
        self._show(0)

    def isComplete(self) -> bool:
        return bool(self.choices) and all(c.preview is not None and not c.error and not self.missing(c)
                                          for c in self.choices)

    # state -------------------------------------------------------------------------------------
    @property
    def current(self) -> FileChoice | None:
        return self.choices[self._current] if 0 <= self._current < len(self.choices) else None

    def missing(self, choice: FileChoice) -> list[str]:
        from linkview.ingest.fields import missing_requirements

        kind = choice.spec.get("kind") or getattr(choice.preview, "kind", None)
        if kind is None:
            return ["kind"]
        return missing_requirements(kind, self._mapping(choice))

    def _mapping(self, choice: FileChoice) -> dict[str, str]:
        mapping = dict(getattr(choice.preview, "mapping", {}) or {})
        mapping.update(choice.spec.get("columns", {}))
        return {f: c for f, c in mapping.items() if c}

    def spec_of(self, choice: FileChoice) -> dict[str, Any]:
        """The ImportSpec (as a dict) the file will be read with: detected values plus the user's."""
        p = choice.preview
        spec = {"kind": choice.spec.get("kind") or getattr(p, "kind", None),
                "encoding": choice.spec.get("encoding") or getattr(p, "encoding", None),
                "delimiter": choice.spec.get("delimiter") or getattr(p, "delimiter", None),
                "sheet": choice.spec.get("sheet", getattr(p, "sheet", None)),
                "header_row": choice.spec.get("header_row", getattr(p, "header_row", None)),
                "columns": self._mapping(choice)}
        for key in ("target", "party_kind", "options"):
            if choice.spec.get(key):
                spec[key] = choice.spec[key]
        return spec

    def _show(self, index: int) -> None:
        if not (0 <= index < len(self.choices)):
            return
        self._current = index
        choice = self.choices[index]
        if choice.preview is None and not choice.error:
            self.refresh_preview()
        else:
            self._fill(choice)

    def refresh_preview(self) -> Task | None:
        """Re-read the first rows of the current file with its spec, in the background."""
        choice = self.current
        if choice is None:
            return None
        from linkview.ingest import ImportSpec, preview

        if self._task is not None and self._task.running:
            self._task.cancel()
        spec = {k: v for k, v in choice.spec.items() if k != "columns"}
        self.status.setText(self.tr("Reading the first rows of {file}…").format(file=choice.path.name))
        index = self._current

        def work(path, spec, *, progress, should_cancel):
            return preview(path, spec=ImportSpec.from_dict(spec) if spec else None, nrows=50)

        task = self._runner.submit(work, str(choice.path), spec, title=self.tr("Preview"), report_errors=False)
        self._task = task
        task.succeeded.connect(lambda result, t=task, i=index: self._on_preview_done(t, i, result, ""))
        task.failed.connect(lambda message, details, t=task, i=index: self._on_preview_done(t, i, None, message))
        return task

    def _on_preview_done(self, task: Task, index: int, result, error: str) -> None:
        if task is not self._task or index >= len(self.choices):
            return
        choice = self.choices[index]
        choice.preview, choice.error = result, error
        if index == self._current:
            self._fill(choice)
        self.completeChanged.emit()
        self.preview_updated.emit(index)

    def _fill(self, choice: FileChoice) -> None:
        """Put a file's detected (or chosen) settings, mapping and sample on the page."""
        self._loading = True
        try:
            p = choice.preview
            if choice.error or p is None:
                self.status.setText(self.tr("Cannot read {file}: {error}").format(file=choice.path.name,
                                                                                error=choice.error))
                self.sample_model.set_frame(None)
                self._build_mapping(None, [], {})
                return
            spec = self.spec_of(choice)
            self._select(self.kind_combo, spec["kind"])
            self._select(self.encoding_combo, choice.spec.get("encoding") or "")
            self._select(self.delimiter_combo, choice.spec.get("delimiter") or "")
            self.header_spin.setValue(int(spec["header_row"] or 0))
            sample = getattr(p, "sample", None)
            self.sample_model.set_columns([])
            self.sample_model.set_frame(sample)
            columns = [str(c) for c in (getattr(p, "columns", None) or (list(sample.columns) if sample is not None else []))]
            self._build_mapping(spec["kind"], columns, spec["columns"])
            self._update_status(choice)
        finally:
            self._loading = False

    def _update_status(self, choice: FileChoice) -> None:
        p = choice.preview
        detected = self.tr("Detected: {kind}, encoding {enc}, delimiter {delim}, header on row {row}.").format(
            kind=self._kind_label(getattr(p, "kind", None)), enc=getattr(p, "encoding", None) or "—",
            delim=repr(getattr(p, "delimiter", None) or "—"), row=getattr(p, "header_row", None) or "—")
        lines = [detected]
        lines += [str(w) for w in (getattr(p, "warnings", None) or [])]
        missing = self.missing(choice)
        if missing:
            lines.append(self.tr("Still missing: {fields}. Choose the columns below.").format(fields=", ".join(missing)))
        self.status.setText("\n".join(lines))

    def _kind_label(self, kind: str | None) -> str:
        index = self.kind_combo.findData(kind)
        return self.kind_combo.itemText(index) if index >= 0 else "?"

    def _build_mapping(self, kind: str | None, columns: list[str], mapping: dict[str, str]) -> None:
        from linkview.ingest.fields import FIELDS

        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.field_combos = {}
        if kind not in FIELDS:
            return
        for name, info in FIELDS[kind].items():
            combo = QComboBox(self.mapping_box)
            combo.setObjectName(f"field_{name}")
            combo.addItem(self.tr("(not in this file)"), "")
            for column in columns:
                combo.addItem(column, column)
            self._select(combo, mapping.get(name, ""))
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._on_field_changed(n, c))
            label = self._field_label(name, info)
            combo.setToolTip(", ".join(info.all_aliases()))
            self.field_combos[name] = combo
            self.mapping_form.addRow(label, combo)

    @staticmethod
    def _field_label(name: str, info) -> str:
        """A field as the user reads it: its usual header in the window's language, the code, * if needed."""
        from PySide6.QtWidgets import QApplication

        lang = str(QApplication.instance().property("linkview_language") or "en")
        aliases = info.aliases.get(lang) or info.aliases.get("en") or ()
        text = f"{aliases[0]} ({name})" if aliases and aliases[0].casefold() != name.casefold() else name
        return f"{text} *" if info.required else text

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def set_field(self, name: str, column: str) -> None:
        """Map a field to a column of the current file (what choosing in its combo does)."""
        combo = self.field_combos[name]
        self._select(combo, column)

    def _refresh_specs(self) -> None:
        self.spec_combo.clear()
        self.spec_combo.addItem(self.tr("(detect from the file)"), "")
        folder = specs_dir()
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                self.spec_combo.addItem(path.stem, str(path))

    def apply_spec(self, path: str | Path) -> Task | None:
        from linkview.ingest import ImportSpec

        choice = self.current
        if choice is None:
            return None
        try:
            spec = ImportSpec.load(path).to_dict()
        except LinkViewError as exc:
            QMessageBox.warning(self, self.tr("Saved spec"), str(exc))
            return None
        choice.spec = {k: v for k, v in spec.items() if v not in (None, {}, "")}
        return self.refresh_preview()

    def save_spec(self, name: str) -> Path | None:
        from linkview.ingest import ImportSpec

        choice = self.current
        if choice is None or choice.preview is None:
            return None
        folder = specs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(ch for ch in name if ch.isalnum() or ch in " -_.").strip() or "spec"
        path = folder / f"{safe}.json"
        ImportSpec.from_dict(self.spec_of(choice)).save(path)
        self._refresh_specs()
        self._select(self.spec_combo, str(path))
        return path

    # signals -----------------------------------------------------------------------------------
    def _on_file_combo_changed(self, index: int) -> None:
        if not self._loading:
            self._show(index)

    def _on_kind_changed(self, _index: int) -> None:
        choice = self.current
        if self._loading or choice is None or choice.preview is None:
            return
        kind = self.kind_combo.currentData()
        choice.spec["kind"] = kind
        choice.spec.pop("columns", None)
        self.refresh_preview()

    def _on_read_setting_changed(self, *_args) -> None:
        choice = self.current
        if self._loading or choice is None:
            return
        choice.spec["encoding"] = self.encoding_combo.currentData() or None
        choice.spec["delimiter"] = self.delimiter_combo.currentData() or None
        choice.spec["header_row"] = self.header_spin.value()
        choice.spec.pop("columns", None)
        self.refresh_preview()

    def _on_field_changed(self, name: str, combo: QComboBox) -> None:
        choice = self.current
        if self._loading or choice is None:
            return
        columns = dict(choice.spec.get("columns", {}))
        columns[name] = combo.currentData() or ""
        choice.spec["columns"] = columns
        self._update_status(choice)
        self.completeChanged.emit()

    def _on_spec_activated(self, index: int) -> None:
        path = self.spec_combo.itemData(index)
        choice = self.current
        if not path and choice is not None:
            choice.spec = {}
            self.refresh_preview()
        elif path:
            self.apply_spec(path)

    def _on_save_spec_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save this spec"),
                                        self.tr("Name (e.g. the sender: Kcell calls 2024):"))
        if ok and name.strip():
            self.save_spec(name.strip())


class ImportPage(QWizardPage):
    """Runs the import with a progress bar; Back/Next wait until it ends. Cancel keeps nothing unfinished."""

    def __init__(self, session: Session, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self._session, self._runner = session, runner
        self.task: Task | None = None
        self.results: list = []
        self.error = ""
        self.setTitle(self.tr("Importing"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.cancel_button.clicked.connect(self.cancel)

    def initializePage(self) -> None:
        wizard = self.wizard()
        files = [(str(c.path), wizard.mapping_page.spec_of(c)) for c in wizard.mapping_page.choices]
        self.results, self.error = [], ""
        self.bar.setValue(0)
        self.label.setText(self.tr("Reading %n file(s)…", "", len(files)))
        self.cancel_button.setEnabled(True)
        self.task = self._runner.submit(
            in_worker_workspace, self._session.path, import_files, files,
            case_number=wizard.files_page.case_number(), case_title=wizard.files_page.case_title(),
            title=self.tr("Import"), report_errors=False)
        self.task.progressed.connect(self._on_task_progressed)
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.cancelled.connect(self._on_task_cancelled)
        self.task.ended.connect(self._on_task_ended)
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.label.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def isComplete(self) -> bool:
        return self.task is not None and not self.task.running and bool(self.results)

    def _on_task_progressed(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.label.setText(message)

    def _on_task_succeeded(self, results: list) -> None:
        self.results = list(results)
        self.bar.setValue(1000)
        self.label.setText(self.tr("Done."))

    def _on_task_failed(self, message: str, details: str) -> None:
        self.error = message
        self.label.setText(self.tr("The import failed; nothing of the file being imported was kept.\n{error}")
                           .format(error=message))

    def _on_task_cancelled(self) -> None:
        self.label.setText(self.tr("Import cancelled; nothing was kept."))
        self.bar.setValue(0)

    def _on_task_ended(self) -> None:
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.wizard().import_ended.emit(self.results)


class SummaryPage(QWizardPage):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session
        self.setTitle(self.tr("Imported"))
        self.model = FrameModel([
            ("file", self.tr("File")), ("case_number", self.tr("Case")), ("events", self.tr("Events")),
            ("links", self.tr("Links")), ("rejected_errors", self.tr("Rows rejected")),
            ("rejected_warnings", self.tr("Values flagged")), ("new_entities", self.tr("New entities")),
        ], self)
        self.table = make_table(self.model, self)
        self.table.setObjectName("import_summary")
        self.reasons_model = FrameModel([
            ("file", self.tr("File")), ("row", self.tr("Row")), ("column", self.tr("Column")),
            ("severity", self.tr("Severity")), ("reason", self.tr("Reason")),
        ], self)
        self.reasons = make_table(self.reasons_model, self)
        self.reasons.setObjectName("import_reasons")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("First rejected rows and flagged values:"), self))
        layout.addWidget(self.reasons)

    def initializePage(self) -> None:
        import pandas as pd

        results = self.wizard().import_page.results
        self.model.set_frame(pd.DataFrame([r.to_dict() for r in results]))
        frames = []
        for r in results:
            rejected = self._session.ws.rejected(source_id=r.source_id) if self._session.ws else None
            if rejected is not None and len(rejected):
                frames.append(rejected.head(20).assign(file=r.file))
        self.reasons_model.set_frame(pd.concat(frames, ignore_index=True) if frames else None)


class ImportWizard(QWizard):
    """The import wizard; emits ``import_ended(results)`` when the import task ends."""

    import_ended = Signal(object)    # list[ImportResult] (empty when cancelled or failed)

    def __init__(self, session: Session, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import files"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(980, 640)
        self.files_page = FilesPage(session, self)
        self.mapping_page = MappingPage(runner, self)
        self.import_page = ImportPage(session, runner, self)
        self.summary_page = SummaryPage(session, self)
        for page in (self.files_page, self.mapping_page, self.import_page, self.summary_page):
            self.addPage(page)
        self.mapping_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

    def reject(self) -> None:  # Qt override: cancelling the wizard cancels a running import
        self.import_page.cancel()
        super().reject()
