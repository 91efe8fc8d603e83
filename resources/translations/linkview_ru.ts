<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>CasesDock</name>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="103" />
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="112" />
            <location filename="../../linkview/ui/cases_dock.py" line="117" />
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="112" />
            <source>Kind</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="112" />
            <source>Imported</source>
            <translation>Импортировано</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="113" />
            <source>Rejected</source>
            <translation>Отклонено</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="113" />
            <source>Rows</source>
            <translation>Строк</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="114" />
            <source>By</source>
            <translation>Кто</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="114" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="114" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="117" />
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="117" />
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="118" />
            <source>Severity</source>
            <translation>Серьёзность</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="118" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="132" />
            <source>New case…</source>
            <translation>Новое дело…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="133" />
            <source>All</source>
            <translation>Все</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="134" />
            <source>None</source>
            <translation>Ни одного</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="136" />
            <source>Put every case in scope, or none</source>
            <translation>Включить в анализ все дела или ни одного</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="143" />
            <source>Export rejected rows…</source>
            <translation>Экспорт отклонённых строк…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="151" />
            <source>Files</source>
            <translation>Файлы</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="152" />
            <source>Rejected rows</source>
            <translation>Отклонённые строки</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/cases_dock.py" line="215" />
            <source>%n case(s) in scope</source>
            <translation>
                <numerusform>%n дело в анализе</numerusform>
                <numerusform>%n дела в анализе</numerusform>
                <numerusform>%n дел в анализе</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="249" />
            <source>New case</source>
            <translation>Новое дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="266" />
            <location filename="../../linkview/ui/cases_dock.py" line="272" />
            <source>Export rejected rows</source>
            <translation>Экспорт отклонённых строк</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="267" />
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>CasesModel</name>
        <message>
            <location filename="../../linkview/ui/models.py" line="133" />
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="133" />
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="133" />
            <source>Files</source>
            <translation>Файлы</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="133" />
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="133" />
            <source>Links</source>
            <translation>Связи</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="134" />
            <source>Entities</source>
            <translation>Объекты</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/models.py" line="134" />
            <source>Rejected</source>
            <translation>Отклонено</translation>
        </message>
    </context>
    <context>
        <name>ChartPanel</name>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="131" />
            <source>&amp;Find entity…</source>
            <translation>&amp;Найти объект…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="132" />
            <source>&amp;Expand</source>
            <translation>&amp;Раскрыть связи</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="133" />
            <source>Bring the neighbours of the selected entities onto the chart</source>
            <translation>Вывести на схему соседей выбранных объектов</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="134" />
            <source>&amp;Hide</source>
            <translation>&amp;Скрыть</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="135" />
            <source>Hide the selected entities</source>
            <translation>Скрыть выбранные объекты</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="136" />
            <source>&amp;Pin</source>
            <translation>&amp;Закрепить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="137" />
            <source>Pin the selected entities where they are</source>
            <translation>Закрепить выбранные объекты на месте</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="138" />
            <source>U&amp;npin</source>
            <translation>&amp;Открепить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="139" />
            <source>Let a layout move the selected entities again</source>
            <translation>Разрешить раскладке снова двигать выбранные объекты</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="140" />
            <source>&amp;Fit to view</source>
            <translation>&amp;Показать всё</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="141" />
            <location filename="../../linkview/ui/chart_panel.py" line="246" />
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="142" />
            <location filename="../../linkview/ui/chart_panel.py" line="248" />
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="143" />
            <source>&amp;Layout</source>
            <translation>&amp;Разложить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="144" />
            <source>Lay the chart out again (pinned entities stay)</source>
            <translation>Заново разложить схему (закреплённые объекты остаются)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="154" />
            <source>Find a phone, IMEI, card, IBAN, wallet, e-mail… in any spelling</source>
            <translation>Найти телефон, IMEI, карту, IBAN, кошелёк, эл. почту… в любом написании</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="159" />
            <source>Size: same · colour: kind</source>
            <translation>Размер: одинаковый · цвет: тип</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="159" />
            <source>Size by links (degree)</source>
            <translation>Размер по числу связей (степень)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="160" />
            <source>Size by number of cases</source>
            <translation>Размер по числу дел</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="160" />
            <source>Size by amount</source>
            <translation>Размер по сумме</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="161" />
            <source>Colour by community</source>
            <translation>Цвет по сообществу</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="164" />
            <source>Chart</source>
            <translation>Схема</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="234" />
            <source>The saved chart could not be read; a new one will be drawn.</source>
            <translation>Сохранённую схему не удалось прочитать; будет построена новая.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="245" />
            <source>&amp;Undo {what}</source>
            <translation>&amp;Отменить: {what}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="247" />
            <source>&amp;Redo {what}</source>
            <translation>&amp;Повторить: {what}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="292" />
            <source>The cases in scope hold {n:,} entities and no ring. Find an entity to start from, or draw them all (this may take a while).</source>
            <translation>В выбранных делах {n:,} объектов и ни одной группы. Найдите объект, с которого начать, или покажите все (это может занять время).</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="294" />
            <source>Draw all</source>
            <translation>Показать все</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="301" />
            <source>Laying out the chart</source>
            <translation>Раскладка схемы</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="311" />
            <source>The chart shows the members of {n} ring(s) and their closest neighbours.</source>
            <translation>На схеме участники преступных групп ({n}) и их ближайшие связи.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="332" />
            <source>The graph of the scope is still being built.</source>
            <translation>Граф выбранных дел ещё строится.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="337" />
            <source>{name} ({n} links)</source>
            <translation>{name} (связей: {n})</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="339" />
            <source>Supernode: {names}. It may be a public number or an exchange; mark it as a hub in the inspector.</source>
            <translation>Сверхузел: {names}. Возможно, это общедоступный номер или биржа; отметьте его как узел-хаб в инспекторе.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="342" />
            <source>Only the {cap} strongest neighbours were added; {skipped} left out.</source>
            <translation>Добавлены только {cap} самых сильных связей; пропущено {skipped}.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="346" />
            <source>No more neighbours in the cases in scope.</source>
            <translation>В выбранных делах больше нет связей.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/chart_panel.py" line="350" />
            <source>Added %n entities.</source>
            <translation>
                <numerusform>Добавлен %n объект.</numerusform>
                <numerusform>Добавлено %n объекта.</numerusform>
                <numerusform>Добавлено %n объектов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="415" />
            <source>Nothing in this workspace matches “{text}”.</source>
            <translation>В этом рабочем пространстве ничего не найдено по запросу «{text}».</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="428" />
            <source>{what} is not in the cases in scope; it was seen in: {cases}. Tick those cases in the Cases dock.</source>
            <translation>{what} отсутствует в выбранных делах; встречается в делах: {cases}. Отметьте эти дела на панели «Дела».</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="464" />
            <source>Layout</source>
            <translation>Раскладка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="489" />
            <source>Communities</source>
            <translation>Сообщества</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/chart_panel.py" line="500" />
            <source>Hub mark saved; the rings are being found again.</source>
            <translation>Отметка хаба сохранена; группы пересчитываются.</translation>
        </message>
    </context>
    <context>
        <name>FilesPage</name>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="111" />
            <source>Files and case</source>
            <translation>Файлы и дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="112" />
            <source>Choose the files to import and the case they belong to.</source>
            <translation>Выберите файлы для импорта и дело, к которому они относятся.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="115" />
            <source>Add files…</source>
            <translation>Добавить файлы…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="116" />
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="117" />
            <source>Existing case:</source>
            <translation>Существующее дело:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="119" />
            <source>New case:</source>
            <translation>Новое дело:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="121" />
            <source>case number</source>
            <translation>номер дела</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="123" />
            <source>title (optional)</source>
            <translation>название (необязательно)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="131" />
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="139" />
            <source>Files:</source>
            <translation>Файлы:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="180" />
            <source>Files to import</source>
            <translation>Файлы для импорта</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="181" />
            <source>Call records, statements, ad responses (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;All files (*)</source>
            <translation>Детализации, выписки, ответы сайтов объявлений (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="523" />
            <source>Importing</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="528" />
            <source>Cancel import</source>
            <translation>Отменить импорт</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/import_wizard.py" line="541" />
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>Чтение %n файла…</numerusform>
                <numerusform>Чтение %n файлов…</numerusform>
                <numerusform>Чтение %n файлов…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="546" />
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="556" />
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="570" />
            <source>Done.</source>
            <translation>Готово.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="574" />
            <source>The import failed; nothing of the file being imported was kept.
{error}</source>
            <translation>Импорт не удался; из импортируемого файла ничего не сохранено.
{error}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="578" />
            <source>Import cancelled; nothing was kept.</source>
            <translation>Импорт отменён; ничего не сохранено.</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="631" />
            <source>Import files</source>
            <translation>Импорт файлов</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="641" />
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="642" />
            <source>&amp;Next &gt;</source>
            <translation>&amp;Далее &gt;</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="643" />
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Назад</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="644" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="645" />
            <source>&amp;Finish</source>
            <translation>&amp;Готово</translation>
        </message>
    </context>
    <context>
        <name>InspectorDock</name>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="77" />
            <source>Inspector</source>
            <translation>Инспектор</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="99" />
            <source>Kind:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="99" />
            <source>Key:</source>
            <translation>Ключ:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="100" />
            <source>Spellings seen:</source>
            <translation>Варианты написания:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="100" />
            <source>Cases:</source>
            <translation>Дела:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="101" />
            <source>First / last seen:</source>
            <translation>Впервые / последний раз:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="101" />
            <source>Events:</source>
            <translation>События:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="102" />
            <source>Amounts in / out:</source>
            <translation>Суммы вход. / исх.:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="102" />
            <source>Note:</source>
            <translation>Примечание:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="109" />
            <source>Mark as public number / hub (left out of rings)</source>
            <translation>Отметить как общедоступный номер / хаб (не учитывается в группах)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="111" />
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="111" />
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="111" />
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="112" />
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="112" />
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="112" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="116" />
            <source>Double-click a row to see the source row's cells</source>
            <translation>Дважды щёлкните строку, чтобы увидеть ячейки исходной строки</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="117" />
            <source>Where it comes from:</source>
            <translation>Источники:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="138" />
            <source>Select an entity or a link on the chart.</source>
            <translation>Выберите объект или связь на схеме.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/inspector_dock.py" line="156" />
            <source>%n entities selected</source>
            <translation>
                <numerusform>Выбран %n объект</numerusform>
                <numerusform>Выбрано %n объекта</numerusform>
                <numerusform>Выбрано %n объектов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="176" />
            <source> (invalid)</source>
            <translation> (некорректный)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="198" />
            <source>link</source>
            <translation>связь</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="211" />
            <source>not in the graph of the cases in scope</source>
            <translation>нет в графе выбранных дел</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="220" />
            <source>linked by: {kinds}</source>
            <translation>связи: {kinds}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/inspector_dock.py" line="221" />
            <source>%n neighbour(s)</source>
            <translation>
                <numerusform>%n связанный объект</numerusform>
                <numerusform>%n связанных объекта</numerusform>
                <numerusform>%n связанных объектов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="223" />
            <source>{minutes} min of calls</source>
            <translation>{minutes} мин звонков</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="237" />
            <source>marked in the inspector</source>
            <translation>отмечено в инспекторе</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/inspector_dock.py" line="239" />
            <source>Hub mark</source>
            <translation>Отметка хаба</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="72" />
            <source>&amp;New workspace…</source>
            <translation>&amp;Новое рабочее пространство…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="74" />
            <source>&amp;Open workspace…</source>
            <translation>&amp;Открыть рабочее пространство…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="76" />
            <source>Open the &amp;demo workspace</source>
            <translation>Открыть &amp;демонстрационное пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="77" />
            <source>&amp;Import files…</source>
            <translation>&amp;Импорт файлов…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="78" />
            <source>New &amp;case…</source>
            <translation>Новое &amp;дело…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="79" />
            <source>&amp;Close workspace</source>
            <translation>&amp;Закрыть рабочее пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="81" />
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="82" />
            <source>&amp;About LinkView</source>
            <translation>&amp;О программе LinkView</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="109" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="113" />
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="119" />
            <source>&amp;Chart</source>
            <translation>&amp;Схема</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="122" />
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="125" />
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="127" />
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="131" />
            <source>Workspace</source>
            <translation>Рабочее пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="192" />
            <location filename="../../linkview/ui/main_window.py" line="222" />
            <source>Open workspace</source>
            <translation>Открыть рабочее пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="209" />
            <location filename="../../linkview/ui/main_window.py" line="216" />
            <source>New workspace</source>
            <translation>Новое рабочее пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="210" />
            <location filename="../../linkview/ui/main_window.py" line="222" />
            <source>LinkView workspaces (*.linkview)</source>
            <translation>Рабочие пространства LinkView (*.linkview)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="217" />
            <source>{path} already exists. Open it, or choose another name.</source>
            <translation>{path} уже существует. Откройте его или выберите другое имя.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="230" />
            <source>Preparing the demo workspace…</source>
            <translation>Подготовка демонстрационного пространства…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="230" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="231" />
            <source>Demo</source>
            <translation>Демонстрация</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="236" />
            <source>Demo workspace</source>
            <translation>Демонстрационное пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="267" />
            <source>{name} — LinkView</source>
            <translation>{name} — LinkView</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="276" />
            <source>LinkView</source>
            <translation>LinkView</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/main_window.py" line="292" />
            <source>Imported %n file(s).</source>
            <translation>
                <numerusform>Импортирован %n файл.</numerusform>
                <numerusform>Импортировано %n файла.</numerusform>
                <numerusform>Импортировано %n файлов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="299" />
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="300" />
            <source>The new language is used the next time LinkView starts.</source>
            <translation>Новый язык будет применён при следующем запуске LinkView.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="305" />
            <source>About LinkView</source>
            <translation>О программе LinkView</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/main_window.py" line="306" />
            <source>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Link analysis of call records, bank statements, blockchain exports and ad-site responses across fraud cases.&lt;/p&gt;</source>
            <translation>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Анализ связей по детализациям звонков, банковским выпискам, выгрузкам блокчейна и ответам сайтов объявлений в делах о мошенничестве.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="208" />
            <source>How to read each file</source>
            <translation>Как читать каждый файл</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="209" />
            <source>Check what was detected on the first rows; change anything that is wrong.</source>
            <translation>Проверьте, что распознано по первым строкам; исправьте то, что неверно.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="213" />
            <source>calls</source>
            <translation>звонки</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="213" />
            <source>transfers</source>
            <translation>переводы</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="213" />
            <source>ad accounts</source>
            <translation>аккаунты объявлений</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="217" />
            <location filename="../../linkview/ui/import_wizard.py" line="220" />
            <source>detect</source>
            <translation>определить</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="223" />
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="225" />
            <source>Save this spec…</source>
            <translation>Сохранить эту схему импорта…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="239" />
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="241" />
            <source>Kind:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="241" />
            <source>Encoding:</source>
            <translation>Кодировка:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="242" />
            <source>Delimiter:</source>
            <translation>Разделитель:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="243" />
            <source>Header row:</source>
            <translation>Строка заголовка:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="251" />
            <source>Saved spec:</source>
            <translation>Сохранённая схема:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="338" />
            <source>Reading the first rows of {file}…</source>
            <translation>Чтение первых строк {file}…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="344" />
            <source>Preview</source>
            <translation>Предпросмотр</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="366" />
            <source>Cannot read {file}: {error}</source>
            <translation>Не удалось прочитать {file}: {error}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="387" />
            <source>Detected: {kind}, encoding {enc}, delimiter {delim}, header on row {row}.</source>
            <translation>Распознано: {kind}, кодировка {enc}, разделитель {delim}, заголовок в строке {row}.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="394" />
            <source>Still missing: {fields}. Choose the columns below.</source>
            <translation>Не хватает: {fields}. Выберите столбцы ниже.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="408" />
            <source>(not in this file)</source>
            <translation>(нет в этом файле)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="429" />
            <source>(detect from the file)</source>
            <translation>(определить по файлу)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="444" />
            <source>Saved spec</source>
            <translation>Сохранённая схема</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="508" />
            <source>Save this spec</source>
            <translation>Сохранить схему импорта</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="509" />
            <source>Name (e.g. the sender: Kcell calls 2024):</source>
            <translation>Название (например, источник: Kcell звонки 2024):</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="73" />
            <source>New case</source>
            <translation>Новое дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="75" />
            <source>e.g. 252500031000123</source>
            <translation>например, 252500031000123</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="80" />
            <source>Case number:</source>
            <translation>Номер дела:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="81" />
            <source>Title:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/cases_dock.py" line="82" />
            <source>Notes:</source>
            <translation>Примечания:</translation>
        </message>
    </context>
    <context>
        <name>RingsDock</name>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="45" />
            <source>{key} in case {case}: {file}, rows {rows} (SHA-256 {sha}…)</source>
            <translation>{key} в деле {case}: {file}, строки {rows} (SHA-256 {sha}…)</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="70" />
            <source>Rings</source>
            <translation>Группы</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="73" />
            <source>Score</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="73" />
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="74" />
            <source>Members</source>
            <translation>Участники</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="74" />
            <source>Case numbers</source>
            <translation>Номера дел</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="76" />
            <location filename="../../linkview/ui/rings_dock.py" line="125" />
            <source>Open a workspace to find rings.</source>
            <translation>Откройте рабочее пространство, чтобы найти преступные группы.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="87" />
            <source>Members (bridges link cases; connectors hold them together):</source>
            <translation>Участники (мосты связывают дела; связующие объединяют их):</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="89" />
            <source>Evidence (source rows that put each bridge in its cases):</source>
            <translation>Доказательства (исходные строки, связывающие каждый мост с делами):</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="127" />
            <source>No ring joins two or more cases of the scope.</source>
            <translation>Ни одна группа не связывает два и более выбранных дела.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../linkview/ui/rings_dock.py" line="129" />
            <source>%n ring(s) join the cases in scope.</source>
            <translation>
                <numerusform>%n преступная группа связывает выбранные дела.</numerusform>
                <numerusform>%n преступные группы связывают выбранные дела.</numerusform>
                <numerusform>%n преступных групп связывают выбранные дела.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="135" />
            <source>Looking for rings…</source>
            <translation>Поиск преступных групп…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="138" />
            <source>The rings could not be found: {error}</source>
            <translation>Не удалось найти преступные группы: {error}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="149" />
            <source>bridge</source>
            <translation>мост</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/rings_dock.py" line="149" />
            <source>connector</source>
            <translation>связующий</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <location filename="../../linkview/ui/session.py" line="138" />
            <source>Building the graph of the scope</source>
            <translation>Построение графа выбранных дел</translation>
        </message>
    </context>
    <context>
        <name>SourceRowDialog</name>
        <message>
            <location filename="../../linkview/ui/dialogs.py" line="29" />
            <source>Source row {row} of {file}</source>
            <translation>Исходная строка {row} файла {file}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/dialogs.py" line="34" />
            <source>Case {case} · file {file} · row {row}
SHA-256 {sha}</source>
            <translation>Дело {case} · файл {file} · строка {row}
SHA-256 {sha}</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/dialogs.py" line="39" />
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/dialogs.py" line="39" />
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/dialogs.py" line="54" />
            <source>The raw cells of this row were not kept when the file was imported. Open the file itself at the row shown above.</source>
            <translation>Исходные ячейки этой строки не были сохранены при импорте. Откройте сам файл на указанной выше строке.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="591" />
            <source>Imported</source>
            <translation>Импортировано</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="593" />
            <location filename="../../linkview/ui/import_wizard.py" line="600" />
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="593" />
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="593" />
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="594" />
            <source>Links</source>
            <translation>Связи</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="594" />
            <source>Rows rejected</source>
            <translation>Строк отклонено</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="595" />
            <source>Values flagged</source>
            <translation>Значений с пометкой</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="595" />
            <source>New entities</source>
            <translation>Новых объектов</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="600" />
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="600" />
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="601" />
            <source>Severity</source>
            <translation>Серьёзность</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="601" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/import_wizard.py" line="607" />
            <source>First rejected rows and flagged values:</source>
            <translation>Первые отклонённые строки и помеченные значения:</translation>
        </message>
    </context>
    <context>
        <name>TaskProgressWidget</name>
        <message>
            <location filename="../../linkview/ui/tasks.py" line="209" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="27" />
            <source>LinkView</source>
            <translation>LinkView</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="30" />
            <source>Link the phones, handsets, cards, accounts and wallets of many cases, and see which cases form one ring, down to the source rows.</source>
            <translation>Связывайте телефоны, аппараты, карты, счета и кошельки из многих дел и смотрите, какие дела образуют одну группу, вплоть до исходных строк.</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="34" />
            <source>New workspace…</source>
            <translation>Новое рабочее пространство…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="35" />
            <source>Open workspace…</source>
            <translation>Открыть рабочее пространство…</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="36" />
            <source>Open the demo workspace</source>
            <translation>Открыть демонстрационное пространство</translation>
        </message>
        <message>
            <location filename="../../linkview/ui/welcome.py" line="41" />
            <source>Recent workspaces:</source>
            <translation>Недавние рабочие пространства:</translation>
        </message>
    </context>
</TS>
