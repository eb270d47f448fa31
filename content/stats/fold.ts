import { countWork } from './work';

/**
 * One way of writing for the statistics rules: traditional characters read as simplified ones and
 * full-width digits and signs as ASCII, one character for one, so every position in the folded
 * text is the same position in the original. The rules match on the folded text; the statistic
 * keeps the text as the report wrote it.
 */

/**
 * Traditional characters and their simplified forms, pair by pair, for the words reports use
 * around numbers: units, measure words, verbs of change, indicators, periods, function words.
 */
const TRADITIONAL =
  '億亿萬万兩两個个項项戶户資资產产業业總总額额達达區区縣县鎮镇鄉乡書书記记會会議议經经濟济發发長长開开設设實实現现稅税營营銷销費费貿贸進进這这為为與与於于對对從从內内約约餘余單单價价點点數数據据報报積积規规隊队員员學学歲岁級级醫医療疗衛卫較较環环節节過过幣币噸吨畝亩處处條条張张場场輛辆臺台間间棟栋冊册塊块筆笔頭头隻只時时標标準准鐘钟週周類类種种團团組组車车層层樓楼館馆廳厅園园線线網网燈灯橋桥倉仓庫库廠厂礦矿電电氣气熱热糧粮穀谷麥麦豬猪雞鸡魚鱼蝦虾藥药鹽盐鋼钢鐵铁銅铜鋁铝紙纸機机儀仪錶表裝装備备減减擴扩縮缩壓压計计佔占額额環环預预標标爭争確确劃划擬拟將将兌兑簽签談谈務务撥拨納纳幫帮訓训辦办創创訪访問问帶带動动歷历獲获評评榮荣選选認认舉举蓋盖財财預预債债貸贷構构養养託托兒儿綠绿優优濃浓顆颗廢废棄弃護护態态後后來来該该還还並并雲云臨临華华國国黨党聯联體体藝艺術术廣广雜杂訊讯號号屆届輪轮門门準准幾几雙双盡尽極极滿满證证檢检驗验測测監监險险穩稳憑凭絡络碼码貨货運运輸输軌轨軍军陸陆島岛灣湾漢汉歐欧亞亚際际導导傳传統统勢势擔担匯汇幹干貫贯徹彻紀纪綱纲領领風风災灾難难殘残貧贫脫脱鞏巩續续聽听讓让覺觉觀观鬧闹響响顯显變变邊边遠远勞劳勵励獎奖懲惩罰罚審审診诊斷断師师樂乐禮礼範范裡里麵面徵征鬥斗衝冲著着齊齐億亿萬万貳贰參参陸陆質质製制潤润專专詢询費费銀银錢钱換换軟软硬硬總总壞坏親亲愛爱戰战爭争勝胜敗败鄰邻鎮镇廳厅處处級级職职稱称協协會会議议講讲話话說说語语讀读寫写課课題题雖虽雞鸡營营業业態态權权屬属條条據据論论證证擁拥擇择補补貼贴撐撑據据戶户號号陣阵閱阅週周彙汇頻频頁页順顺須须顧顾預预領领頭头題题額额顏颜風风飛飞養养館馆馬马駐驻驗验體体髮发鬆松魯鲁鳥鸟麗丽齡龄龍龙綜综縱纵織织繫系繳缴紅红純纯細细組组終终結结絕绝給给統统絲丝綁绑維维網网緊紧緒绪線线編编練练縣县總总績绩織织續续纖纤罷罢羅罗義义習习聞闻聯联聲声職职腦脑臉脸興兴舊旧艱艰藍蓝蘇苏蟲虫衛卫補补裝装製制複复覆覆見见規规視视親亲覽览觸触計计訂订認认討讨訊讯記记訪访設设許许診诊詞词試试詳详誠诚誌志認认誤误說说誰谁課课調调談谈請请諸诸謀谋講讲謝谢證证識识譜谱護护讀读變变貝贝負负財财貢贡貧贫貨货販贩責责貴贵貸贷費费貼贴貿贸賀贺資资賓宾賞赏賠赔賣卖質质賴赖購购贈赠贏赢趕赶跡迹躍跃車车軌轨軍军軟软較较載载輔辅輕轻輛辆輝辉輸输轄辖轉转辦办農农連连週周進进運运過过達达違违遠远適适遷迁選选遺遗遼辽還还邊边鄉乡鄭郑醫医釋释針针釣钓鈔钞鈞钧銀银銷销鋪铺鋼钢錄录錢钱錯错鍵键鍋锅鎮镇鏈链鐘钟鑒鉴長长門门閉闭開开閒闲間间閘闸閩闽閱阅闊阔關关闡阐陽阳陰阴隊队階阶際际陳陈陸陆隨随險险隱隐雙双雜杂雞鸡離离難难電电靈灵靜静韓韩頂顶項项順顺須须預预頓顿頒颁頗颇領领頻频題题額额顯显顧顾類类顏颜願愿飲饮飽饱餘余館馆饒饶馬马駛驶騰腾驅驱驗验鬥斗魚鱼鮮鲜鳳凤鴻鸿麥麦黃黄齊齐齒齿龍龙龜龟佈布併并侶侣係系俠侠倫伦偉伟側侧偵侦傑杰傘伞債债傷伤傾倾僅仅僑侨價价儀仪億亿優优兇凶兌兑兩两冊册凍冻劃划劇剧劉刘創创劑剂勁劲動动務务勝胜勞劳勢势勵励匯汇區区協协卻却厲厉厭厌參参叢丛啟启喚唤喪丧單单嚴严團团園园圍围圖图圓圆塊块堅坚報报場场塵尘墊垫壇坛壓压壘垒壞坏壯壮壽寿夠够夢梦奪夺奮奋奧奥婦妇媽妈嬰婴寧宁實实審审寬宽寶宝將将專专尋寻對对導导屆届屬属島岛峽峡崗岗嶺岭巖岩幣币帥帅師师帳帐帶带幫帮廣广廠厂廢废廳厅彈弹彎弯徑径從从徵征憲宪應应懷怀懸悬戀恋戲戏擊击據据擴扩擬拟擔担擁拥擇择撥拨撫抚擾扰攝摄敗败敵敌數数斷断於于時时晉晋晝昼暉晖曆历曉晓會会東东條条業业極极構构槍枪樂乐標标樞枢樣样樸朴機机檔档檢检權权歡欢歲岁歷历歸归殘残毀毁氣气漁渔測测濟济濱滨灣湾災灾為为烏乌無无煙烟熱热爭争爾尔牆墙犧牺猶犹獎奖獨独獲获環环現现瑪玛產产畝亩畢毕畫画異异當当瘡疮療疗盡尽監监盤盘礎础確确礙碍祿禄禮礼禦御離离種种稅税稱称穩稳窮穷竅窍競竞筆笔節节範范築筑簡简籌筹糧粮糾纠紀纪約约級级紙纸紛纷紡纺納纳紮扎組组絡络給给絨绒統统經经綠绿網网綫线緣缘緩缓緯纬縮缩績绩總总繁繁強强別别淨净漲涨獻献況况執执們们決决籤签復复訴诉儲储眾众邁迈紹绍躋跻樹树訟讼趨趋';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) {
  const from = TRADITIONAL[i] ?? '';
  const to = TRADITIONAL[i + 1] ?? '';
  if (from !== to) FOLD.set(from, to);
}
// full-width digits, letters and signs: one ASCII character each
for (let c = 0xff01; c <= 0xff5e; c++) {
  const ch = String.fromCharCode(c);
  // these keep their Chinese shape: they separate clauses and enclose asides in the rules
  if ('，；：！？（）～'.includes(ch)) continue;
  FOLD.set(ch, String.fromCharCode(c - 0xfee0));
}
FOLD.set('\u3000', ' ');
// the ideographic full stop used as a decimal point in some scans is not folded: it ends a sentence

/** The folded char code of each char code, 0 when it does not fold: one lookup per character. */
const FOLD_CODE = new Uint16Array(0x10000);
for (const [from, to] of FOLD) FOLD_CODE[from.charCodeAt(0)] = to.charCodeAt(0);

/** The folded form of a character; itself when nothing folds. */
export function foldChar(ch: string): string {
  return FOLD.get(ch) ?? ch;
}

/**
 * The text folded for matching, the same length as the original: traditional characters as
 * simplified, full-width digits, letters, 「．」 and 「％」 as ASCII.
 */
export function foldText(text: string): string {
  countWork(text.length);
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (FOLD_CODE[text.charCodeAt(i)]) {
      first = i;
      break;
    }
  }
  // most reports are simplified text with ASCII digits: nothing to fold, nothing copied
  if (first < 0) return text;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = FOLD_CODE[c] || c;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** Whether the character folds (for tests that check the table covers the rules' words). */
export function folds(ch: string): boolean {
  return FOLD.has(ch);
}
