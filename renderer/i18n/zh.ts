/** 界面文字（中文，默认）。Every key here must exist in en.ts too: a test checks. */
export const zh = {
  app: { name: '简报工坊', loading: '正在打开示例报告…' },
  toolbar: {
    exportWord: '导出 Word',
    exportDeck: '导出幻灯片',
    language: 'English',
    languageLabel: '切换界面语言',
  },
  outline: {
    heading: '报告',
    empty: '报告中没有识别出章节。',
    sectionCount: '共 {{count}} 个章节',
    select: '选择章节「{{title}}」',
  },
  briefing: {
    heading: '简报内容',
    empty: '在左侧勾选章节，选中的内容会按顺序出现在这里。不勾选时导出全部一级章节及要点。',
    count: '已选 {{count}} 项',
  },
  export: {
    working: '正在导出…',
    saved: '已保存：{{path}}',
    downloaded: '已下载：{{name}}',
    canceled: '已取消导出。',
    showInFolder: '打开所在文件夹',
  },
  notice: { close: '关闭' },
} as const;
