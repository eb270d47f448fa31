/**
 * The words around a number that say what it means, as the rules see them (folded: simplified,
 * ASCII digits). Every pattern here is matched on a short window before or after one number, or
 * once over a sentence with no repetition over an unbounded run, so matching stays linear.
 */

/** Qualifiers written before a number, strongest meaning first when several stand together. */
export const PREFIX_QUALIFIERS = [
  '不少于',
  '至少',
  '最多',
  '不低于',
  '不超过',
  '超过',
  '超出',
  '突破',
  '将近',
  '接近',
  '高达',
  '多达',
  '不足',
  '不到',
  '约为',
  '大约',
  '超',
  '逾',
  '近',
  '约',
  '累计',
  '共计',
  '合计',
  '总计',
  '达到',
  '达',
] as const;

/** How strongly a prefix qualifier changes what the number says: 「超」 more than 「达」. */
export function qualifierWeight(q: string): number {
  if (/^(累计|共计|合计|总计)$/.test(q)) return 1;
  if (/^(达到|达)$/.test(q)) return 0;
  return 2;
}

/** Qualifiers written after a number and its unit. */
export const SUFFIX_QUALIFIER = /^(及以上|及以下|以上|以下|以内|之内|左右|上下|开外|内(?![容部外涵需销地]))/;

/** Words that end a lead without saying what is measured: 「为」 「是」 「了」 … */
export const LEAD_LINKS =
  /(首次|再次|首度|历史性地|历史性|可以|可|能|将|会|有望|可望|预计|力争|确保|争取|稳定在|保持在|控制在|维持在|稳定|保持|控制|完成了|实现了|完成|实现|了|(?<![行作认成称视])为|是|有|在|至|到|共|再|又|也|均|已|仅|只有|仅有|分别)$/;

/** What a change is measured against. */
export const BASIS =
  /(两年平均|三年平均|年均|同口径|可比口径|同比|环比|比一季度|较一季度|比上月|较上月|比1[—\-－~～至][1-9]\d?月|比上年同期|比去年同期|比上年末|比上年底|比年初|较年初|比上年|比去年|较上年同期|较去年同期|较上年|较去年|较同期|与上年同期相比|与去年同期相比|比20\d\d年|较20\d\d年)/;

/** Words of change before a number: 增长 2% is a growth rate, 提高到 66.4% is a level. */
export const CHANGE_VERB =
  /(净增加|净增|净减少|净减|加快|放缓|减缓|趋缓|增长|下降|增加|减少|提高|降低|上升|回落|提升|下滑|扩大|收窄|缩小|回升|上涨|下跌|下调|上调|缩减|压减|压缩|缩短|增幅|降幅|涨幅|增速|增|降|减|涨|跌)$/;

/** Words of change that mean down: for the sign of a chart's bar. */
export const DOWN_WORDS =
  /^(下降|减少|降低|回落|下滑|收窄|缩小|下跌|下调|缩减|压减|压缩|缩短|降幅|降|减|跌)$/;

/** A change verb followed by 到/至/为 names the level reached, not the change. */
export const LEVEL_REACHED =
  /(增长|下降|增加|减少|提高|降低|上升|回落|提升|下滑|扩大|收窄|缩小|回升|缩短|压缩|压减|控制|减|增|降|升)(到|至|为)$/;

/** A share: the lead says what part of what. */
export const SHARE_OF = /占(.{1,14}?)(的)?(比重|比例|份额|比)?$/;
export const SHARE_OF_PLAN =
  /(完成|实现|达到|达|为|占)(了)?(全年|年度|年|全年度|年度预期|全年预期|序时|时序|年初)?(预期)?(目标|计划|任务|目标任务|计划任务|进度|预算)(的)?$/;
export const RATE_WORD = /(率|比重|比例|占比|份额|比值|系数|指数|贡献率|达标率|覆盖率|合格率|满意度|知晓率)$/;

/** Time units need a cue before them to be a duration: 「用5天」, 「压缩至3个工作日」. */
export const DURATION_CUE =
  /(用|历时|耗时|用了|仅用|只用|花了|缩短至|缩短到|缩短为|压缩至|压缩到|压缩为|压减至|压减到|减少至|减少到|降至|降到|控制在|提速|提前|时限|时间|时长|用时|周期|为期|办结|办理|审批|期限|时限为|时间为)$/;
/** A time unit after these is a period, not a figure: 「近3年」, 「前5个月」. */
export const PERIOD_BEFORE = /(近|前|过去|最近|这|后|每|未来|连续|第|头)$/;

/** Where a target starts: the rest of its sentence states what is planned, not what was done. */
export const TARGET_CUE =
  /(有望|可望|预期目标|预期|主要目标|目标是|目标为|目标于|目标在|奋斗目标|力争|确保|计划(?!执行|完成情况|完成率|内|外|单列|生育)|争取|预计|拟|力求|努力实现|将(达到|实现|突破|新增|建成|完成|增长|提高|控制)|(年内|今年内|明年|年底前|年末前|下半年|下一步|今后|未来[一二三四五\d]年)将|要再?(达到|实现|完成|下降|降低|减少|增长|提高|增加|控制|压降|压减|压缩|突破|新增|新建|建成)|可(实现|达到|带动|新增|增加|吸纳|提供|创造|完成)|建成后|投产后|达产后|达效后|投用后|运营后)/g;
/** A cue word that is not a target: 「完成年度计划的52%」 is a share done, 「高于预期目标」 a comparison. */
export const NOT_TARGET_BEFORE = /(高于|低于|超过|超出|快于|慢于|好于|比|超额完成|完成了|实现了|年度|全年)$/;

/** Section titles of what is planned: their numbers are targets unless said done. */
export const FUTURE_SECTION =
  /(目标|打算|安排|计划|思路|展望|下一步|下半年|今年工作|明年|重点任务|工作任务|总体要求|工作建议)/;
/**
 * Section titles of work to be done that also state where things stand (「抓好2024年各项任务」,
 * 「2025年重点工作」): their numbers are targets only where the sentence itself plans.
 */
export const TASK_SECTION = /(各项任务|(\d{4}年|今年|明年|下一步|下步)(的)?(重点工作|主要任务|工作重点))/;
/** Words of a sentence that plans: 「要」「将」「确保」「年内」「新建」…; 「森林覆盖率67.3%」 states. */
export const PLAN_WORD =
  /(要|将|确保|力争|争取|计划|年内|全年|今年|推动|推进|实施|开展|组织|新建|新增|建成|建设|完成|实现|培训|投入|安排|引进|打造|突破|稳定在|控制在|保持在|不低于|左右)/;
export const PAST_SECTION =
  /(回顾|总结|成绩|成效|完成情况|进展|进度|上半年|前三季度|一季度|进展情况|推进情况|落实情况|开展情况|执行情况|运行情况|上半年工作|主要工作|工作情况|执行情况)/;

/** Periods, as written. */
export const PERIOD =
  /(?<![比较同与])(过去的一年|过去一年|这一年|五年间|“十[一二三四五六七八九]五”(期间|时期|以来)?|十[一二三四五六七八九]五(期间|时期|以来)|过去五年|近五年|五年来|上半年|下半年|前三季度|第?[一二三四]季度|[1-9]\d?[—\-－~～至到]\d{1,2}月(份)?|前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月|[1-9]\d?月份(?!\d)|[1-9]\d?月(?![\d份底末初中]|\d*日)|全年(?!目标|计划|任务|预算|预期)|年初以来|今年以来|年内|截至\d{1,2}月(底|末)|\d{4}年(?!\d*月)(上半年|下半年|前三季度|全年|一季度)?|今年|(?<![由从是于])(?:去年|上年)|本年度)/g;

/** Leading words that carry no meaning of the measure: time, place, conjunctions, plain verbs. */
export const FILLER_START =
  /^([一二三四五六七八九十]是|但是|但|然而|而且|并且|连续[0-9零〇一二两三四五六七八九十]{1,3}年|五年间|五年里|计划(?=实施|新建|建设|完成|开工|引进|安排|推进|实现|改造|发放|举办|新增|投入|开展|培训)|建成后|投产后|达产后|达效后|可以|可|要|明年|今后|过去的一年|过去一年|这一年|五年来|过去五年|近年来|近五年|全县上下|全区上下|全市上下|我们的|我们|咱们|我(?![省市区县镇乡州旗])|把|该企业|该公司|该项目|今年以来|年初以来|截至目前|截至\d{1,2}月(底|末)?|截至|今年|去年|全年|上半年|下半年|前三季度|第?[一二三四]季度|前[\d一二三四五六七八九十]{1,2}个月|\d{1,2}[—\-－~～至]\d{1,2}月(份)?|\d{1,2}月(份)?|\d{4}年(度)?|年内|同期|全区|全市|全县|全镇|全省|全乡|全街|全州|全盟|全旗|本区|本市|本县|我区|我市|我县|区内|市内|域内|辖区内|辖区|并|和|及|与|同时|其中|仅|已|已经|先后|分别|全部|均|还|又|也|共|共有|合计|累计|总计|共计|实现|完成|达到|达|为|是|约|约为|有|拥有|目前|现有|当前|此外|另外|另|对|在|将|通过|积极|持续|不断|进一步|主动|有效|加快|推动|全力|大力|全年共|全面|顺利|成功|首次|力争|确保|预计|争取|预期|有望|主要|其)/;

/** Verbs that start a measure worth keeping: 「新增城镇就业」, 「引进内资」. */
export const LABEL_VERBS =
  /(新增|新建|新开|新设|新认定|新培育|新引进|引进|兑现|发放|减免|建成|开展|投放|拉动|带动|解决|培育|开发|签约|洽谈|服务|投入|拨付|争取|落实|招引|吸纳|帮扶|救助|培训|改造|整治|清理|处置|接待|受理|办理|化解|创建|打造|实施|推进|走访|慰问|吸引|完成|实现|排查|整改|查处|收缴|挽回|追回|安置|转移|认定|评定|举办|召开|开工|竣工|投产|落地|开通|修复|治理|种植|造林|栽植|硬化|铺设|敷设|铺装|提供|设立|组建|打通|更新|更换|安装|入驻|注册|登记|引育|申报|获批|获评|入选|扶持|资助|新登记)/g;

/** A lead that is a verb and nothing else needs the thing after the number: 「新建5个口袋公园」. */
export const VERB_ONLY =
  /^(审结|审理|执行|调解|侦破|破获|抓获|起诉|化解|给予|支持|安排|下达|筹集|拨付|兑付|减免|节约|节省|带动|拉动|吸纳|投入|新增|新建|新开|新设|新认定|新培育|新引进|引进|建成|建设|签约|洽谈|培育|培训|改造|整治|清理|处置|接待|受理|办理|化解|创建|打造|实施|推进|走访|慰问|吸引|落地|开工|竣工|投产|开通|修复|治理|种植|造林|栽植|硬化|铺设|更新|更换|安装|入驻|注册|登记|引育|申报|获批|获评|入选|组建|设立|开展|举办|召开|服务|帮扶|救助|安置|转移|认定|评定|排查|整改|查处|完成|实现|解决|提供|发放|投放|建立|新建改造|改造提升|提升改造|新改建|改扩建|建设改造|累计完成|累计实现|累计服务|累计培训|共培训|共服务|帮助解决|帮助|协调解决|办结|收到|受理办结|达成|举行|出台|制定|印发|梳理|打造形成|形成|储备|谋划|包装|争取到|争取|获得|荣获|认定为|评为|获|建|修|种|培|引|签|办|改|治)$/;

/** Words that make a label a fragment when they start it. */
export const BAD_LABEL_START =
  /^(的|了|和|及|与|并|或|等|为(?!企业|民|群众|基层|小微)|是|对(?!外)|在|把|被|从|以(?!旧)|向|到|比(?!重)|较|其中|而|且|但|又|也|还|就|都|所|之|其(?!他)|该|这|那|些|个(?!人|体|税)|户(?!籍|外|均)|家(?!庭|电|具|政|禽)|项(?!目)|人(?!均|才|员|口|民|社|工|大|防|居)|名(?!优|牌|师|校|村|镇)|位(?!于)|元|亿|万(?!元)|以上|以下|左右|多|余|同比|环比|增长|下降|目标|同时|分别|全部|实现|达到|完成了)/;
/** Words that make a label a fragment when they end it. */
export const BAD_LABEL_END =
  /(的|了|和|及|与|并|或|等|(?<![行作认成称视])为|是|对|在|把|被|从|以|向|到|较|而|且|但|又|也|还|就|都|所|之|其|该|这|那|达|超|近|约|逾|突破|超过|达到|累计|共|新|全|个|其中|分别|同比|环比|共计|合计|总计|不少于|不低于|低于|高于|不足|不到|少于|多于|首次|首批|一批|一系列|系列)$/;
/** Labels that are a function word or a bare verb or period, whatever their length. */
export const MEANINGLESS_LABEL =
  /^(领域|方面|环节|其中|同比|环比|累计|共计|合计|总计|全年|上半年|下半年|今年|去年|目标|任务|计划|增长|下降|提高|增速|增幅|降幅|总量|规模|比重|占比|达到|实现|完成|新增|共有|以上|以下|左右|合计|共|总数|数量|总额|金额|数|人数|户数|个数|次数|项目|企业|工作|其他|其余|各类|全区|全市|全县|全省|我区|我市|本区|本市|区|市|县|镇|村)$/;

/** Anaphoric subjects that take the subject of the clause before: 「增速位列…」 after 「固投增长2%」. */
export const ANAPHORIC =
  /^(增速|增幅|降幅|涨幅|总量|总数|数量|规模|占比|比重|总额|排名|位次|其|该指标|此项)$/;

/** A noun that follows a number and is what it counts, cut where a predicate starts. */
export const PREDICATE_START =
  /(被|的|进入|纳入|获得|得到|入选|通过|达到|实现|完成|突破|迈上|跨越|站上|首次|发放|给予|兑现|拨付|减免|逐月|明显|大幅|快速|深入|加快|有序|稳步|扎实|持续|不断|积极|大力|加速|逐步|基本|初步|有效|正在|列入|成为|荣获|获评|获批|参与|参加|享受|受益|签订|签署|落户|落地|开工|投产|竣工|产出|创造|贡献|承载|集聚|聚集|吸纳|带来|产生|提供|正在|已|均|都|全部|全面|陆续|先后|正|将|分别|共|累计|合计|，|,|、|；|;|。)/;

/** Adverbs inside a counted thing's phrase that a label can drop: 「重点项目全部复工」→「重点项目复工」. */
export const DROP_ADVERBS = /(全部|均已|均|都已|都|已经|已|全面|陆续|先后|顺利|如期|提前)/g;

/** Head nouns a bare verb can borrow from the item before it: 「洽谈项目60个、签约13个」. */
export const HEAD_NOUN =
  /(案件|事项|问题|隐患|诉求|建议|提案|项目|企业|工程|平台|基地|园区|载体|人才|团队|产品|资金|贷款|合同|协议|工作|岗位|学位|床位|家庭|群众|人员|设施|网点|场所|公园|学校|医院|道路|线路|站点|基站|车位|户)$/;

/** What ends the name of an enterprise or body whose own figures follow: scope entity. */
export const ENTITY_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|合作社|农场|工厂|(?<![出进返])厂|银行|医院|学校|酒店|商场|超市|研究院|研究所)/g;

/** Words between a name and a number that say the number is not the name's own. */
export const NOT_OWN_FIGURE =
  /(等|全区|全市|全县|全镇|全省|带动|引进|共有|其中|以及|辖区|各类|企业共|累计帮助)/;

/** What follows a single named project's name when its own figures follow: 「XX项目总投资」. */
export const PROJECT_FIGURE =
  /^(一期|二期|三期)?(总投资|计划总投资|计划投资|投资|完成投资|累计完成投资|建成后|达产后|投产后|占地|建筑面积|年产|预计|可实现)/;

/** Project nouns that name many projects, not one. */
export const PLURAL_PROJECTS =
  /(重点项目|产业项目|建设项目|招商项目|亿元以上项目|续建项目|新建项目|民生项目|基础设施项目|重大项目|新开工项目|储备项目|签约项目|入库项目|实体项目|工业项目|各类项目|个项目|批项目|项项目|等项目|新项目|在建项目|开工项目|落地项目|市级项目|省级项目|专项债项目|政府投资项目)$/;

/** Before a quoted passage that is speech, not a name: 「负责人说：“……”」. */
export const SPEECH_BEFORE = /(说|表示|介绍|坦言|感慨|告诉记者|谈到|指出|称)[：:，,]?$/;

/** Rank: a verb of standing and the place. */
export const RANK_VERB = /(位列|位居|排名|排在|排|名列|居于|居|列|跃居|跻身|升至|保持)$/;

/** Chinese numerals: a count only after a verb of result, never in set phrases. */
export const RESULT_VERB_BEFORE =
  /(建成|新建|新增|新开|新设|引进|培育|创建|获评|获批|荣获|获得|入选|落地|开工|竣工|投产|签约|完成|改造|设立|开通|认定|评为|举办|召开|组建|打造了|建立了|出台了|制定了|达到|有)$/;
export const SET_PHRASE_AFTER =
  /^(大|项重点|个重点|个方面|个确立|个维护|个意识|个自信|张答卷|个坚持|个必须|个务必|个统筹|个一批|条底线|件大事|篇文章|场硬仗|场战役|张清单|个阶段|步走|个结合|种形式|个中心|个基本点|个全面|个全覆盖|个到位|个不|化|级|性|手|线|实事|工程|行动|战略|大行动|大工程)/;
