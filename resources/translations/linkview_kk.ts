<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CasesDock</name>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="104"/>
        <source>Cases</source>
        <translation>Істер</translation>
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
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="113"/>
        <source>Imported</source>
        <translation>Импортталды</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="114"/>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="114"/>
        <source>Rows</source>
        <translation>Жолдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="115"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="118"/>
        <source>Row</source>
        <translation>Жол</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="118"/>
        <source>Column</source>
        <translation>Баған</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="119"/>
        <source>Severity</source>
        <translation>Маңыздылығы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="119"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="133"/>
        <source>New case…</source>
        <translation>Жаңа іс…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="134"/>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="135"/>
        <source>None</source>
        <translation>Ешқайсысы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="137"/>
        <source>Put every case in scope, or none</source>
        <translation>Барлық істерді талдауға қосу немесе ешқайсысын қоспау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="144"/>
        <source>Export rejected rows…</source>
        <translation>Қабылданбаған жолдарды экспорттау…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="152"/>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="153"/>
        <source>Rejected rows</source>
        <translation>Қабылданбаған жолдар</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/cases_dock.py" line="216"/>
        <source>%n case(s) in scope</source>
        <translation>
            <numerusform>Талдауда %n іс</numerusform>
            <numerusform>Талдауда %n іс</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="250"/>
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="267"/>
        <location filename="../../linkview/ui/cases_dock.py" line="273"/>
        <source>Export rejected rows</source>
        <translation>Қабылданбаған жолдарды экспорттау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="268"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="139"/>
        <source>Links</source>
        <translation>Байланыстар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="140"/>
        <source>Entities</source>
        <translation>Объектілер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/models.py" line="140"/>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="20"/>
        <source>degree (neighbours)</source>
        <translation>дәреже (көршілер)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="21"/>
        <source>number of cases</source>
        <translation>істер саны</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="22"/>
        <source>amount</source>
        <translation>сома</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="23"/>
        <source>number of events</source>
        <translation>оқиғалар саны</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="24"/>
        <source>community</source>
        <translation>қауымдастық</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="60"/>
        <source>Click to fold or unfold the legend</source>
        <translation>Шартты белгілерді жию немесе ашу үшін басыңыз</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="107"/>
        <source>▸ Legend</source>
        <translation>▸ Шартты белгілер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="123"/>
        <source>Size: {m} ({lo}–{hi})</source>
        <translation>Өлшем: {m} ({lo}–{hi})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="127"/>
        <source>Colour: community ({n} groups)</source>
        <translation>Түс: қауымдастық ({n} топ)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="131"/>
        <source>(colours repeat after {k})</source>
        <translation>({k} түстен кейін түстер қайталанады)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="134"/>
        <source>Colour: {m} ({lo} purple – {hi} yellow)</source>
        <translation>Түс: {m} ({lo} күлгін – {hi} сары)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/legend.py" line="137"/>
        <source>Line width: {m}</source>
        <translation>Сызық жуандығы: {m}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="132"/>
        <source>&amp;Find entity…</source>
        <translation>Объектіні &amp;іздеу…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="133"/>
        <source>&amp;Expand</source>
        <translation>Байланыстарды &amp;ашу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="134"/>
        <source>Bring the neighbours of the selected entities onto the chart</source>
        <translation>Таңдалған объектілердің көршілерін сызбаға шығару</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="135"/>
        <source>&amp;Hide</source>
        <translation>&amp;Жасыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="136"/>
        <source>Hide the selected entities</source>
        <translation>Таңдалған объектілерді жасыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="137"/>
        <source>&amp;Pin</source>
        <translation>&amp;Бекіту</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="138"/>
        <source>Pin the selected entities where they are</source>
        <translation>Таңдалған объектілерді орнында бекіту</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="139"/>
        <source>U&amp;npin</source>
        <translation>Бекітуді &amp;алу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="140"/>
        <source>Let a layout move the selected entities again</source>
        <translation>Орналастыруға таңдалған объектілерді қайта жылжытуға рұқсат ету</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="141"/>
        <source>&amp;Fit to view</source>
        <translation>Барлығын &amp;көрсету</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="142"/>
        <location filename="../../linkview/ui/chart_panel.py" line="248"/>
        <source>&amp;Undo</source>
        <translation>Болдырма&amp;у</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="143"/>
        <location filename="../../linkview/ui/chart_panel.py" line="250"/>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="144"/>
        <source>&amp;Layout</source>
        <translation>&amp;Орналастыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="145"/>
        <source>Lay the chart out again (pinned entities stay)</source>
        <translation>Сызбаны қайта орналастыру (бекітілген объектілер орнында қалады)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="155"/>
        <source>Find a phone, IMEI, card, IBAN, wallet, e-mail… in any spelling</source>
        <translation>Телефон, IMEI, карта, IBAN, әмиян, эл. поштаны… кез келген жазылуымен іздеу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="160"/>
        <source>Size: same · colour: kind</source>
        <translation>Өлшемі: бірдей · түсі: түрі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="160"/>
        <source>Size by links (degree)</source>
        <translation>Өлшемі байланыстар саны бойынша</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="161"/>
        <source>Size by number of cases</source>
        <translation>Өлшемі істер саны бойынша</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="161"/>
        <source>Size by amount</source>
        <translation>Өлшемі сома бойынша</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="162"/>
        <source>Colour by community</source>
        <translation>Түсі қауымдастық бойынша</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="165"/>
        <source>Chart</source>
        <translation>Сызба</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="236"/>
        <source>The saved chart could not be read; a new one will be drawn.</source>
        <translation>Сақталған сызбаны оқу мүмкін болмады; жаңасы салынады.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="247"/>
        <source>&amp;Undo {what}</source>
        <translation>Болдырма&amp;у: {what}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="249"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Қайталау: {what}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="295"/>
        <source>The cases in scope hold {n:,} entities and no ring. Find an entity to start from, or draw them all (this may take a while).</source>
        <translation>Таңдалған істерде {n:,} объект бар, қылмыстық топ табылмады. Бастау үшін объектіні іздеңіз немесе барлығын салыңыз (біраз уақыт алуы мүмкін).</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="297"/>
        <source>Draw all</source>
        <translation>Барлығын салу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="304"/>
        <source>Laying out the chart</source>
        <translation>Сызбаны орналастыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="314"/>
        <source>The chart shows the members of {n} ring(s) and their closest neighbours.</source>
        <translation>Сызбада қылмыстық топтардың ({n}) мүшелері мен олардың ең жақын байланыстары көрсетілген.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="335"/>
        <source>The graph of the scope is still being built.</source>
        <translation>Таңдалған істердің графы әлі құрылуда.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="340"/>
        <source>{name} ({n} links)</source>
        <translation>{name} (байланыстар: {n})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="342"/>
        <source>Supernode: {names}. It may be a public number or an exchange; mark it as a hub in the inspector.</source>
        <translation>Аса ірі түйін: {names}. Бұл жалпыға ортақ нөмір немесе биржа болуы мүмкін; инспекторда оны хаб ретінде белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="345"/>
        <source>Only the {cap} strongest neighbours were added; {skipped} left out.</source>
        <translation>Тек ең күшті {cap} көрші қосылды; {skipped} қосылмады.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="349"/>
        <source>No more neighbours in the cases in scope.</source>
        <translation>Таңдалған істерде басқа көршілер жоқ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/chart_panel.py" line="353"/>
        <source>Added %n entities.</source>
        <translation>
            <numerusform>%n объект қосылды.</numerusform>
            <numerusform>%n объект қосылды.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="418"/>
        <source>Nothing in this workspace matches “{text}”.</source>
        <translation>Бұл жұмыс кеңістігінде «{text}» бойынша ештеңе табылмады.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="431"/>
        <source>{what} is not in the cases in scope; it was seen in: {cases}. Tick those cases in the Cases dock.</source>
        <translation>{what} таңдалған істерде жоқ; ол мына істерде кездеседі: {cases}. Оларды «Істер» тақтасында белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="467"/>
        <source>Layout</source>
        <translation>Орналастыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="492"/>
        <source>Communities</source>
        <translation>Қауымдастықтар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/chart_panel.py" line="503"/>
        <source>Hub mark saved; the rings are being found again.</source>
        <translation>Хаб белгісі сақталды; қылмыстық топтар қайта ізделуде.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="218"/>
        <source>{n:,} entities, {m:,} links</source>
        <translation>Нысандар: {n:,}, байланыстар: {m:,}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="220"/>
        <source> · {p:.0%} of links drawn at this zoom</source>
        <translation> · осы масштабта байланыстардың {p:.0%} көрсетілген</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="450"/>
        <source>Cases: {c}</source>
        <translation>Істер: {c}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="450"/>
        <source>Degree: {d}</source>
        <translation>Дәреже: {d}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="453"/>
        <source>Note: {n}</source>
        <translation>Ескертпе: {n}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="461"/>
        <source>Expand</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="462"/>
        <source>Hide</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="463"/>
        <source>Pin</source>
        <translation>Бекіту</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="464"/>
        <source>Unpin</source>
        <translation>Босату</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="465"/>
        <source>Select neighbours</source>
        <translation>Көршілерді таңдау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="466"/>
        <source>Centre on it</source>
        <translation>Ортаға қою</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="468"/>
        <source>Fit to view</source>
        <translation>Терезеге сыйдыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="471"/>
        <source>Show {n} hidden</source>
        <translation>Жасырылғандарды көрсету ({n})</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/canvas/view.py" line="473"/>
        <source>Select all</source>
        <translation>Барлығын таңдау</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="112"/>
        <source>Files and case</source>
        <translation>Файлдар және іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="113"/>
        <source>Choose the files to import and the case they belong to.</source>
        <translation>Импорттайтын файлдарды және олар жататын істі таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="116"/>
        <source>Add files…</source>
        <translation>Файлдарды қосу…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="117"/>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="118"/>
        <source>Existing case:</source>
        <translation>Бар іс:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="120"/>
        <source>New case:</source>
        <translation>Жаңа іс:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="122"/>
        <source>case number</source>
        <translation>іс нөмірі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="124"/>
        <source>title (optional)</source>
        <translation>атауы (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="132"/>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="140"/>
        <source>Files:</source>
        <translation>Файлдар:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="181"/>
        <source>Files to import</source>
        <translation>Импорттау үшін файлдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="182"/>
        <source>Call records, statements, ad responses (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;All files (*)</source>
        <translation>Қоңырау тізімдері, үзінді көшірмелер, хабарландыру сайттарының жауаптары (*.csv *.txt *.tsv *.xlsx *.xls *.xml);;Барлық файлдар (*)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="541"/>
        <source>Importing</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="546"/>
        <source>Cancel import</source>
        <translation>Импорттаудан бас тарту</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/import_wizard.py" line="559"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n файл оқылуда…</numerusform>
            <numerusform>%n файл оқылуда…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="564"/>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="574"/>
        <source>Cancelling…</source>
        <translation>Бас тартылуда…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="588"/>
        <source>Done.</source>
        <translation>Дайын.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="592"/>
        <source>The import failed; nothing of the file being imported was kept.
{error}</source>
        <translation>Импорттау сәтсіз аяқталды; импортталып жатқан файлдан ештеңе сақталмады.
{error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="596"/>
        <source>Import cancelled; nothing was kept.</source>
        <translation>Импорттаудан бас тартылды; ештеңе сақталмады.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="649"/>
        <source>Import files</source>
        <translation>Файлдарды импорттау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="659"/>
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="660"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Келесі &gt;</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="661"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Артқа</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="662"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="663"/>
        <source>&amp;Finish</source>
        <translation>&amp;Аяқтау</translation>
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
        <translation>Түрі:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="100"/>
        <source>Key:</source>
        <translation>Кілт:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="101"/>
        <source>Spellings seen:</source>
        <translation>Жазылу нұсқалары:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="101"/>
        <source>Cases:</source>
        <translation>Істер:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="102"/>
        <source>First / last seen:</source>
        <translation>Алғаш / соңғы рет:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="102"/>
        <source>Events:</source>
        <translation>Оқиғалар:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="103"/>
        <source>Amounts in / out:</source>
        <translation>Кіріс / шығыс сомалары:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="103"/>
        <source>Note:</source>
        <translation>Ескертпе:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="110"/>
        <source>Mark as public number / hub (left out of rings)</source>
        <translation>Жалпыға ортақ нөмір / хаб ретінде белгілеу (топтарға кірмейді)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="112"/>
        <source>Row</source>
        <translation>Жол</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="113"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="117"/>
        <source>Double-click a row to see the source row&apos;s cells</source>
        <translation>Бастапқы жолдың ұяшықтарын көру үшін жолды екі рет басыңыз</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="118"/>
        <source>Where it comes from:</source>
        <translation>Дереккөздері:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="139"/>
        <source>Select an entity or a link on the chart.</source>
        <translation>Сызбада объектіні немесе байланысты таңдаңыз.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/inspector_dock.py" line="157"/>
        <source>%n entities selected</source>
        <translation>
            <numerusform>%n объект таңдалды</numerusform>
            <numerusform>%n объект таңдалды</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="177"/>
        <source> (invalid)</source>
        <translation> (жарамсыз)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="199"/>
        <source>link</source>
        <translation>байланыс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="212"/>
        <source>not in the graph of the cases in scope</source>
        <translation>таңдалған істердің графында жоқ</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="221"/>
        <source>linked by: {kinds}</source>
        <translation>байланыстар: {kinds}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/inspector_dock.py" line="222"/>
        <source>%n neighbour(s)</source>
        <translation>
            <numerusform>%n көрші</numerusform>
            <numerusform>%n көрші</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="224"/>
        <source>{minutes} min of calls</source>
        <translation>{minutes} мин қоңырау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="238"/>
        <source>marked in the inspector</source>
        <translation>инспекторда белгіленді</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/inspector_dock.py" line="240"/>
        <source>Hub mark</source>
        <translation>Хаб белгісі</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../linkview/ui/names.py" line="10"/>
        <source>phone number</source>
        <translation>телефон нөмірі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="11"/>
        <source>service number / sender</source>
        <translation>сервистік нөмір / жіберуші</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="12"/>
        <source>subscriber</source>
        <translation>абонент</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="13"/>
        <source>handset (IMEI)</source>
        <translation>құрылғы (IMEI)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="14"/>
        <source>SIM card (IMSI)</source>
        <translation>SIM-карта (IMSI)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="15"/>
        <source>bank card</source>
        <translation>банк картасы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="16"/>
        <source>masked bank card</source>
        <translation>жасырылған банк картасы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="17"/>
        <source>IBAN account</source>
        <translation>IBAN шоты</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="18"/>
        <source>account</source>
        <translation>шот</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="19"/>
        <source>IIN (person)</source>
        <translation>ЖСН (жеке тұлға)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="20"/>
        <source>BIN (company)</source>
        <translation>БСН (ұйым)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="21"/>
        <source>TRON wallet</source>
        <translation>TRON әмияны</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="22"/>
        <source>Ethereum / EVM wallet</source>
        <translation>Ethereum / EVM әмияны</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="23"/>
        <source>Bitcoin wallet</source>
        <translation>Bitcoin әмияны</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="24"/>
        <source>e-mail</source>
        <translation>эл. пошта</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="25"/>
        <source>IP address</source>
        <translation>IP мекенжайы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="26"/>
        <source>device</source>
        <translation>құрылғы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="27"/>
        <source>ad-site account</source>
        <translation>хабарландыру сайтындағы аккаунт</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="28"/>
        <source>ad</source>
        <translation>хабарландыру</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="29"/>
        <source>person</source>
        <translation>тұлға</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../linkview/ui/names.py" line="33"/>
        <source>calls</source>
        <translation>қоңыраулар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="34"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="35"/>
        <source>transfers</source>
        <translation>аударымдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="36"/>
        <source>payments</source>
        <translation>төлемдер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="37"/>
        <source>logins</source>
        <translation>кірулер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="38"/>
        <source>SIM in handset</source>
        <translation>SIM құрылғыда</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="39"/>
        <source>number of SIM</source>
        <translation>SIM-карта нөмірі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="40"/>
        <source>used by account</source>
        <translation>аккаунт пайдаланады</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="41"/>
        <source>pays with card</source>
        <translation>картамен төлейді</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="42"/>
        <source>posted ad</source>
        <translation>хабарландыру орналастырды</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="43"/>
        <source>contact in ad</source>
        <translation>хабарландырудағы байланыс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="44"/>
        <source>owner</source>
        <translation>иесі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="45"/>
        <source>card of account</source>
        <translation>шоттың картасы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/names.py" line="46"/>
        <source>possible same card</source>
        <translation>мүмкін, сол карта</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="72"/>
        <source>&amp;New workspace…</source>
        <translation>&amp;Жаңа жұмыс кеңістігі…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="74"/>
        <source>&amp;Open workspace…</source>
        <translation>Жұмыс кеңістігін &amp;ашу…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="76"/>
        <source>Open the &amp;demo workspace</source>
        <translation>&amp;Демо жұмыс кеңістігін ашу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="77"/>
        <source>&amp;Import files…</source>
        <translation>Файлдарды &amp;импорттау…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="78"/>
        <source>New &amp;case…</source>
        <translation>Жаңа &amp;іс…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="79"/>
        <source>&amp;Close workspace</source>
        <translation>Жұмыс кеңістігін &amp;жабу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="81"/>
        <source>&amp;Quit</source>
        <translation>Шы&amp;ғу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="82"/>
        <source>&amp;About LinkView</source>
        <translation>LinkView &amp;туралы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="113"/>
        <source>&amp;Edit</source>
        <translation>Тү&amp;зету</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="119"/>
        <source>&amp;Chart</source>
        <translation>&amp;Сызба</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="122"/>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="125"/>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="127"/>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="131"/>
        <source>Workspace</source>
        <translation>Жұмыс кеңістігі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="208"/>
        <location filename="../../linkview/ui/main_window.py" line="238"/>
        <source>Open workspace</source>
        <translation>Жұмыс кеңістігін ашу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="225"/>
        <location filename="../../linkview/ui/main_window.py" line="232"/>
        <source>New workspace</source>
        <translation>Жаңа жұмыс кеңістігі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="226"/>
        <location filename="../../linkview/ui/main_window.py" line="238"/>
        <source>LinkView workspaces (*.linkview)</source>
        <translation>LinkView жұмыс кеңістіктері (*.linkview)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="233"/>
        <source>{path} already exists. Open it, or choose another name.</source>
        <translation>{path} бұрыннан бар. Оны ашыңыз немесе басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="246"/>
        <source>Preparing the demo workspace…</source>
        <translation>Демо жұмыс кеңістігі дайындалуда…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="246"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="247"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="252"/>
        <source>Demo workspace</source>
        <translation>Демо жұмыс кеңістігі</translation>
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
            <numerusform>%n файл импортталды.</numerusform>
            <numerusform>%n файл импортталды.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="315"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="316"/>
        <source>The new language is used the next time LinkView starts.</source>
        <translation>Жаңа тіл LinkView келесі рет іске қосылғанда қолданылады.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="321"/>
        <source>About LinkView</source>
        <translation>LinkView туралы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/main_window.py" line="322"/>
        <source>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Link analysis of call records, bank statements, blockchain exports and ad-site responses across fraud cases.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LinkView {version}&lt;/b&gt;&lt;p&gt;Алаяқтық істері бойынша қоңырау тізімдерін, банк үзінді көшірмелерін, блокчейн деректерін және хабарландыру сайттарының жауаптарын байланыстық талдау.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="209"/>
        <source>How to read each file</source>
        <translation>Әр файлды қалай оқу керек</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="210"/>
        <source>Check what was detected on the first rows; change anything that is wrong.</source>
        <translation>Алғашқы жолдардан не анықталғанын тексеріңіз; қате болса, түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>calls</source>
        <translation>қоңыраулар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>transfers</source>
        <translation>аударымдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="214"/>
        <source>ad accounts</source>
        <translation>хабарландыру аккаунттары</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="218"/>
        <location filename="../../linkview/ui/import_wizard.py" line="221"/>
        <source>detect</source>
        <translation>анықтау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="224"/>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="226"/>
        <source>Save this spec…</source>
        <translation>Осы импорт үлгісін сақтау…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="241"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="243"/>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="243"/>
        <source>Encoding:</source>
        <translation>Кодтау:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="244"/>
        <source>Delimiter:</source>
        <translation>Бөлгіш:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="245"/>
        <source>Header row:</source>
        <translation>Тақырып жолы:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="253"/>
        <source>Saved spec:</source>
        <translation>Сақталған үлгі:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="341"/>
        <source>Reading the first rows of {file}…</source>
        <translation>{file} файлының алғашқы жолдары оқылуда…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="347"/>
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="369"/>
        <source>Cannot read {file}: {error}</source>
        <translation>{file} файлын оқу мүмкін емес: {error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="390"/>
        <source>Detected: {kind}, encoding {enc}, delimiter {delim}, header on row {row}.</source>
        <translation>Анықталды: {kind}, кодтау {enc}, бөлгіш {delim}, тақырып {row}-жолда.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="397"/>
        <source>Still missing: {fields}. Choose the columns below.</source>
        <translation>Әлі жетіспейді: {fields}. Төменде бағандарды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="415"/>
        <source>(not in this file)</source>
        <translation>(бұл файлда жоқ)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="447"/>
        <source>(detect from the file)</source>
        <translation>(файлдан анықтау)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="462"/>
        <source>Saved spec</source>
        <translation>Сақталған үлгі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="526"/>
        <source>Save this spec</source>
        <translation>Импорт үлгісін сақтау</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="527"/>
        <source>Name (e.g. the sender: Kcell calls 2024):</source>
        <translation>Атауы (мысалы, жіберуші: Kcell қоңыраулары 2024):</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="74"/>
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="76"/>
        <source>e.g. 252500031000123</source>
        <translation>мысалы, 252500031000123</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="81"/>
        <source>Case number:</source>
        <translation>Іс нөмірі:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="82"/>
        <source>Title:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/cases_dock.py" line="83"/>
        <source>Notes:</source>
        <translation>Ескертпелер:</translation>
    </message>
</context>
<context>
    <name>RingsDock</name>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="45"/>
        <source>{key} in case {case}: {file}, rows {rows} (SHA-256 {sha}…)</source>
        <translation>{key} {case} ісінде: {file}, жолдар {rows} (SHA-256 {sha}…)</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="70"/>
        <source>Rings</source>
        <translation>Топтар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="73"/>
        <source>Score</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="73"/>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="74"/>
        <source>Members</source>
        <translation>Мүшелер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="74"/>
        <source>Case numbers</source>
        <translation>Іс нөмірлері</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="76"/>
        <location filename="../../linkview/ui/rings_dock.py" line="125"/>
        <source>Open a workspace to find rings.</source>
        <translation>Қылмыстық топтарды табу үшін жұмыс кеңістігін ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="87"/>
        <source>Members (bridges link cases; connectors hold them together):</source>
        <translation>Мүшелер (көпірлер істерді байланыстырады; жалғаушылар оларды біріктіреді):</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="89"/>
        <source>Evidence (source rows that put each bridge in its cases):</source>
        <translation>Дәлелдер (әр көпірді істерімен байланыстыратын бастапқы жолдар):</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="127"/>
        <source>Tick the cases to analyse in the Cases dock.</source>
        <translation>Талдау үшін істерді «Істер» тақтасында белгілеңіз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="129"/>
        <source>No ring joins two or more cases of the scope.</source>
        <translation>Таңдалған істердің екеуін не одан көбін байланыстыратын топ жоқ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../linkview/ui/rings_dock.py" line="131"/>
        <source>%n ring(s) join the cases in scope.</source>
        <translation>
            <numerusform>Таңдалған істерді %n қылмыстық топ байланыстырады.</numerusform>
            <numerusform>Таңдалған істерді %n қылмыстық топ байланыстырады.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="137"/>
        <source>Looking for rings…</source>
        <translation>Қылмыстық топтар ізделуде…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="140"/>
        <source>The rings could not be found: {error}</source>
        <translation>Қылмыстық топтарды табу мүмкін болмады: {error}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="151"/>
        <source>bridge</source>
        <translation>көпір</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/rings_dock.py" line="151"/>
        <source>connector</source>
        <translation>жалғаушы</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../linkview/ui/session.py" line="152"/>
        <source>Building the graph of the scope</source>
        <extracomment>a workspace with at most this many events and links opens with every case in scope</extracomment>
        <translation>Таңдалған істердің графын құру</translation>
    </message>
</context>
<context>
    <name>SourceRowDialog</name>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="29"/>
        <source>Source row {row} of {file}</source>
        <translation>{file} файлының {row}-бастапқы жолы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="34"/>
        <source>Case {case} · file {file} · row {row}
SHA-256 {sha}</source>
        <translation>Іс {case} · файл {file} · жол {row}
SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="39"/>
        <source>Column</source>
        <translation>Баған</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="39"/>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/dialogs.py" line="54"/>
        <source>The raw cells of this row were not kept when the file was imported. Open the file itself at the row shown above.</source>
        <translation>Импорттау кезінде бұл жолдың бастапқы ұяшықтары сақталмаған. Файлдың өзін жоғарыда көрсетілген жолдан ашыңыз.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="609"/>
        <source>Imported</source>
        <translation>Импортталды</translation>
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
        <translation>Іс</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="611"/>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="612"/>
        <source>Links</source>
        <translation>Байланыстар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="612"/>
        <source>Rows rejected</source>
        <translation>Қабылданбаған жолдар</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="613"/>
        <source>Values flagged</source>
        <translation>Белгіленген мәндер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="613"/>
        <source>New entities</source>
        <translation>Жаңа объектілер</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="618"/>
        <source>Row</source>
        <translation>Жол</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="618"/>
        <source>Column</source>
        <translation>Баған</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="619"/>
        <source>Severity</source>
        <translation>Маңыздылығы</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="619"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/import_wizard.py" line="625"/>
        <source>First rejected rows and flagged values:</source>
        <translation>Алғашқы қабылданбаған жолдар мен белгіленген мәндер:</translation>
    </message>
</context>
<context>
    <name>TaskProgressWidget</name>
    <message>
        <location filename="../../linkview/ui/tasks.py" line="214"/>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
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
        <translation>Көптеген істердегі телефондарды, құрылғыларды, карталарды, шоттар мен әмияндарды байланыстырып, қай істер бір қылмыстық топты құрайтынын бастапқы жолдарға дейін көріңіз.</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="34"/>
        <source>New workspace…</source>
        <translation>Жаңа жұмыс кеңістігі…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="35"/>
        <source>Open workspace…</source>
        <translation>Жұмыс кеңістігін ашу…</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="36"/>
        <source>Open the demo workspace</source>
        <translation>Демо жұмыс кеңістігін ашу</translation>
    </message>
    <message>
        <location filename="../../linkview/ui/welcome.py" line="41"/>
        <source>Recent workspaces:</source>
        <translation>Соңғы жұмыс кеңістіктері:</translation>
    </message>
</context>
</TS>
