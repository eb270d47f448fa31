import type { RawBlock } from '../model/report';
import type { Suggestion, TextBlock } from './repair';
import { repairId } from './ids';
import { HEADING_PATTERNS, SECTION_NUMBER_LINE, displayWidth } from './text-rules';

/**
 * What a WeChat article or a government website wraps its text in, left behind when the page is
 * copied: the account's banner and follow prompts, the publication line, bylines (来源、编辑、
 * 审核、记者), picture placeholders, reading and sharing counters, the site's slogan, breadcrumbs
 * and print links, and the 「往期推荐」 list at the end. Each is dropped as a suggestion of its own.
 *
 * Every rule reads a whole short line: a sentence of the report that mentions 记者 or 扫码 runs on
 * with its own words and punctuation and is never matched.
 */

/** A line this wide or wider is body text, whatever words it opens with. */
const MAX_LEFTOVER_WIDTH = 60;

const DATE = String.raw`\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?`;
const TIME = String.raw`\d{1,2}:\d{2}(:\d{2})?`;

/** Who wrote, edited, checked or supplied the text. */
const BYLINE_ROLES =
  '来源|来\\s*源|稿源|信息来源|文章来源|编辑|编\\s*辑|责任编辑|责编|实习编辑|值班编辑|编审|审核|审校|审稿|审签|校对|终审|复审|初审|一审|二审|三审|监制|统筹|策划|出品|出品人|制作|排版|美编|设计|视觉|图片|图|摄影|摄像|视频|文字|文|作者|撰文|撰稿|执笔|记者|通讯员|特约通讯员|供稿|供图|整理|综合|编译|主编|值班主任|发布|监审';

const BYLINES: readonly RegExp[] = [
  // 来源：青禾区统计局, 编辑：张三  审核：李四, 文 | 张三, 图/李四
  new RegExp(`^[【\\[（(]?(${BYLINE_ROLES})\\s*[:：|｜丨/]`),
  // （作者：……）, 【责任编辑：……】, （记者 张三 通讯员 李四）
  new RegExp(
    `^[（(【\\[](本报|本台|本网)?(${BYLINE_ROLES}|作者单位|特约记者|见习记者)[\\s\\u3000:：|｜丨/]+[^）)】\\]]+[）)】\\]]$`,
  ),
  // 记者 张三 通讯员 李四, 本报记者 张三, 融媒体记者　王某
  /^\S{0,8}?(记者|通讯员|特约记者|见习记者)[\s\u3000]+[\p{Script=Han}·]{2,4}([\s\u3000、，,]+(记者|通讯员)?[\s\u3000]*[\p{Script=Han}·]{2,4})*([\s\u3000]*(报道|摄|文|采写))?$/u,
];

/**
 * Page chrome. Patterns that could meet a word of the report (二维码, APP, 版权所有) only count on a
 * short line with no sentence in it: 「群众可扫描二维码预约。」 is the report's own sentence.
 */
const WEB_LEFTOVERS: readonly RegExp[] = [
  // 原创 青禾发布 2023年05月08日 09:12, 青禾发布 2023-05-08 09:12 发表于浙江
  /^(原创|转载)([\s\u3000:：]|$)/,
  new RegExp(`^[^，,]*${DATE}\\s*${TIME}[^，,]*$`),
  /^发表于\S{0,8}$/,
  // 发布时间：2023-05-08 来源：… 浏览次数：1234 字号：大 中 小
  /^(发布时间|发布日期|发文日期|更新时间|浏览次数|浏览量|点击数|点击量|阅读数|阅读量|访问量|字号|字体)\s*[:：]/,
  /(浏览次数|点击数|访问量)\s*[:：]?\s*\d+/,
  /[【[]?\s*字[号体]\s*[:：]?\s*[大中小\s]{3,}[】\]]?/,
  // 点击上方蓝字 关注我们, 长按识别二维码关注, 扫一扫在手机打开当前页
  /点击.{0,14}(蓝字|关注|上方|下方|名片)|关注我们|星标|置顶公众号|二维码|扫一扫|扫码关注|长按识别/,
  // 点击阅读原文, 阅读原文
  /^[↓↑▼▲👇\s]*(点击|戳)?\s*[“"「]?阅读原文/u,
  // 阅读 3.4万, 在看 12, 阅读 10万+
  /^(阅读|在看|点赞|赞|分享|收藏|转发|评论|留言|浏览|喜欢)(数|量|次数)?\s*[:：]?\s*[\d.]+\s*[万千kKwW]?\+?$/,
  // 分享 收藏 点赞 在看, 写留言
  /^((分享|收藏|点赞|在看|赞|转发|评论|写留言|留言|喜欢|推荐|打赏|赞赏|举报|投诉|微信扫一扫|小程序|轻点两下取消赞|轻点两下取消在看|喜欢此内容的人还喜欢)[\s\u3000,，、|｜·]*)+$/,
  // 图片, [图片], 【视频】, ▲图片
  /^[▲△\s]*[[【（(]?(图片|图|视频|音频|动图|gif|GIF)[\]】）)]?$/,
  // 海量资讯、精准解读，尽在澎湃新闻APP; 下载青禾新闻客户端
  /(尽在|下载|打开|登录|安装).{0,16}(APP|App|app|客户端)/,
  /^(更多|欢迎).{0,20}(请关注|关注|下载|订阅|投稿)/,
  // （完）, —END—, - THE END -
  /^[（(【[]?\s*(完|全文完|结束|终)\s*[）)】\]]?$/,
  /^[—\-－–~～\s]*(the\s+)?end[—\-－–~～\s]*$/i,
  // 首页 > 新闻中心 > 工作动态, 当前位置：
  /^(首页|主页|网站首页)\s*[>»›→/／]/,
  /^(当前位置|您的位置|您现在的位置|所在位置)\s*[:：]/,
  // 打印本页 关闭窗口, 【打印】【关闭】, 分享到：, 上一篇：, 【我要纠错】
  /^[【[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|我要纠错|纠错)[】\]]?([\s\u3000]*[【[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|我要纠错|纠错|分享到)[】\]]?)*$/,
  /^(分享到|上一篇|下一篇|上一条|下一条|相关附件|附件下载)\s*[:：]/,
  // 版权所有, 网站标识码, ICP备
  /版权所有|网站标识码|ICP备|公网安备|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]/,
  // 声明：本文……; 转载请注明出处
  /^(声明|免责声明|版权声明)\s*[:：]|转载请注明|未经授权/,
];

/** Chrome is a short line that holds no sentence of its own. */
const MAX_CHROME_WIDTH = 40;
const holdsSentence = (text: string): boolean => /[。；;！!？?]./.test(text) || /。$/.test(text);

/** 往期推荐 and its kin: a list of other articles follows, to the end of the page. */
const RELATED_LIST =
  /^[▼▲◆◇■□●○·\-—=＝★☆|｜\s]*(往期推荐|往期回顾|往期精选|往期精彩|推荐阅读|相关阅读|延伸阅读|相关链接|相关新闻|相关文章|热门推荐|精彩推荐|猜你喜欢|近期热文|今日推荐|历史文章|更多阅读|精彩回顾|热文推荐)[▼▲◆◇■□●○·\-—=＝★☆|｜\s]*$/;

/** The longest the 往期推荐 line runs, decorations and all. */
const MAX_RELATED_HEADING = 24;
/** The longest an article title in such a list runs. */
const MAX_LISTED_TITLE_WIDTH = 64;

interface Line {
  at: number;
  block: TextBlock;
}

/** What kind of leftover a line is, or null. */
export function leftoverKind(text: string): 'byline' | 'web-leftover' | null {
  // a line is at least half as wide as it is long, and no leftover holds a sentence: most
  // paragraphs end here
  if (text.length > MAX_LEFTOVER_WIDTH * 2 || holdsSentence(text)) return null;
  const width = displayWidth(text);
  if (width > MAX_LEFTOVER_WIDTH) return null;
  if (BYLINES.some((re) => re.test(text))) return 'byline';
  if (width > MAX_CHROME_WIDTH) return null;
  if (WEB_LEFTOVERS.some((re) => re.test(text))) return 'web-leftover';
  return null;
}

export function findLeftovers(
  raw: readonly RawBlock[],
  isText: (b: RawBlock | undefined) => b is TextBlock,
): Suggestion[] {
  const found: Suggestion[] = [];
  const drop = (kind: Suggestion['kind'], blocks: readonly TextBlock[]): void => {
    const first = blocks[0];
    if (!first) return;
    found.push({
      id: repairId(
        kind,
        blocks.map((b) => b.id),
      ),
      kind,
      blockIds: blocks.map((b) => b.id),
      before: blocks.map((b) => b.text).join(' / '),
      after: '',
    });
  };

  const dropped = new Set<number>();
  for (let at = 0; at < raw.length; at++) {
    const b = raw[at];
    if (!isText(b)) continue;
    if (b.text.length <= MAX_RELATED_HEADING && RELATED_LIST.test(b.text)) {
      // the list runs on while its lines read as article titles, and may close with more leftovers
      const run: TextBlock[] = [b];
      let next = at + 1;
      for (; next < raw.length; next++) {
        const t = raw[next];
        if (!isText(t)) break;
        const kind = leftoverKind(t.text);
        if (kind) drop(kind, [t]);
        else if (isListedTitle(t.text)) run.push(t);
        else break;
        dropped.add(next);
      }
      drop('web-leftover', run);
      dropped.add(at);
      at = next - 1;
      continue;
    }
    const kind = leftoverKind(b.text);
    if (kind) {
      drop(kind, [b]);
      dropped.add(at);
    }
  }

  // the account's name standing alone at the top is a leftover when the publication line names it
  const top: Line[] = [];
  for (let at = 0; at < raw.length && top.length < 8; at++) {
    const b = raw[at];
    if (isText(b)) top.push({ at, block: b });
  }
  const named = top.filter((l) => dropped.has(l.at)).map((l) => l.block.text);
  for (const l of top) {
    const text = l.block.text;
    if (dropped.has(l.at) || text.length < 2 || displayWidth(text) > 12 || /[，。：:；！？]/.test(text))
      continue;
    if (named.some((n) => n !== text && new RegExp(`(^|\\s)${escapeRegExp(text)}(\\s|$)`).test(n))) {
      drop('web-leftover', [l.block]);
      dropped.add(l.at);
    }
  }
  const order = new Map(raw.map((b, i) => [b.id, i]));
  return found.sort((a, b) => (order.get(a.blockIds[0] ?? '') ?? 0) - (order.get(b.blockIds[0] ?? '') ?? 0));
}

/** An article title as a related list shows it: one short line, no sentence inside, not a section of this text. */
function isListedTitle(text: string): boolean {
  if (displayWidth(text) > MAX_LISTED_TITLE_WIDTH) return false;
  if (/[。；;][^”"’」』）)]/.test(text)) return false;
  if (SECTION_NUMBER_LINE.test(text) || HEADING_PATTERNS.some(({ re }) => re.test(text))) return false;
  return true;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
