/**
 * What a document says about its own words: how often each pair of adjacent characters occurs in
 * it, and how its sentences begin. A seam between two blocks whose characters the document joins
 * elsewhere (「理」+「体」 as in 「管理体制」) is a word cut in two; a block opening the way the
 * document's clauses open (「上半年」) starts something new. The repair rules ask only these counts.
 */

/**
 * Counts of adjacent character pairs across the document, built once (no pairwise scans), and of
 * the triples around rare pairs, which is all the fragment rules need of triples.
 */
export class PairCounts {
  private readonly pairs = new Map<number, number>();
  private readonly triples = new Map<number, number>();
  // characters get small ids so that pair keys stay small integers, which Map hashes fastest
  private readonly ids = new Uint16Array(0x10000);
  private nextId = 1;

  /** pairs that open a block or a clause: how sentences in this document begin */
  private readonly openers = new Map<number, number>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      let prev = text.length > 0 ? this.id(text.charCodeAt(0)) : 0;
      for (let i = 1; i < text.length; i++) {
        const cur = this.id(text.charCodeAt(i));
        const key = prev * 0x8000 + cur;
        this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
        // the pair (i-1, i) opens the block, or a clause after a stop or comma
        if (i === 1 || CLAUSE_BREAKS.has(text.charCodeAt(i - 2)))
          this.openers.set(key, (this.openers.get(key) ?? 0) + 1);
        prev = cur;
      }
    }
    // triples are only ever asked about for a block start that is a rare pair: count just those
    const rareStarts = new Set<number>();
    for (const text of texts) {
      if (text.length < 2) continue;
      const key = this.key(text.charCodeAt(0), text.charCodeAt(1));
      if ((this.pairs.get(key) ?? 0) <= RARE_PAIR) rareStarts.add(key);
    }
    if (rareStarts.size === 0) return;
    for (const text of texts) {
      for (let i = 1; i + 1 < text.length; i++) {
        if (!rareStarts.has(this.key(text.charCodeAt(i), text.charCodeAt(i + 1)))) continue;
        const key = tripleKey(text.charCodeAt(i - 1), text.charCodeAt(i), text.charCodeAt(i + 1));
        this.triples.set(key, (this.triples.get(key) ?? 0) + 1);
      }
    }
  }

  private id(code: number): number {
    let id = this.ids[code] ?? 0;
    if (id === 0) {
      // past 32,767 distinct characters the rest share one id: counts only get more cautious
      id = this.nextId < 0x7fff ? this.nextId++ : 0x7fff;
      this.ids[code] = id;
    }
    return id;
  }

  private key(a: number, b: number): number {
    return (this.ids[a] ?? 0) * 0x8000 + (this.ids[b] ?? 0);
  }

  private countCodes(a: number, b: number): number {
    return this.pairs.get(this.key(a, b)) ?? 0;
  }

  /** occurrences of (last character of a, first of b) */
  seam(a: string, b: string): number {
    if (!a || !b) return 0;
    return this.countCodes(a.charCodeAt(a.length - 1), b.charCodeAt(0));
  }

  /** times the first two characters of text open a block or clause elsewhere */
  opensElsewhere(text: string): number {
    return (this.openers.get(this.key(text.charCodeAt(0), text.charCodeAt(1))) ?? 0) - 1;
  }

  /** occurrences of the first two characters of text, other than at its own start */
  startElsewhere(text: string): number {
    return this.countCodes(text.charCodeAt(0), text.charCodeAt(1)) - 1;
  }

  /** occurrences of (last character of a, first two of b), for a rare pair at b's start */
  seamTriple(a: string, b: string): number {
    return this.triples.get(tripleKey(a.charCodeAt(a.length - 1), b.charCodeAt(0), b.charCodeAt(1))) ?? 0;
  }
}

const CLAUSE_BREAKS = new Set([...'，,。；;：:！？!?、“”"'].map((c) => c.charCodeAt(0)));

/** A pair seen at most this often elsewhere still counts as a rare word start. */
export const RARE_PAIR = 4;
const tripleKey = (a: number, b: number, c: number): number => (a * 0x10000 + b) * 0x10000 + c;

/**
 * The block starts mid-word: its first two characters begin nothing elsewhere in the document,
 * or only where the same character as the seam precedes them (「平」+「安建设」 as in 「平安建设」).
 */
export function rareStart(text: string, pairs: PairCounts): boolean {
  return text.length >= 2 && pairs.startElsewhere(text) < RARE_PAIR;
}

/** How well a fragment finishes a cut-off paragraph: how often the document joins the two characters at the seam. */
export function orphanFit(head: string, fragment: string, pairs: PairCounts): number {
  const elsewhere = pairs.startElsewhere(fragment);
  if (elsewhere <= 0) return pairs.seam(head, fragment);
  // the fragment's start occurs elsewhere: only if every such place reads head+fragment is it a fit
  const triple = pairs.seamTriple(head, fragment);
  return triple >= elsewhere ? triple : 0;
}

/**
 * Words a work report writes over and over, which a page may cut in two at its edge: where a
 * short text has too few words of its own to vouch for a seam, these do. The vocabulary of the
 * genre, not of one report.
 */
const COMMON_WORDS = new Set(
  (
    '增长 发展 建设 推进 项目 企业 经济 工作 服务 提升 完成 实现 同比 环比 亿元 万元 以上 以下 全面 加快 持续 ' +
    '重点 预期 符合 投资 消费 产业 工业 农业 城市 乡村 振兴 民生 保障 改革 创新 开放 环境 生态 安全 社会 政府 ' +
    '治理 体系 能力 水平 质量 效益 结构 优化 升级 转型 基础 设施 公共 管理 机制 制度 政策 措施 任务 目标 指标 ' +
    '计划 规划 方案 部署 落实 推动 促进 加强 坚持 深化 扩大 稳定 稳步 增加 减少 下降 提高 达到 累计 新增 新建 ' +
    '改造 实施 开展 组织 领导 干部 群众 人民 居民 收入 支出 财政 税收 金融 贷款 存款 资金 资产 市场 主体 贸易 ' +
    '出口 进口 外资 招商 引资 签约 开工 竣工 投产 运行 生产 销售 总额 总值 总量 比重 增速 增幅 幅度 百分 分点 ' +
    '规模 数量 面积 人次 家庭 就业 创业 教育 医疗 卫生 健康 养老 文化 旅游 体育 交通 道路 公路 铁路 水利 能源 ' +
    '电力 科技 研发 人才 技术 数字 智能 制造 材料 装备 医药 农村 农民 耕地 粮食 森林 污染 防治 排放 考核 问题 ' +
    '困难 挑战 风险 隐患 事故 防控 应急 维护 和谐 向好 不断 有效 有序 有力 积极 主动 深入 切实 扎实 全力 同期 ' +
    '上年 年度 季度 以来 以内 左右 期间 分别 合计 平均 人均 支配 地区 区域 国内 省级 市级 县级 重大 重要 主要 ' +
    '全部 部分 单位 部门 机构 中心 园区 基地 平台 载体 要素 用地 指标 审批 办理 办结 时间 压缩 营商 成效 成果 ' +
    '经验 做法 举措 行动 活动 会议 精神 思想 理论 学习 党建 党员 支部 基层 组织 监督 纪律 作风 廉政 法治 依法 ' +
    '行政 执法 信访 矛盾 纠纷 化解 调解 统筹 协调 联动 合作 交流 对接 引进 培育 壮大 集聚 集群 链条 龙头 骨干 ' +
    '中小 小微 民营 国有 集体 村级 社区 街道 乡镇 镇街 城乡 一体 融合 协同 共享 绿色 低碳 循环 节能 减排 空气 ' +
    '优良 断面 水质 绿化 覆盖 公园 改善 提质 增效 降本 减负 纾困 帮扶 救助 兜底 医保 社保 参保 补贴 奖励 资助'
  ).split(' '),
);

/** The seam reads as one of the genre's common words: 「增」+「长」, 「预」+「期」. */
export const commonWordAt = (head: string, next: string): boolean =>
  head.length > 0 && next.length > 0 && COMMON_WORDS.has(head[head.length - 1]! + next[0]!);
