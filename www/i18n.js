// Interface language: 简体中文, 繁體中文 and English. Every string of the page
// goes through t(); elements carry data-i18n="key" (text) or
// data-i18n-aria-label / -title / -placeholder (attributes). The language
// follows navigator.languages until the user picks one, which is remembered.

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

const S = {
  pageTitle: ['净文 jingwen — 清理、转换、高亮中文文档', '淨文 jingwen — 清理、轉換、醒目標示中文文件', 'jingwen — clean, convert and highlight Chinese documents'],
  skip: ['跳到主要内容', '跳到主要內容', 'Skip to main content'],
  tagline: [
    '清理抓取的中文文档 · 简繁转换 · 关键词高亮 — 全部在你的浏览器里完成',
    '清理擷取的中文文件 · 簡繁轉換 · 關鍵詞醒目標示 — 全部在你的瀏覽器裡完成',
    'Clean scraped Chinese documents · convert simplified/traditional · highlight keywords — all in your browser',
  ],
  engineLoading: ['正在载入引擎…', '正在載入引擎…', 'Loading the engine…'],
  engineReady: ['引擎就绪', '引擎就緒', 'Engine ready'],
  engineError: ['引擎载入失败：{message}', '引擎載入失敗：{message}', 'The engine failed to load: {message}'],
  offlinePending: ['正在准备离线使用…', '正在準備離線使用…', 'Preparing offline use…'],
  offlineReady: ['可离线使用', '可離線使用', 'Ready offline'],
  offlineNow: ['离线中 · 使用本机缓存', '離線中 · 使用本機快取', 'Offline · running from the cache'],
  offlineUnsupported: ['此环境不支持离线缓存', '此環境不支援離線快取', 'Offline use is not available here'],
  updateReload: ['有新版本 — 重新载入', '有新版本 — 重新載入', 'Update available — reload'],
  language: ['语言', '語言', 'Language'],
  darkMode: ['深色模式', '深色模式', 'Dark mode'],
  addDocuments: ['添加文档', '加入文件', 'Add documents'],
  dropTitle: ['把文件或文件夹拖到这里', '把檔案或資料夾拖到這裡', 'Drop files or folders here'],
  dropSub: ['或点击选择文件（可多选）', '或點選以選擇檔案（可多選）', 'or click to choose files (several at once)'],
  dropHint: [
    '支持 .txt、.html、.htm、.md，每个文件最大 64 MB。文件只在本机处理，不会上传。',
    '支援 .txt、.html、.htm、.md，每個檔案最大 64 MB。檔案只在本機處理，不會上傳。',
    '.txt, .html, .htm and .md, up to 64 MB each. Files are processed on this device and never uploaded.',
  ],
  pasteSummary: ['粘贴文本', '貼上文字', 'Paste text'],
  pasteLabel: [
    '粘贴文本或 HTML 源码（也可以在页面任意处直接粘贴）',
    '貼上文字或 HTML 原始碼（也可以在頁面任何地方直接貼上）',
    'Paste text or HTML source (or paste anywhere on the page)',
  ],
  pasteAdd: ['作为文档添加', '加入為文件', 'Add as a document'],
  pasteEmpty: ['没有可添加的文本：请先在框里粘贴或输入文本。', '沒有可加入的文字：請先在框裡貼上或輸入文字。', 'Nothing to add: paste or type some text in the box first.'],
  pastedName: ['粘贴的文本 {n}', '貼上的文字 {n}', 'Pasted text {n}'],
  idle: ['空闲', '閒置', 'Idle'],
  cancel: ['取消', '取消', 'Cancel'],
  documents: ['文档', '文件', 'Documents'],
  noDocs: ['还没有文档。', '還沒有文件。', 'No documents yet.'],
  downloadAll: ['全部下载（.zip）', '全部下載（.zip）', 'Download all (.zip)'],
  zipConverted: [
    '压缩包里也放入转换结果（按各文档的转换方案和自定义词典）',
    '壓縮檔裡也放入轉換結果（依各文件的轉換方案和自訂詞典）',
    "Also put each document's conversion in the zip (its configuration, your phrases)",
  ],
  leftOut: ['有 {count} 个文档没有包含在下载中：{reasons}。', '有 {count} 份文件沒有包含在下載中：{reasons}。', 'Left out of the download ({count}): {reasons}.'],
  leftOutFailed: ['{count} 个清理失败', '{count} 份清理失敗', '{count} failed to clean'],
  leftOutBusy: ['{count} 个仍在处理中', '{count} 份仍在處理中', '{count} still being processed'],
  leftOutCancelled: ['{count} 个已取消清理', '{count} 份已取消清理', '{count} cancelled'],
  listSeparator: ['，', '，', ', '],
  clearAll: ['全部清除', '全部清除', 'Clear all'],
  emptyTitle: ['把抓取的文档变成干净的正文', '把擷取的文件變成乾淨的正文', 'Turn scraped documents into clean articles'],
  emptyIntro: [
    '净文去掉导航、页脚、版权、编辑署名、图片说明、分享按钮等噪声，并告诉你每一处删除的理由。',
    '淨文去掉導覽、頁尾、版權、編輯署名、圖片說明、分享按鈕等雜訊，並告訴你每一處刪除的理由。',
    'jingwen removes navigation, footers, copyright lines, editor credits, captions, share bars and other noise — and tells you why each piece went.',
  ],
  step1: [
    '拖入文件或整个文件夹（.txt、.html、.md，GBK、Big5 等编码会自动识别），或粘贴文本。',
    '拖入檔案或整個資料夾（.txt、.html、.md，GBK、Big5 等編碼會自動辨識），或貼上文字。',
    'Drop files or a whole folder (.txt, .html, .md; GBK, Big5 and other encodings are detected), or paste text.',
  ],
  step2: [
    '查看净文、删除说明和元数据；按规则开关重新清理。',
    '檢視淨文、刪除說明和中繼資料；依規則開關重新清理。',
    'Read the clean text, see what was removed and the metadata; switch rules off to re-clean.',
  ],
  step3: [
    '简繁转换（全部 OpenCC 方案）、高亮关键词，复制或下载结果。',
    '簡繁轉換（全部 OpenCC 方案）、醒目標示關鍵詞，複製或下載結果。',
    'Convert with any OpenCC configuration, highlight keywords, copy or download the results.',
  ],
  emptyPrivacy: [
    '没有服务器：文档只保存在这个浏览器里，断网也能用。',
    '沒有伺服器：文件只儲存在這個瀏覽器裡，斷網也能用。',
    'No server: documents are kept only in this browser, and the page works offline.',
  ],
  encoding: ['编码', '編碼', 'Encoding'],
  encodingAuto: ['自动识别', '自動辨識', 'Detect automatically'],
  views: ['视图', '檢視', 'Views'],
  tabClean: ['净文', '淨文', 'Clean text'],
  tabRemoved: ['删除说明', '刪除說明', 'What was removed'],
  tabConvert: ['简繁转换', '簡繁轉換', 'Converted'],
  tabHighlight: ['关键词高亮', '關鍵詞標示', 'Highlight'],
  tabOriginal: ['原文', '原文', 'Original'],
  copy: ['复制', '複製', 'Copy'],
  copied: ['已复制到剪贴板', '已複製到剪貼簿', 'Copied to the clipboard'],
  notReady: ['还在处理中，完成后才能复制或下载', '還在處理中，完成後才能複製或下載', 'Still working: copy or download once it is done'],
  nothingToCopy: ['没有可复制或下载的内容。{reason}', '沒有可複製或下載的內容。{reason}', 'Nothing to copy or download. {reason}'],
  copyFailed: ['复制失败：{message}', '複製失敗：{message}', 'Could not copy: {message}'],
  downloadTxt: ['下载 .txt', '下載 .txt', 'Download .txt'],
  downloadOriginal: ['下载原文件', '下載原始檔案', 'Download the original file'],
  cleanTextLabel: ['净文', '淨文', 'Clean text'],
  removedTextLabel: ['原文中的删除', '原文中的刪除', 'The document with its removals'],
  convertTextLabel: ['转换结果', '轉換結果', 'Converted text'],
  highlightTextLabel: ['高亮文本', '標示後的文字', 'Highlighted text'],
  originalTextLabel: ['原文', '原文', 'Original'],
  sampleRemoved: ['删除', '刪除', 'gone'],
  sampleChanged: ['改', '改', 'edit'],
  legendRemoved: ['已删除（标有规则）', '已刪除（標有規則）', 'removed (labelled with its rule)'],
  legendChanged: ['已修改', '已修改', 'changed'],
  metadata: ['元数据', '中繼資料', 'Metadata'],
  metaNone: ['没有提取到元数据。', '沒有擷取到中繼資料。', 'No metadata found.'],
  meta_title: ['标题', '標題', 'Title'],
  meta_date: ['日期', '日期', 'Date'],
  meta_source: ['来源', '來源', 'Source'],
  meta_author: ['作者', '作者', 'Author'],
  meta_editor: ['编辑', '編輯', 'Editor'],
  meta_originalTitle: ['原标题', '原標題', 'Original title'],
  meta_summary: ['摘要', '摘要', 'Summary'],
  meta_keywords: ['关键词', '關鍵詞', 'Keywords'],
  meta_encoding: ['编码', '編碼', 'Encoding'],
  meta_format: ['格式', '格式', 'Format'],
  meta_markup: ['丢弃的 HTML 元素', '丟棄的 HTML 元素', 'HTML elements dropped'],
  rules: ['清理规则', '清理規則', 'Cleaning rules'],
  rulesHint: [
    '取消勾选某条规则，会在关闭该规则的情况下重新清理这个文档。数字是它在本文中删除或修改的次数。',
    '取消勾選某條規則，會在關閉該規則的情況下重新清理這份文件。數字是它在本文中刪除或修改的次數。',
    'Untick a rule to re-clean this document with that rule off. The number is how often it acted here.',
  ],
  rulesReset: ['全部开启', '全部開啟', 'Turn all on'],
  conversion: ['转换方案', '轉換方案', 'Conversion'],
  convertFrom: ['转换对象', '轉換對象', 'Convert'],
  fromClean: ['净文', '淨文', 'Clean text'],
  fromSource: ['原文', '原文', 'Original'],
  convertWorking: ['正在载入词典并转换…', '正在載入詞典並轉換…', 'Loading dictionaries and converting…'],
  convertCancelled: ['转换已取消。', '轉換已取消。', 'The conversion was cancelled.'],
  convertDone: ['{config}：{chars} 字', '{config}：{chars} 字', '{config}: {chars} {chars:character|characters}'],
  convertUserDict: ['（含自定义词典 {count} 条）', '（含自訂詞典 {count} 條）', ' (with your {count} {count:phrase|phrases})'],
  userDictSummary: ['自定义词典', '自訂詞典', 'Your own phrases'],
  userDictCount: ['（{count} 条）', '（{count} 條）', ' ({count})'],
  userDictLabel: ['每行一条：原词和译词，用空格或 Tab 隔开', '每行一條：原詞和譯詞，用空格或 Tab 隔開', 'One per line: the phrase and what it becomes, separated by a space or a tab'],
  userDictHint: [
    '例如“香菜 芫荽”。优先于内置词典，用于所有文档；# 开头的行是注释。',
    '例如「香菜 芫荽」。優先於內建詞典，用於所有文件；# 開頭的行是註解。',
    'For example “香菜 芫荽”. They come before the built-in dictionaries, for every document; lines starting with # are comments.',
  ],
  userDictFromFile: ['从 .txt 文件载入（OpenCC 格式亦可）', '從 .txt 檔案載入（OpenCC 格式亦可）', 'Load from a .txt file (OpenCC format too)'],
  userDictLoaded: ['已从 {name} 载入 {count} 条', '已從 {name} 載入 {count} 條', 'Loaded {count} {count:phrase|phrases} from {name}'],
  userDictBad: ['第 {lines} 行缺少译词，未使用。', '第 {lines} 行缺少譯詞，未使用。', '{count:Line|Lines} {lines}: no replacement after the phrase; not used.'],
  userDictBroken: ['第 {lines} 行含有残缺的字符（单个代理项），未使用。', '第 {lines} 行含有殘缺的字元（單個代理項），未使用。', '{count:Line|Lines} {lines}: half of a character (a lone surrogate); not used.'],
  numberSeparator: ['、', '、', ', '],
  keywordsLabel: ['关键词（每行一个，或用逗号分隔）', '關鍵詞（每行一個，或用逗號分隔）', 'Keywords (one per line, or separated by commas)'],
  keywordsFromFile: ['从 .txt 文件载入', '從 .txt 檔案載入', 'Load from a .txt file'],
  keywordsLoaded: ['已从 {name} 载入 {count} 个关键词', '已從 {name} 載入 {count} 個關鍵詞', 'Loaded {count} {count:keyword|keywords} from {name}'],
  options: ['选项', '選項', 'Options'],
  optCase: ['忽略大小写', '忽略大小寫', 'Ignore case'],
  optWidth: ['全角半角视为相同', '全形半形視為相同', 'Full-width = half-width'],
  optScript: ['简体繁体视为相同', '簡體繁體視為相同', 'Simplified = traditional'],
  optWord: ['整词匹配（拉丁字母）', '整詞比對（拉丁字母）', 'Whole words (Latin letters)'],
  optSpace: ['忽略词中的空白和换行', '忽略詞中的空白和換行', 'Ignore spaces and line breaks inside a match'],
  searchIn: ['在哪里找', '在哪裡找', 'Search in'],
  prevMatch: ['上一个', '上一個', 'Previous'],
  nextMatch: ['下一个', '下一個', 'Next'],
  clearHighlights: ['清除', '清除', 'Clear'],
  hlShortcuts: ['F3 下一个，Shift+F3 上一个。', 'F3 下一個，Shift+F3 上一個。', 'F3: next match, Shift+F3: previous.'],
  hlNone: ['输入关键词开始高亮。', '輸入關鍵詞開始標示。', 'Type keywords to highlight them.'],
  hlWorking: ['正在匹配…', '正在比對…', 'Matching…'],
  hlCount: ['{matches} 处匹配 · {keywords} 个关键词', '{matches} 處相符 · {keywords} 個關鍵詞', '{matches} {matches:match|matches} · {keywords} {keywords:keyword|keywords}'],
  hlMarkFallback: ['（此浏览器不支持 CSS 高亮 API，改用 <mark> 标记）', '（此瀏覽器不支援 CSS 醒目標示 API，改用 <mark> 標記）', '(no CSS Custom Highlight API here: using <mark> elements)'],
  keywordCounts: ['关键词与匹配次数', '關鍵詞與相符次數', 'Keywords and their counts'],
  keywordItem: ['{keyword}：{count} 处', '{keyword}：{count} 處', '{keyword}: {count}'],
  moreKeywords: ['还有 {count} 个关键词未列出', '還有 {count} 個關鍵詞未列出', '{count} more {count:keyword|keywords} not listed'],
  originalNote: [
    '原始文件按文本显示（从不作为网页渲染或执行）。',
    '原始檔案以文字顯示（從不作為網頁呈現或執行）。',
    'The original file, shown as text (never rendered or run as a web page).',
  ],
  privacy: [
    '所有处理都在你的浏览器里完成：没有服务器，文档不会上传。',
    '所有處理都在你的瀏覽器裡完成：沒有伺服器，文件不會上傳。',
    'Everything happens in your browser: there is no server, and nothing is uploaded.',
  ],
  confirmClearTitle: ['清除全部？', '清除全部？', 'Clear everything?'],
  confirmClearText: [
    '这会从这个浏览器中删除所有打开的文档和设置（包括关键词、语言和主题）。此操作无法撤销。',
    '這會從這個瀏覽器中刪除所有開啟的文件和設定（包括關鍵詞、語言和主題）。此操作無法復原。',
    'This removes every open document and all settings (keywords, language, theme) from this browser. It cannot be undone.',
  ],
  confirmClearOk: ['全部清除', '全部清除', 'Clear everything'],
  cleared: ['已清除全部文档和设置。', '已清除全部文件和設定。', 'All documents and settings were cleared.'],
  restored: ['已恢复上次打开的 {count} 个文档。', '已恢復上次開啟的 {count} 份文件。', 'Restored {count} {count:document|documents} from your last visit.'],
  dismiss: ['关闭提示', '關閉提示', 'Dismiss'],
  removeDoc: ['移除 {name}', '移除 {name}', 'Remove {name}'],
  retry: ['重试', '重試', 'Retry'],
  statusQueued: ['排队中', '排隊中', 'Queued'],
  statusWorking: ['处理中…', '處理中…', 'Working…'],
  statusError: ['出错', '出錯', 'Error'],
  statusCancelled: ['已取消', '已取消', 'Cancelled'],
  progressReading: ['正在读取 {name}', '正在讀取 {name}', 'Reading {name}'],
  progressCleaning: ['正在清理 {name}', '正在清理 {name}', 'Cleaning {name}'],
  progressConverting: ['正在转换 {name}', '正在轉換 {name}', 'Converting {name}'],
  progressMatching: ['正在匹配关键词', '正在比對關鍵詞', 'Matching keywords'],
  progressZip: ['正在打包 zip', '正在打包 zip', 'Building the zip'],
  progressDecoding: ['正在解码原文', '正在解碼原文', 'Decoding the original'],
  progressBatch: ['已完成 {done} / {total}', '已完成 {done} / {total}', '{done} of {total} done'],
  progressBatchCancelled: ['已结束 {done} / {total}（取消 {cancelled}）', '已結束 {done} / {total}（取消 {cancelled}）', '{done} of {total} ended ({cancelled} cancelled)'],
  cleanedAnnounce: ['已清理 {count} 个文档', '已清理 {count} 份文件', 'Cleaned {count} {count:document|documents}'],
  cleanedWithFailures: ['已清理 {count} 个文档，{failed} 个无法清理', '已清理 {count} 份文件，{failed} 份無法清理', 'Cleaned {count} {count:document|documents}; {failed} could not be cleaned'],
  progressDone: ['已完成 {total} 项任务', '已完成 {total} 項工作', 'Done ({total} {total:job|jobs})'],
  progressCancelled: ['已取消', '已取消', 'Cancelled'],
  progressSomeCancelled: ['已完成 {done} 项任务，取消 {cancelled} 项', '已完成 {done} 項工作，取消 {cancelled} 項', 'Done ({done} {done:job|jobs}), {cancelled} cancelled'],
  tooBig: [
    '“{name}”有 {size}，超过 64 MB 的上限，没有打开。',
    '「{name}」有 {size}，超過 64 MB 的上限，沒有開啟。',
    '“{name}” is {size}, over the 64 MB limit; it was not opened.',
  ],
  skipped: [
    '跳过了 {count} 个不支持的文件：{names}',
    '略過了 {count} 個不支援的檔案：{names}',
    'Skipped {count} unsupported {count:file|files}: {names}',
  ],
  readFailed: ['无法读取“{name}”：{message}', '無法讀取「{name}」：{message}', 'Could not read “{name}”: {message}'],
  engineCrashed: [
    '处理引擎崩溃并已自动重启（{message}）。你的文档都还在，可以重试。',
    '處理引擎當機並已自動重新啟動（{message}）。你的文件都還在，可以重試。',
    'The engine crashed and was restarted ({message}). Your documents are still here; you can retry.',
  ],
  engineOutOfMemory: [
    '处理引擎内存不足（一个引擎最多 4 GB），已自动重启。这份文档太大或结构太密，无法一次处理；可以把它拆成几份。你的文档都还在。',
    '處理引擎記憶體不足（一個引擎最多 4 GB），已自動重新啟動。這份文件太大或結構太密，無法一次處理；可以把它拆成幾份。你的文件都還在。',
    'The engine ran out of memory (an engine has at most 4 GB) and was restarted. This document is too large or too dense to process at once; you can split it into several. Your documents are still here.',
  ],
  errOutOfMemory: ['内存不足：文档太大，无法一次处理', '記憶體不足：文件太大，無法一次處理', 'out of memory: the document is too large to process at once'],
  errNotText: ['这不是文本文件：看起来是{kind}', '這不是文字檔：看起來是{kind}', 'not a text document: it looks like {kind}'],
  errTooLarge: ['文件太大：{size}（上限 {limit}）', '檔案太大：{size}（上限 {limit}）', 'too large: {size} (the limit is {limit})'],
  // What errNotText says a file looks like (the engine's kind ids, src/clean/decode.rs).
  kind_png: ['PNG 图片', 'PNG 圖片', 'a PNG image'],
  kind_jpeg: ['JPEG 图片', 'JPEG 圖片', 'a JPEG image'],
  kind_gif: ['GIF 图片', 'GIF 圖片', 'a GIF image'],
  kind_pdf: ['PDF 文档', 'PDF 文件', 'a PDF document'],
  kind_zip: ['ZIP 压缩包（或 Office 文档）', 'ZIP 壓縮檔（或 Office 文件）', 'a ZIP archive (or an Office document)'],
  kind_gzip: ['gzip 压缩包', 'gzip 壓縮檔', 'a gzip archive'],
  kind_elf: ['可执行程序', '可執行程式', 'an executable'],
  kind_exe: ['Windows 可执行程序', 'Windows 可執行程式', 'a Windows executable'],
  kind_wasm: ['WebAssembly 模块', 'WebAssembly 模組', 'a WebAssembly module'],
  kind_rar: ['RAR 压缩包', 'RAR 壓縮檔', 'a RAR archive'],
  'kind_7z': ['7z 压缩包', '7z 壓縮檔', 'a 7z archive'],
  kind_ole: ['旧版 Office 文档', '舊版 Office 文件', 'an old Office document'],
  kind_sqlite: ['SQLite 数据库', 'SQLite 資料庫', 'an SQLite database'],
  kind_mp3: ['MP3 音频', 'MP3 音訊', 'an MP3 file'],
  kind_ogg: ['Ogg 音频', 'Ogg 音訊', 'an Ogg file'],
  kind_flac: ['FLAC 音频', 'FLAC 音訊', 'a FLAC file'],
  kind_bzip2: ['bzip2 压缩包', 'bzip2 壓縮檔', 'a bzip2 archive'],
  kind_xz: ['xz 压缩包', 'xz 壓縮檔', 'an xz archive'],
  kind_font: ['网页字体', '網頁字型', 'a web font'],
  kind_mp4: ['MP4/QuickTime 视频', 'MP4/QuickTime 影片', 'an MP4/QuickTime file'],
  kind_riff: ['RIFF 媒体文件（WebP、WAV、AVI）', 'RIFF 媒體檔（WebP、WAV、AVI）', 'a RIFF media file (WebP, WAV, AVI)'],
  kind_binary: ['二进制数据', '二進位資料', 'binary data'],
  cleanFailed: ['无法清理这个文档：{message}', '無法清理這份文件：{message}', 'This document could not be cleaned: {message}'],
  cancelledDoc: ['清理已取消。', '清理已取消。', 'Cleaning was cancelled.'],
  workingDoc: ['正在清理…', '正在清理…', 'Cleaning…'],
  storageFailed: ['无法保存到浏览器存储：{message}', '無法儲存到瀏覽器儲存空間：{message}', 'Could not save to browser storage: {message}'],
  storageFull: ['浏览器的存储空间已满', '瀏覽器的儲存空間已滿', "the browser's storage is full"],
  storageUnknown: ['未知错误', '未知錯誤', 'unknown error'],
  docNotSaved: [
    '“{name}”未能保存到浏览器（{message}），重新载入或关闭页面后它就不在了。请先下载需要的结果，或移除其他文档腾出空间（之后会自动重试保存）。',
    '「{name}」未能儲存到瀏覽器（{message}），重新載入或關閉頁面後它就不在了。請先下載需要的結果，或移除其他文件騰出空間（之後會自動重試儲存）。',
    '“{name}” could not be saved in the browser ({message}): it will be gone once the page is reloaded or closed. Download what you need first, or remove other documents to make room (saving is retried then).',
  ],
  docSavedLater: ['“{name}”现已保存到浏览器。', '「{name}」現已儲存到瀏覽器。', '“{name}” is now saved in the browser.'],
  docsNotSaved: [
    '{count} 个文档未能保存到浏览器（{message}）：{names}。重新载入或关闭页面后它们就不在了。请先下载需要的结果，或移除其他文档腾出空间（之后会自动重试保存）。',
    '{count} 份文件未能儲存到瀏覽器（{message}）：{names}。重新載入或關閉頁面後它們就不在了。請先下載需要的結果，或移除其他文件騰出空間（之後會自動重試儲存）。',
    '{count} documents could not be saved in the browser ({message}): {names}. They will be gone once the page is reloaded or closed. Download what you need first, or remove other documents to make room (saving is retried then).',
  ],
  docsSavedLater: ['{count} 个文档现已保存到浏览器：{names}。', '{count} 份文件現已儲存到瀏覽器：{names}。', '{count} documents are now saved in the browser: {names}.'],
  quoted: ['“{name}”', '「{name}」', '“{name}”'],
  andMore: ['等', '等', ', …'],
  statusUnsaved: ['未保存', '未儲存', 'not saved'],
  showMore: ['显示更多（已显示 {shown} / {total} 段）', '顯示更多（已顯示 {shown} / {total} 段）', 'Show more ({shown} of {total} {total:paragraph|paragraphs} shown)'],
  showEarlier: ['显示前面的 {count} 段', '顯示前面的 {count} 段', 'Show the {count} earlier {count:paragraph|paragraphs}'],
  emptyText: ['（没有内容）', '（沒有內容）', '(empty)'],
  cleanStats: [
    '{chars} 字 · {paras} 段 · 删除 {removed} 处 · 修改 {changed} 处',
    '{chars} 字 · {paras} 段 · 刪除 {removed} 處 · 修改 {changed} 處',
    '{chars} {chars:character|characters} · {paras} {paras:paragraph|paragraphs} · {removed} {removed:removal|removals} · {changed} {changed:change|changes}',
  ],
  removedStats: ['删除 {removed} 处，修改 {changed} 处', '刪除 {removed} 處，修改 {changed} 處', '{removed} {removed:removal|removals}, {changed} {changed:change|changes}'],
  removedStatsMarkup: [
    '；另外丢弃了 {count} 个不属于内容的 HTML 元素（脚本、样式、表单、隐藏元素等，不在此处列出）',
    '；另外丟棄了 {count} 個不屬於內容的 HTML 元素（指令碼、樣式、表單、隱藏元素等，不在此處列出）',
    '; also {count} non-content HTML {count:element|elements} dropped (scripts, styles, forms, hidden elements …, not listed here)',
  ],
  changedTo: ['改为', '改為', 'changed to'],
  docMeta: ['{format} · {size} · {encoding}', '{format} · {size} · {encoding}', '{format} · {size} · {encoding}'],
  encodingInfo: ['{name}（{how}）', '{name}（{how}）', '{name} ({how})'],
  decodeErrors: ['{count} 处字节无法解码', '{count} 處位元組無法解碼', '{count} undecodable {count:byte|bytes}'],
  det_bom: ['字节序标记', '位元組順序標記', 'byte order mark'],
  det_override: ['手动指定', '手動指定', 'chosen by you'],
  det_utf8: ['有效的 UTF-8', '有效的 UTF-8', 'valid UTF-8'],
  det_utf8_damaged: ['几乎全是有效的 UTF-8', '幾乎全是有效的 UTF-8', 'nearly all valid UTF-8'],
  det_declared: ['文档声明', '文件宣告', 'declared by the document'],
  det_guessed: ['统计推测', '統計推測', 'guessed from the bytes'],
  format_html: ['HTML', 'HTML', 'HTML'],
  format_markdown: ['Markdown', 'Markdown', 'Markdown'],
  format_text: ['纯文本', '純文字', 'plain text'],
  format_auto: ['自动', '自動', 'auto'],
  noText: ['（文本）', '（文字）', '(text)'],
  config_s2t: ['简体 → 繁体（OpenCC 标准）', '簡體 → 繁體（OpenCC 標準）', 'Simplified → Traditional (OpenCC standard)'],
  config_t2s: ['繁体 → 简体', '繁體 → 簡體', 'Traditional → Simplified'],
  config_s2tw: ['简体 → 台湾正体', '簡體 → 臺灣正體', 'Simplified → Taiwan standard'],
  config_tw2s: ['台湾正体 → 简体', '臺灣正體 → 簡體', 'Taiwan standard → Simplified'],
  config_s2twp: ['简体 → 台湾正体（含台湾用语）', '簡體 → 臺灣正體（含臺灣用語）', 'Simplified → Taiwan, with Taiwanese phrases'],
  config_tw2sp: ['台湾正体 → 简体（含大陆用语）', '臺灣正體 → 簡體（含大陸用語）', 'Taiwan → Simplified, with mainland phrases'],
  config_s2hk: ['简体 → 香港繁体', '簡體 → 香港繁體', 'Simplified → Hong Kong'],
  config_hk2s: ['香港繁体 → 简体', '香港繁體 → 簡體', 'Hong Kong → Simplified'],
  config_s2hkp: ['简体 → 香港繁体（含香港用语）', '簡體 → 香港繁體（含香港用語）', 'Simplified → Hong Kong, with Hong Kong phrases'],
  config_hk2sp: ['香港繁体 → 简体（含大陆用语）', '香港繁體 → 簡體（含大陸用語）', 'Hong Kong → Simplified, with mainland phrases'],
  config_t2tw: ['繁体 → 台湾正体', '繁體 → 臺灣正體', 'Traditional → Taiwan standard'],
  config_tw2t: ['台湾正体 → 繁体', '臺灣正體 → 繁體', 'Taiwan standard → Traditional'],
  config_t2hk: ['繁体 → 香港繁体', '繁體 → 香港繁體', 'Traditional → Hong Kong'],
  config_hk2t: ['香港繁体 → 繁体', '香港繁體 → 繁體', 'Hong Kong → Traditional'],
  config_t2jp: ['繁体 → 日本新字体', '繁體 → 日本新字體', 'Traditional → Japanese Shinjitai'],
  config_jp2t: ['日本新字体 → 繁体', '日本新字體 → 繁體', 'Japanese Shinjitai → Traditional'],
  // Rule descriptions in Chinese; in English the engine's own (cleanRules()) are shown.
  'ruledesc_front-matter': ['删除文首的前置元数据（YAML/TOML 头），其字段并入元数据。', '刪除文首的前置中繼資料（YAML/TOML 標頭），其欄位併入中繼資料。', null],
  ruledesc_markup: ['删除脚本、样式、注释、表单、iframe 等非正文的网页代码。', '刪除指令碼、樣式、註解、表單、iframe 等非正文的網頁程式碼。', null],
  ruledesc_boilerplate: ['删除正文以外的区块（菜单、侧栏、链接列表）。', '刪除正文以外的區塊（選單、側欄、連結清單）。', null],
  ruledesc_navigation: ['面包屑、菜单和网站名称行。', '麵包屑、選單和網站名稱行。', null],
  'ruledesc_original-title': ['“原标题”行（转载信息）。', '「原標題」行（轉載資訊）。', null],
  'ruledesc_duplicate-title': ['网页/SEO 标题，或重复的大标题。', '網頁／SEO 標題，或重複的大標題。', null],
  ruledesc_summary: ['重复正文内容的“摘要”行。', '重複正文內容的「摘要」行。', null],
  ruledesc_metadata: ['单独的元数据行（日期、来源、作者、原创……），保留在元数据中。', '單獨的中繼資料行（日期、來源、作者、原創……），保留在中繼資料中。', null],
  ruledesc_keywords: ['关键词、标签和分类号行。', '關鍵詞、標籤和分類號行。', null],
  ruledesc_editor: ['编辑署名行（责任编辑、责编、[编辑:…]）。', '編輯署名行（責任編輯、責編、[編輯:…]）。', null],
  ruledesc_caption: ['图片说明和图片来源（图片来源、图为…、…摄）。', '圖片說明和圖片來源（圖片來源、圖為…、…攝）。', null],
  ruledesc_copyright: ['版权声明、免责声明、ICP 与许可证号、网站页脚。', '版權聲明、免責聲明、ICP 與許可證號、網站頁尾。', null],
  ruledesc_interface: ['界面文字（字号、打印、返回顶部、举报……）。', '介面文字（字號、列印、返回頂端、檢舉……）。', null],
  ruledesc_share: ['分享栏（分享到……、微信 微博……）。', '分享列（分享到……、微信 微博……）。', null],
  ruledesc_promotion: ['应用与公众号推广（下载客户端、扫码关注……）。', '應用程式與公眾號推廣（下載用戶端、掃碼關注……）。', null],
  ruledesc_related: ['相关、推荐和热门文章列表。', '相關、推薦和熱門文章清單。', null],
  ruledesc_comments: ['读者评论区（跟贴、网友评论……）。', '讀者評論區（跟帖、網友評論……）。', null],
  ruledesc_pagination: ['分页（【1】【2】、上一页 下一页）。', '分頁（【1】【2】、上一頁 下一頁）。', null],
  'ruledesc_seo-spam': ['堆砌关键词和地名的垃圾行。', '堆砌關鍵詞和地名的垃圾行。', null],
  ruledesc_pinyin: ['文中夹注的拼音：網(wǎng) → 網。', '文中夾注的拼音：網(wǎng) → 網。', null],
  'ruledesc_stock-quote': ['插入的股票行情，如 (431.2, 7.37, 1.74%)。', '插入的股票行情，如 (431.2, 7.37, 1.74%)。', null],
  'ruledesc_link-stub': ['链接残留，如 (微博)。', '連結殘留，如 (微博)。', null],
  ruledesc_continuation: ['转版标记，如 (上接1版)。', '轉版標記，如 (上接1版)。', null],
  ruledesc_mojibake: ['修复有损转码造成的乱码（仅在原字确定时）。', '修復有損轉碼造成的亂碼（僅在原字確定時）。', null],
  ruledesc_whitespace: ['删除缩进，合并连续空格。', '刪除縮排，合併連續空格。', null],
  ruledesc_join: ['重新接上被分页或分栏截断在句中的段落。', '重新接上被分頁或分欄截斷在句中的段落。', null],
  ruledesc_punctuation: ['中文旁被 NFKC 折叠为半角的标点恢复为全角。', '中文旁被 NFKC 摺疊為半形的標點恢復為全形。', null],
  'rule_front-matter': ['前置元数据', '前置中繼資料', 'front matter'],
  rule_markup: ['网页代码', '網頁程式碼', 'markup'],
  rule_boilerplate: ['正文以外', '正文以外', 'boilerplate'],
  rule_navigation: ['导航', '導覽', 'navigation'],
  'rule_original-title': ['原标题', '原標題', 'original title'],
  'rule_duplicate-title': ['重复标题', '重複標題', 'duplicate title'],
  rule_summary: ['重复摘要', '重複摘要', 'summary'],
  rule_metadata: ['元数据行', '中繼資料行', 'metadata line'],
  rule_keywords: ['关键词行', '關鍵詞行', 'keywords'],
  rule_editor: ['编辑署名', '編輯署名', 'editor'],
  rule_caption: ['图片说明', '圖片說明', 'caption'],
  rule_copyright: ['版权与页脚', '版權與頁尾', 'copyright'],
  rule_interface: ['界面文字', '介面文字', 'interface'],
  rule_share: ['分享栏', '分享列', 'share bar'],
  rule_promotion: ['推广', '推廣', 'promotion'],
  rule_related: ['相关文章', '相關文章', 'related'],
  rule_comments: ['读者评论', '讀者評論', 'comments'],
  rule_pagination: ['分页', '分頁', 'pagination'],
  'rule_seo-spam': ['SEO 堆砌', 'SEO 堆砌', 'SEO spam'],
  rule_pinyin: ['拼音注音', '拼音注音', 'pinyin'],
  'rule_stock-quote': ['股价插入', '股價插入', 'stock quote'],
  'rule_link-stub': ['链接残留', '連結殘留', 'link stub'],
  rule_continuation: ['转版标记', '轉版標記', 'continuation'],
  rule_mojibake: ['乱码修复', '亂碼修復', 'mojibake'],
  rule_whitespace: ['空白', '空白', 'whitespace'],
  rule_join: ['断段接合', '斷段接合', 'join'],
  rule_punctuation: ['标点', '標點', 'punctuation'],
};

const STORAGE_KEY = 'jingwen.lang';
let lang = pick();
const listeners = new Set();

/** The language the browser prefers, among ours (English when none fits). */
export function detect(languages = navigator.languages || [navigator.language]) {
  for (const raw of languages) {
    const l = String(raw || '').toLowerCase();
    if (l.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

function pick() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch {}
  return detect();
}

export function currentLang() {
  return lang;
}

/** Was the language chosen by the user (rather than followed from the browser)? */
export function langChosen() {
  try {
    return LANGS.includes(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

/** The string for `key` in the current language, with {name} placeholders filled in. */
export function t(key, params) {
  const entry = S[key];
  let s = entry ? entry[LANGS.indexOf(lang)] ?? entry[2] : key;
  if (params) {
    // "{count:file|files}": the word for the number (English; Chinese has no plural).
    s = s.replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, k, one, other) => (k in params ? (String(params[k]) === '1' ? one : other) : m));
    s = s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
  }
  return s;
}

/** Is there a string for `key`? */
export function has(key) {
  return key in S;
}

/** Translates every element under `root` that carries data-i18n attributes. */
export function apply(root = document) {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attr of ['aria-label', 'title', 'placeholder']) {
    const data = `data-i18n-${attr}`;
    for (const el of root.querySelectorAll(`[${data}]`)) el.setAttribute(attr, t(el.getAttribute(data)));
  }
  document.documentElement.classList.remove('i18n-pending');
}

/** Switches the language (and remembers it unless `remember` is false). */
export function setLang(next, { remember = true } = {}) {
  if (!LANGS.includes(next)) return;
  lang = next;
  try {
    if (remember) localStorage.setItem(STORAGE_KEY, next);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {}
  apply();
  for (const fn of listeners) fn(lang);
}

/** Calls `fn(lang)` after every language change. */
export function onChange(fn) {
  listeners.add(fn);
}

/** A number formatted for the current language. */
export function num(n) {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : lang === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans').format(n);
}

/** A byte size for people. */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
