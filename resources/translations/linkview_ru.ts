<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CasesDock</name>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="104"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="113"/>
        <location filename="../../linkview/ui/cases_dock.py" line="118"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="113"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="113"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="114"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="114"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="118"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="118"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="119"/>
        <source>Severity</source>
        <translation>Серьёзность</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="119"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="133"/>
        <source>New case…</source>
        <translation>Новое дело…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="134"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="135"/>
        <source>None</source>
        <translation>Ни одного</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="137"/>
        <source>Put every case in scope, or none</source>
        <translation>Включить в анализ все дела или ни одного</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="144"/>
        <source>Export rejected rows…</source>
        <translation>Экспорт отклонённых строк…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="152"/>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="153"/>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/cases_dock.py" line="216"/>
        <source>%n case(s) in scope</source>
        <translation>
            <numerusform>%n дело в анализе</numerusform>
            <numerusform>%n дела в анализе</numerusform>
            <numerusform>%n дел в анализе</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="250"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="267"/>
        <location filename="../../linkview/ui/cases_dock.py" line="273"/>
        <source>Export rejected rows</source>
        <translation>Экспорт отклонённых строк</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="268"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="140"/>
        <source>Entities</source>
        <translation>Объекты</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="140"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="20"/>
        <source>degree (neighbours)</source>
        <translation>степень (соседи)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="21"/>
        <source>number of cases</source>
        <translation>число дел</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="22"/>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="23"/>
        <source>number of events</source>
        <translation>число событий</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="24"/>
        <source>community</source>
        <translation>сообщество</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="60"/>
        <source>Click to fold or unfold the legend</source>
        <translation>Щёлкните, чтобы свернуть или развернуть легенду</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="107"/>
        <source>▸ Legend</source>
        <translation>▸ Легенда</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="123"/>
        <source>Size: {m} ({lo}–{hi})</source>
        <translation>Размер: {m} ({lo}–{hi})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="127"/>
        <source>Colour: community ({n} groups)</source>
        <translation>Цвет: сообщество ({n} групп)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="131"/>
        <source>(colours repeat after {k})</source>
        <translation>(цвета повторяются после {k})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="134"/>
        <source>Colour: {m} ({lo} purple – {hi} yellow)</source>
        <translation>Цвет: {m} ({lo} фиолетовый – {hi} жёлтый)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="137"/>
        <source>Line width: {m}</source>
        <translation>Толщина линии: {m}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="132"/>
        <source>&amp;Find entity…</source>
        <translation>&amp;Найти объект…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="133"/>
        <source>&amp;Expand</source>
        <translation>&amp;Раскрыть связи</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="134"/>
        <source>Bring the neighbours of the selected entities onto the chart</source>
        <translation>Вывести на схему соседей выбранных объектов</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="135"/>
        <source>&amp;Hide</source>
        <translation>&amp;Скрыть</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="136"/>
        <source>Hide the selected entities</source>
        <translation>Скрыть выбранные объекты</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="137"/>
        <source>&amp;Pin</source>
        <translation>&amp;Закрепить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="138"/>
        <source>Pin the selected entities where they are</source>
        <translation>Закрепить выбранные объекты на месте</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="139"/>
        <source>U&amp;npin</source>
        <translation>&amp;Открепить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="140"/>
        <source>Let a layout move the selected entities again</source>
        <translation>Разрешить раскладке снова двигать выбранные объекты</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="141"/>
        <source>&amp;Fit to view</source>
        <translation>&amp;Показать всё</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="142"/>
        <location filename="../../linkview/ui/chart_panel.py" line="248"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="143"/>
        <location filename="../../linkview/ui/chart_panel.py" line="250"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="144"/>
        <source>&amp;Layout</source>
        <translation>&amp;Разложить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="145"/>
        <source>Lay the chart out again (pinned entities stay)</source>
        <translation>Заново разложить схему (закреплённые объекты остаются)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="155"/>
        <source>Find a phone, IMEI, card, IBAN, wallet, e-mail… in any spelling</source>
        <translation>Найти телефон, IMEI, карту, IBAN, кошелёк, эл. почту… в любом написании</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="160"/>
        <source>Size: same · colour: kind</source>
        <translation>Размер: одинаковый · цвет: тип</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="160"/>
        <source>Size by links (degree)</source>
        <translation>Размер по числу связей (степень)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="161"/>
        <source>Size by number of cases</source>
        <translation>Размер по числу дел</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="161"/>
        <source>Size by amount</source>
        <translation>Размер по сумме</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="162"/>
        <source>Colour by community</source>
        <translation>Цвет по сообществу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="165"/>
        <source>Chart</source>
        <translation>Схема</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="236"/>
        <source>The saved chart could not be read; a new one will be drawn.</source>
        <translation>Сохранённую схему не удалось прочитать; будет построена новая.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="247"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="249"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Повторить: {what}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="295"/>
        <source>The cases in scope hold {n:,} entities and no ring. Find an entity to start from, or draw them all (this may take a while).</source>
        <translation>В выбранных делах {n:,} объектов и ни одной группы. Найдите объект, с которого начать, или покажите все (это может занять время).</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="297"/>
        <source>Draw all</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="304"/>
        <source>Laying out the chart</source>
        <translation>Раскладка схемы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="314"/>
        <source>The chart shows the members of {n} ring(s) and their closest neighbours.</source>
        <translation>На схеме участники преступных групп ({n}) и их ближайшие связи.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="335"/>
        <source>The graph of the scope is still being built.</source>
        <translation>Граф выбранных дел ещё строится.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="340"/>
        <source>{name} ({n} links)</source>
        <translation>{name} (связей: {n})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="342"/>
        <source>Supernode: {names}. It may be a public number or an exchange; mark it as a hub in the inspector.</source>
        <translation>Сверхузел: {names}. Возможно, это общедоступный номер или биржа; отметьте его как узел-хаб в инспекторе.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="345"/>
        <source>Only the {cap} strongest neighbours were added; {skipped} left out.</source>
        <translation>Добавлены только {cap} самых сильных связей; пропущено {skipped}.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="349"/>
        <source>No more neighbours in the cases in scope.</source>
        <translation>В выбранных делах больше нет связей.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/chart_panel.py" line="353"/>
        <source>Added %n entities.</source>
        <translation>
            <numerusform>Добавлен %n объект.</numerusform>
            <numerusform>Добавлено %n объекта.</numerusform>
            <numerusform>Добавлено %n объектов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="418"/>
        <source>Nothing in this workspace matches “{text}”.</source>
        <translation>В этом рабочем пространстве ничего не найдено по запросу «{text}».</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="431"/>
        <source>{what} is not in the cases in scope; it was seen in: {cases}. Tick those cases in the Cases dock.</source>
        <translation>{what} отсутствует в выбранных делах; встречается в делах: {cases}. Отметьте эти дела на панели «Дела».</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="467"/>
        <source>Layout</source>
        <translation>Раскладка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="492"/>
        <source>Communities</source>
        <translation>Сообщества</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="503"/>
        <source>Hub mark saved; the rings are being found again.</source>
        <translation>Отметка хаба сохранена; группы пересчитываются.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="218"/>
        <source>{n:,} entities, {m:,} links</source>
        <translation>Объектов: {n:,}, связей: {m:,}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="220"/>
        <source> · {p:.0%} of links drawn at this zoom</source>
        <translation> · при этом масштабе показано {p:.0%} связей</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="450"/>
        <source>Cases: {c}</source>
        <translation>Дела: {c}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="450"/>
        <source>Degree: {d}</source>
        <translation>Степень: {d}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="453"/>
        <source>Note: {n}</source>
        <translation>Заметка: {n}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="461"/>
        <source>Expand</source>
        <translation>Раскрыть</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="462"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="463"/>
        <source>Pin</source>
        <translation>Закрепить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="464"/>
        <source>Unpin</source>
        <translation>Открепить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="465"/>
        <source>Select neighbours</source>
        <translation>Выделить соседей</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="466"/>
        <source>Centre on it</source>
        <translation>Центрировать</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="468"/>
        <source>Fit to view</source>
        <translation>Вписать в окно</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="471"/>
        <source>Show {n} hidden</source>
        <translation>Показать скрытые ({n})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="473"/>
        <source>Select all</source>
        <translation>Выделить всё</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="112"/>
        <source>Files and case</source>
        <translation>Файлы и дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="113"/>
        <source>Choose the files to import and the case they belong to.</source>
        <translation>Выберите файлы для импорта и дело, к которому они относятся.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="116"/>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="117"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="118"/>
        <source>Existing case:</source>
        <translation>Существующее дело:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="120"/>
        <source>New case:</source>
        <translation>Новое дело:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="122"/>
        <source>case number</source>
        <translation>номер дела</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="124"/>
        <source>title (optional)</source>
        <translation>название (необязательно)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="132"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="140"/>
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="181"/>
        <source>Files to import</source>
        <translation>Файлы для импорта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="182"/>
        <source>Call records, statements, ad responses (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;All files (*)</source>
        <translation>Детализации, выписки, ответы сайтов объявлений (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="541"/>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="546"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/import_wizard.py" line="559"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Чтение %n файла…</numerusform>
            <numerusform>Чтение %n файлов…</numerusform>
            <numerusform>Чтение %n файлов…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="564"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="574"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="588"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="592"/>
        <source>The import failed; nothing of the file being imported was kept.
{error}</source>
        <translation>Импорт не удался; из импортируемого файла ничего не сохранено.
{error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="596"/>
        <source>Import cancelled; nothing was kept.</source>
        <translation>Импорт отменён; ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="649"/>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="659"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="660"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="661"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="662"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="663"/>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="78"/>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="100"/>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="100"/>
        <source>Key:</source>
        <translation>Ключ:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="101"/>
        <source>Spellings seen:</source>
        <translation>Варианты написания:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="101"/>
        <source>Cases:</source>
        <translation>Дела:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="102"/>
        <source>First / last seen:</source>
        <translation>Впервые / последний раз:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="102"/>
        <source>Events:</source>
        <translation>События:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="103"/>
        <source>Amounts in / out:</source>
        <translation>Суммы вход. / исх.:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="103"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="110"/>
        <source>Mark as public number / hub (left out of rings)</source>
        <translation>Отметить как общедоступный номер / хаб (не учитывается в группах)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="117"/>
        <source>Double-click a row to see the source row&apos;s cells</source>
        <translation>Дважды щёлкните строку, чтобы увидеть ячейки исходной строки</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="118"/>
        <source>Where it comes from:</source>
        <translation>Источники:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="139"/>
        <source>Select an entity or a link on the chart.</source>
        <translation>Выберите объект или связь на схеме.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/inspector_dock.py" line="157"/>
        <source>%n entities selected</source>
        <translation>
            <numerusform>Выбран %n объект</numerusform>
            <numerusform>Выбрано %n объекта</numerusform>
            <numerusform>Выбрано %n объектов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="177"/>
        <source> (invalid)</source>
        <translation> (некорректный)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="199"/>
        <source>link</source>
        <translation>связь</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="212"/>
        <source>not in the graph of the cases in scope</source>
        <translation>нет в графе выбранных дел</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="221"/>
        <source>linked by: {kinds}</source>
        <translation>связи: {kinds}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/inspector_dock.py" line="222"/>
        <source>%n neighbour(s)</source>
        <translation>
            <numerusform>%n связанный объект</numerusform>
            <numerusform>%n связанных объекта</numerusform>
            <numerusform>%n связанных объектов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="224"/>
        <source>{minutes} min of calls</source>
        <translation>{minutes} мин звонков</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="238"/>
        <source>marked in the inspector</source>
        <translation>отмечено в инспекторе</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="240"/>
        <source>Hub mark</source>
        <translation>Отметка хаба</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../linkview/ui/names.py" line="10"/>
        <source>phone number</source>
        <translation>номер телефона</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="11"/>
        <source>service number / sender</source>
        <translation>сервисный номер / отправитель</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="12"/>
        <source>subscriber</source>
        <translation>абонент</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="13"/>
        <source>handset (IMEI)</source>
        <translation>аппарат (IMEI)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="14"/>
        <source>SIM card (IMSI)</source>
        <translation>SIM-карта (IMSI)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="15"/>
        <source>bank card</source>
        <translation>банковская карта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="16"/>
        <source>masked bank card</source>
        <translation>маскированная банковская карта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="17"/>
        <source>IBAN account</source>
        <translation>счёт IBAN</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="18"/>
        <source>account</source>
        <translation>счёт</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="19"/>
        <source>IIN (person)</source>
        <translation>ИИН (физическое лицо)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="20"/>
        <source>BIN (company)</source>
        <translation>БИН (организация)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="21"/>
        <source>TRON wallet</source>
        <translation>кошелёк TRON</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="22"/>
        <source>Ethereum / EVM wallet</source>
        <translation>кошелёк Ethereum / EVM</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="23"/>
        <source>Bitcoin wallet</source>
        <translation>кошелёк Bitcoin</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="24"/>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="25"/>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="26"/>
        <source>device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="27"/>
        <source>ad-site account</source>
        <translation>аккаунт на сайте объявлений</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="28"/>
        <source>ad</source>
        <translation>объявление</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="29"/>
        <source>person</source>
        <translation>лицо</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../linkview/ui/names.py" line="33"/>
        <source>calls</source>
        <translation>звонки</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="34"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="35"/>
        <source>transfers</source>
        <translation>переводы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="36"/>
        <source>payments</source>
        <translation>платежи</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="37"/>
        <source>logins</source>
        <translation>входы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="38"/>
        <source>SIM in handset</source>
        <translation>SIM в аппарате</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="39"/>
        <source>number of SIM</source>
        <translation>номер SIM-карты</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="40"/>
        <source>used by account</source>
        <translation>используется аккаунтом</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="41"/>
        <source>pays with card</source>
        <translation>оплата картой</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="42"/>
        <source>posted ad</source>
        <translation>разместил объявление</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="43"/>
        <source>contact in ad</source>
        <translation>контакт в объявлении</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="44"/>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="45"/>
        <source>card of account</source>
        <translation>карта счёта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="46"/>
        <source>possible same card</source>
        <translation>возможно, та же карта</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="72"/>
        <source>&amp;New workspace…</source>
        <translation>&amp;Новое рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="74"/>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Открыть рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="76"/>
        <source>Open the &amp;demo workspace</source>
        <translation>Открыть &amp;демонстрационное пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="77"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Импорт файлов…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="78"/>
        <source>New &amp;case…</source>
        <translation>Новое &amp;дело…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="79"/>
        <source>&amp;Close workspace</source>
        <translation>&amp;Закрыть рабочее пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="81"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="82"/>
        <source>&amp;About LinkView</source>
        <translation>&amp;О программе LinkView</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="113"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="119"/>
        <source>&amp;Chart</source>
        <translation>&amp;Схема</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="122"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="125"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="127"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="131"/>
        <source>Workspace</source>
        <translation>Рабочее пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="208"/>
        <location filename="../../linkview/ui/main_window.py" line="238"/>
        <source>Open workspace</source>
        <translation>Открыть рабочее пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="225"/>
        <location filename="../../linkview/ui/main_window.py" line="232"/>
        <source>New workspace</source>
        <translation>Новое рабочее пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="226"/>
        <location filename="../../linkview/ui/main_window.py" line="238"/>
        <source>LinkView workspaces (*.linkview)</source>
        <translation>Рабочие пространства LinkView (*.linkview)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="233"/>
        <source>{path} already exists. Open it, or choose another name.</source>
        <translation>{path} уже существует. Откройте его или выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="246"/>
        <source>Preparing the demo workspace…</source>
        <translation>Подготовка демонстрационного пространства…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="246"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="247"/>
        <source>Demo</source>
        <translation>Демонстрация</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="252"/>
        <source>Demo workspace</source>
        <translation>Демонстрационное пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="283"/>
        <source>{name} — LinkView</source>
        <translation>{name} — LinkView</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="292"/>
        <source>LinkView</source>
        <translation>LinkView</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/main_window.py" line="308"/>
        <source>Imported %n file(s).</source>
        <translation>
            <numerusform>Импортирован %n файл.</numerusform>
            <numerusform>Импортировано %n файла.</numerusform>
            <numerusform>Импортировано %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="315"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="316"/>
        <source>The new language is used the next time LinkView starts.</source>
        <translation>Новый язык будет применён при следующем запуске LinkView.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="321"/>
        <source>About LinkView</source>
        <translation>О программе LinkView</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="322"/>
        <source>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Link analysis of call records, bank statements, blockchain exports and ad-site responses across fraud cases.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Анализ связей по детализациям звонков, банковским выпискам, выгрузкам блокчейна и ответам сайтов объявлений в делах о мошенничестве.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="209"/>
        <source>How to read each file</source>
        <translation>Как читать каждый файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="210"/>
        <source>Check what was detected on the first rows; change anything that is wrong.</source>
        <translation>Проверьте, что распознано по первым строкам; исправьте то, что неверно.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>calls</source>
        <translation>звонки</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>transfers</source>
        <translation>переводы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>ad accounts</source>
        <translation>аккаунты объявлений</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="218"/>
        <location filename="../../linkview/ui/import_wizard.py" line="221"/>
        <source>detect</source>
        <translation>определить</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="224"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="226"/>
        <source>Save this spec…</source>
        <translation>Сохранить эту схему импорта…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="241"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="243"/>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="243"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="244"/>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="245"/>
        <source>Header row:</source>
        <translation>Строка заголовка:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="253"/>
        <source>Saved spec:</source>
        <translation>Сохранённая схема:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="341"/>
        <source>Reading the first rows of {file}…</source>
        <translation>Чтение первых строк {file}…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="347"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="369"/>
        <source>Cannot read {file}: {error}</source>
        <translation>Не удалось прочитать {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="390"/>
        <source>Detected: {kind}, encoding {enc}, delimiter {delim}, header on row {row}.</source>
        <translation>Распознано: {kind}, кодировка {enc}, разделитель {delim}, заголовок в строке {row}.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="397"/>
        <source>Still missing: {fields}. Choose the columns below.</source>
        <translation>Не хватает: {fields}. Выберите столбцы ниже.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="415"/>
        <source>(not in this file)</source>
        <translation>(нет в этом файле)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="447"/>
        <source>(detect from the file)</source>
        <translation>(определить по файлу)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="462"/>
        <source>Saved spec</source>
        <translation>Сохранённая схема</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="526"/>
        <source>Save this spec</source>
        <translation>Сохранить схему импорта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="527"/>
        <source>Name (e.g. the sender: Kcell calls 2024):</source>
        <translation>Название (например, источник: Kcell звонки 2024):</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="74"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="76"/>
        <source>e.g. 252500031000123</source>
        <translation>например, 252500031000123</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="81"/>
        <source>Case number:</source>
        <translation>Номер дела:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="82"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="83"/>
        <source>Notes:</source>
        <translation>Примечания:</translation>
    </message>
</context>
<context>
    <name>RingsDock</name>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="45"/>
        <source>{key} in case {case}: {file}, rows {rows} (SHA-256 {sha}…)</source>
        <translation>{key} в деле {case}: {file}, строки {rows} (SHA-256 {sha}…)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="70"/>
        <source>Rings</source>
        <translation>Группы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="73"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="73"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="74"/>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="74"/>
        <source>Case numbers</source>
        <translation>Номера дел</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="76"/>
        <location filename="../../linkview/ui/rings_dock.py" line="125"/>
        <source>Open a workspace to find rings.</source>
        <translation>Откройте рабочее пространство, чтобы найти преступные группы.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="87"/>
        <source>Members (bridges link cases; connectors hold them together):</source>
        <translation>Участники (мосты связывают дела; связующие объединяют их):</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="89"/>
        <source>Evidence (source rows that put each bridge in its cases):</source>
        <translation>Доказательства (исходные строки, связывающие каждый мост с делами):</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="127"/>
        <source>Tick the cases to analyse in the Cases dock.</source>
        <translation>Отметьте дела для анализа на панели «Дела».</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="129"/>
        <source>No ring joins two or more cases of the scope.</source>
        <translation>Ни одна группа не связывает два и более выбранных дела.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/rings_dock.py" line="131"/>
        <source>%n ring(s) join the cases in scope.</source>
        <translation>
            <numerusform>%n преступная группа связывает выбранные дела.</numerusform>
            <numerusform>%n преступные группы связывают выбранные дела.</numerusform>
            <numerusform>%n преступных групп связывают выбранные дела.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="137"/>
        <source>Looking for rings…</source>
        <translation>Поиск преступных групп…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="140"/>
        <source>The rings could not be found: {error}</source>
        <translation>Не удалось найти преступные группы: {error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="151"/>
        <source>bridge</source>
        <translation>мост</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="151"/>
        <source>connector</source>
        <translation>связующий</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../linkview/ui/session.py" line="152"/>
        <source>Building the graph of the scope</source>
        <extracomment>a workspace with at most this many events and links opens with every case in scope</extracomment>
        <translation>Построение графа выбранных дел</translation>
    </message>
</context>
<context>
    <name>SourceRowDialog</name>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="29"/>
        <source>Source row {row} of {file}</source>
        <translation>Исходная строка {row} файла {file}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="34"/>
        <source>Case {case} · file {file} · row {row}
SHA-256 {sha}</source>
        <translation>Дело {case} · файл {file} · строка {row}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="39"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="39"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="54"/>
        <source>The raw cells of this row were not kept when the file was imported. Open the file itself at the row shown above.</source>
        <translation>Исходные ячейки этой строки не были сохранены при импорте. Откройте сам файл на указанной выше строке.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="609"/>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="611"/>
        <location filename="../../linkview/ui/import_wizard.py" line="618"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="611"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="611"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="612"/>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="612"/>
        <source>Rows rejected</source>
        <translation>Строк отклонено</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="613"/>
        <source>Values flagged</source>
        <translation>Значений с пометкой</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="613"/>
        <source>New entities</source>
        <translation>Новых объектов</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="618"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="618"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="619"/>
        <source>Severity</source>
        <translation>Серьёзность</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="619"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="625"/>
        <source>First rejected rows and flagged values:</source>
        <translation>Первые отклонённые строки и помеченные значения:</translation>
    </message>
</context>
<context>
    <name>TaskProgressWidget</name>
    <message>
        <location filename="../../linkview/ui/tasks.py" line="214"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="27"/>
        <source>LinkView</source>
        <translation>LinkView</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="30"/>
        <source>Link the phones, handsets, cards, accounts and wallets of many cases, and see which cases form one ring, down to the source rows.</source>
        <translation>Связывайте телефоны, аппараты, карты, счета и кошельки из многих дел и смотрите, какие дела образуют одну группу, вплоть до исходных строк.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="34"/>
        <source>New workspace…</source>
        <translation>Новое рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="35"/>
        <source>Open workspace…</source>
        <translation>Открыть рабочее пространство…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="36"/>
        <source>Open the demo workspace</source>
        <translation>Открыть демонстрационное пространство</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="41"/>
        <source>Recent workspaces:</source>
        <translation>Недавние рабочие пространства:</translation>
    </message>
</context>
</TS>
