import { parseXml, type XNode } from './ooxml';

/**
 * The child order ECMA-376 (Part 1, the transitional schemas) gives the elements our .pptx and
 * .docx parts contain, as data: for a parent, its sequence of child groups. A group is one element
 * name or a choice `a|b`; `*` after it means it may repeat, `!` that it is required. A child
 * outside its parent's groups, a group out of order, a group repeated where the schema allows one
 * (two a:pPr in one a:p) and a required group missing are all repair triggers for Word or
 * PowerPoint. Written from the schema's sequences for the elements we write, not the whole schema:
 * the coverage check below names any parent element a part carries that this table lacks.
 *
 * Some names stand for different types in different places; the table keys them by parent where
 * that matters (`c:lineChart>c:marker` is a flag, `c:ser>c:marker` a marker with children).
 */

const TEXT_PARA_PROPS =
  'a:lnSpc a:spcBef a:spcAft a:buClrTx|a:buClr a:buSzTx|a:buSzPct|a:buSzPts a:buFontTx|a:buFont a:buNone|a:buAutoNum|a:buChar|a:buBlip a:tabLst a:defRPr a:extLst';
const FILL = 'a:noFill|a:solidFill|a:gradFill|a:blipFill|a:pattFill|a:grpFill';
const EFFECT = 'a:effectLst|a:effectDag';
const TEXT_RUN_PROPS = `a:ln ${FILL} ${EFFECT} a:highlight a:uLnTx|a:uLn a:uFillTx|a:uFill a:latin a:ea a:cs a:sym a:hlinkClick a:hlinkMouseOver a:rtl a:extLst`;
const SHAPE_PROPS = `a:xfrm a:custGeom|a:prstGeom ${FILL} a:ln ${EFFECT} a:scene3d a:sp3d a:extLst`;
const TEXT_BODY = 'a:bodyPr! a:lstStyle a:p*!';
const LIST_STYLE =
  'a:defPPr a:lvl1pPr a:lvl2pPr a:lvl3pPr a:lvl4pPr a:lvl5pPr a:lvl6pPr a:lvl7pPr a:lvl8pPr a:lvl9pPr a:extLst';
const COLOR = 'a:scrgbClr|a:srgbClr|a:hslClr|a:sysClr|a:schemeClr|a:prstClr';
/** colour transforms (alpha, lumMod …) are a choice that repeats in any order */
const COLOR_TRANSFORMS =
  'a:tint|a:shade|a:comp|a:inv|a:gray|a:alpha|a:alphaOff|a:alphaMod|a:hue|a:hueOff|a:hueMod|a:sat|a:satOff|a:satMod|a:lum|a:lumOff|a:lumMod|a:red|a:redOff|a:redMod|a:green|a:greenOff|a:greenMod|a:blue|a:blueOff|a:blueMod|a:gamma|a:invGamma*';
const LINE =
  'a:noFill|a:solidFill|a:gradFill|a:pattFill a:prstDash|a:custDash a:round|a:bevel|a:miter a:headEnd a:tailEnd a:extLst';
const CHART_DLBLS_GROUP =
  'c:numFmt c:spPr c:txPr c:dLblPos c:showLegendKey c:showVal c:showCatName c:showSerName c:showPercent c:showBubbleSize c:separator c:showLeaderLines c:leaderLines';

const PPTX: Record<string, string> = {
  // PresentationML
  'p:presentation':
    'p:sldMasterIdLst p:notesMasterIdLst p:handoutMasterIdLst p:sldIdLst p:sldSz p:notesSz! p:smartTags p:embeddedFontLst p:custShowLst p:photoAlbum p:custDataLst p:kinsoku p:defaultTextStyle p:modifyVerifier p:extLst',
  'p:sldMasterIdLst': 'p:sldMasterId*',
  'p:notesMasterIdLst': 'p:notesMasterId',
  'p:sldIdLst': 'p:sldId*',
  'p:sldLayoutIdLst': 'p:sldLayoutId*',
  'p:sld': 'p:cSld! p:clrMapOvr p:transition p:timing p:extLst',
  'p:sldLayout': 'p:cSld! p:clrMapOvr p:transition p:timing p:hf p:extLst',
  'p:sldMaster': 'p:cSld! p:clrMap! p:sldLayoutIdLst p:transition p:timing p:hf p:txStyles p:extLst',
  'p:notesMaster': 'p:cSld! p:clrMap! p:hf p:notesStyle p:extLst',
  'p:notes': 'p:cSld! p:clrMapOvr p:extLst',
  'p:cSld': 'p:bg p:spTree! p:custDataLst p:controls p:extLst',
  'p:bg': 'p:bgPr|p:bgRef!',
  'p:bgPr': `${FILL}! ${EFFECT}! p:extLst`,
  'p:bgRef': COLOR,
  'p:clrMapOvr': 'a:masterClrMapping|a:overrideClrMapping!',
  'p:spTree': 'p:nvGrpSpPr! p:grpSpPr! p:sp|p:grpSp|p:graphicFrame|p:cxnSp|p:pic|p:contentPart* p:extLst',
  'p:nvGrpSpPr': 'p:cNvPr! p:cNvGrpSpPr! p:nvPr!',
  'p:grpSpPr': `a:xfrm ${FILL} ${EFFECT} a:scene3d a:extLst`,
  'p:sp': 'p:nvSpPr! p:spPr! p:style p:txBody p:extLst',
  'p:nvSpPr': 'p:cNvPr! p:cNvSpPr! p:nvPr!',
  'p:cNvPr': 'a:hlinkClick a:hlinkHover a:extLst',
  'p:cNvSpPr': 'a:spLocks a:extLst',
  'p:nvPr': 'p:ph a:audioCd|a:wavAudioFile|a:audioFile|a:videoFile|a:quickTimeFile p:custDataLst p:extLst',
  'p:spPr': SHAPE_PROPS,
  'p:txBody': TEXT_BODY,
  'p:pic': 'p:nvPicPr! p:blipFill! p:spPr! p:style p:extLst',
  'p:nvPicPr': 'p:cNvPr! p:cNvPicPr! p:nvPr!',
  'p:cNvPicPr': 'a:picLocks a:extLst',
  'p:blipFill': 'a:blip a:srcRect a:tile|a:stretch',
  'p:graphicFrame': 'p:nvGraphicFramePr! p:xfrm! a:graphic! p:extLst',
  'p:nvGraphicFramePr': 'p:cNvPr! p:cNvGraphicFramePr! p:nvPr!',
  'p:cNvGraphicFramePr': 'a:graphicFrameLocks a:extLst',
  'p:xfrm': 'a:off a:ext',
  'p:txStyles': 'p:titleStyle p:bodyStyle p:otherStyle p:extLst',
  'p:titleStyle': LIST_STYLE,
  'p:bodyStyle': LIST_STYLE,
  'p:otherStyle': LIST_STYLE,
  'p:notesStyle': LIST_STYLE,
  'p:defaultTextStyle': LIST_STYLE,
  'p:viewPr':
    'p:normalViewPr p:slideViewPr p:outlineViewPr p:notesTextViewPr p:sorterViewPr p:notesViewPr p:gridSpacing p:extLst',
  'p:normalViewPr': 'p:restoredLeft! p:restoredTop! p:extLst',
  'p:slideViewPr': 'p:cSldViewPr! p:extLst',
  'p:notesTextViewPr': 'p:cViewPr! p:extLst',
  'p:cSldViewPr': 'p:cViewPr! p:guideLst',
  'p:cViewPr': 'p:scale! p:origin!',
  'p:scale': 'a:sx! a:sy!',
  'p:extLst': 'p:ext*',
  'p:presentationPr': 'p:htmlPubPr p:webPr p:prnPr p:showPr p:clrMru p:extLst',
  // DrawingML text
  'a:p': 'a:pPr a:r|a:br|a:fld* a:endParaRPr',
  'a:pPr': TEXT_PARA_PROPS,
  'a:defPPr': TEXT_PARA_PROPS,
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`a:lvl${n}pPr`, TEXT_PARA_PROPS])),
  'a:lnSpc': 'a:spcPct|a:spcPts!',
  'a:spcBef': 'a:spcPct|a:spcPts!',
  'a:spcAft': 'a:spcPct|a:spcPts!',
  'a:buClr': COLOR,
  'a:r': 'a:rPr a:t!',
  'a:fld': 'a:rPr a:pPr a:t',
  'a:rPr': TEXT_RUN_PROPS,
  'a:defRPr': TEXT_RUN_PROPS,
  'a:endParaRPr': TEXT_RUN_PROPS,
  'a:bodyPr': 'a:prstTxWarp a:noAutofit|a:normAutofit|a:spAutoFit a:scene3d a:sp3d a:flatTx a:extLst',
  'a:lstStyle': LIST_STYLE,
  'a:txBody': TEXT_BODY,
  // DrawingML shapes, fills, lines
  'a:xfrm': 'a:off a:ext a:chOff a:chExt',
  'a:prstGeom': 'a:avLst',
  'a:solidFill': COLOR,
  'a:srgbClr': COLOR_TRANSFORMS,
  'a:schemeClr': COLOR_TRANSFORMS,
  'a:sysClr': COLOR_TRANSFORMS,
  'a:prstClr': COLOR_TRANSFORMS,
  'a:ln': LINE,
  'a:lnL': LINE,
  'a:lnR': LINE,
  'a:lnT': LINE,
  'a:lnB': LINE,
  'a:gradFill': 'a:gsLst a:lin|a:path a:tileRect',
  'a:gsLst': 'a:gs*',
  'a:gs': COLOR,
  'a:effectLst': 'a:blur a:fillOverlay a:glow a:innerShdw a:outerShdw a:prstShdw a:reflection a:softEdge',
  'a:outerShdw': COLOR,
  'a:blip':
    'a:alphaBiLevel|a:alphaCeiling|a:alphaFloor|a:alphaInv|a:alphaMod|a:alphaModFix|a:alphaRepl|a:biLevel|a:blur|a:clrChange|a:clrRepl|a:duotone|a:fillOverlay|a:grayscl|a:hsl|a:lum|a:tint* a:extLst',
  'a:stretch': 'a:fillRect',
  'a:graphic': 'a:graphicData!',
  'a:graphicData': 'a:tbl|c:chart|pic:pic*',
  // the chart in a slide is a reference to the chart part
  'a:graphicData>c:chart': '',
  // DrawingML tables
  'a:tbl': 'a:tblPr a:tblGrid! a:tr*',
  'a:tblPr': `${FILL} ${EFFECT} a:tableStyle|a:tableStyleId a:extLst`,
  'a:tblGrid': 'a:gridCol*',
  'a:gridCol': 'a:extLst',
  'a:tr': 'a:tc* a:extLst',
  'a:tc': 'a:txBody a:tcPr a:extLst',
  'a:tcPr': `a:lnL a:lnR a:lnT a:lnB a:lnTlToBr a:lnBlToTr a:cell3D ${FILL} a:headers a:extLst`,
  // DrawingML theme
  'a:theme': 'a:themeElements! a:objectDefaults a:extraClrSchemeLst a:custClrLst a:extLst',
  'a:themeElements': 'a:clrScheme! a:fontScheme! a:fmtScheme! a:extLst',
  'a:clrScheme':
    'a:dk1! a:lt1! a:dk2! a:lt2! a:accent1! a:accent2! a:accent3! a:accent4! a:accent5! a:accent6! a:hlink! a:folHlink! a:extLst',
  ...Object.fromEntries(
    [
      'dk1',
      'lt1',
      'dk2',
      'lt2',
      'accent1',
      'accent2',
      'accent3',
      'accent4',
      'accent5',
      'accent6',
      'hlink',
      'folHlink',
    ].map((n) => [`a:${n}`, COLOR]),
  ),
  'a:fontScheme': 'a:majorFont! a:minorFont! a:extLst',
  'a:majorFont': 'a:latin! a:ea! a:cs! a:font* a:extLst',
  'a:minorFont': 'a:latin! a:ea! a:cs! a:font* a:extLst',
  'a:fmtScheme': 'a:fillStyleLst! a:lnStyleLst! a:effectStyleLst! a:bgFillStyleLst!',
  'a:fillStyleLst': `${FILL}*`,
  'a:bgFillStyleLst': `${FILL}*`,
  'a:lnStyleLst': 'a:ln*',
  'a:effectStyleLst': 'a:effectStyle*',
  'a:effectStyle': `${EFFECT} a:scene3d a:sp3d`,
  // DrawingML charts
  'c:chartSpace':
    'c:date1904 c:lang c:roundedCorners c:style c:clrMapOvr c:pivotSource c:protection c:chart! c:spPr c:txPr c:externalData c:printSettings c:userShapes c:extLst',
  'c:chart':
    'c:title c:autoTitleDeleted c:pivotFmts c:view3D c:floor c:sideWall c:backWall c:plotArea! c:legend c:plotVisOnly c:dispBlanksAs c:showDLblsOverMax c:extLst',
  'c:title': 'c:tx c:layout c:overlay c:spPr c:txPr c:extLst',
  'c:tx': 'c:strRef|c:rich|c:v',
  'c:rich': 'a:bodyPr! a:lstStyle a:p*!',
  'c:txPr': 'a:bodyPr! a:lstStyle a:p*!',
  'c:plotArea':
    'c:layout c:areaChart|c:area3DChart|c:lineChart|c:line3DChart|c:stockChart|c:radarChart|c:scatterChart|c:pieChart|c:pie3DChart|c:doughnutChart|c:barChart|c:bar3DChart|c:ofPieChart|c:surfaceChart|c:surface3DChart|c:bubbleChart* c:valAx|c:catAx|c:dateAx|c:serAx* c:dTable c:spPr c:extLst',
  'c:barChart':
    'c:barDir! c:grouping c:varyColors c:ser* c:dLbls c:gapWidth c:overlap c:serLines* c:axId* c:extLst',
  'c:lineChart':
    'c:grouping! c:varyColors c:ser* c:dLbls c:dropLines c:hiLowLines c:upDownBars c:marker c:smooth c:axId* c:extLst',
  'c:barChart>c:ser':
    'c:idx! c:order! c:tx c:spPr c:invertIfNegative c:pictureOptions c:dPt* c:dLbls c:trendline* c:errBars c:cat c:val c:shape c:extLst',
  'c:lineChart>c:ser':
    'c:idx! c:order! c:tx c:spPr c:marker c:dPt* c:dLbls c:trendline* c:errBars c:cat c:val c:smooth c:extLst',
  'c:ser>c:marker': 'c:symbol c:size c:spPr c:extLst',
  'c:lineChart>c:marker': '',
  'c:dLbls': `c:dLbl* c:delete ${CHART_DLBLS_GROUP} c:extLst`,
  'c:cat': 'c:multiLvlStrRef|c:numRef|c:numLit|c:strRef|c:strLit',
  'c:val': 'c:numRef|c:numLit',
  'c:numRef': 'c:f! c:numCache c:extLst',
  'c:strRef': 'c:f! c:strCache c:extLst',
  'c:multiLvlStrRef': 'c:f! c:multiLvlStrCache c:extLst',
  'c:numCache': 'c:formatCode c:ptCount c:pt* c:extLst',
  'c:strCache': 'c:ptCount c:pt* c:extLst',
  'c:multiLvlStrCache': 'c:ptCount c:lvl* c:extLst',
  'c:lvl': 'c:pt* c:extLst',
  'c:pt': 'c:v!',
  'c:catAx':
    'c:axId! c:scaling! c:delete c:axPos! c:majorGridlines c:minorGridlines c:title c:numFmt c:majorTickMark c:minorTickMark c:tickLblPos c:spPr c:txPr c:crossAx! c:crosses|c:crossesAt c:auto c:lblAlgn c:lblOffset c:tickLblSkip c:tickMarkSkip c:noMultiLvlLbl c:extLst',
  'c:valAx':
    'c:axId! c:scaling! c:delete c:axPos! c:majorGridlines c:minorGridlines c:title c:numFmt c:majorTickMark c:minorTickMark c:tickLblPos c:spPr c:txPr c:crossAx! c:crosses|c:crossesAt c:crossBetween c:majorUnit c:minorUnit c:dispUnits c:extLst',
  'c:scaling': 'c:logBase c:orientation c:max c:min c:extLst',
  'c:majorGridlines': 'c:spPr',
  'c:spPr': SHAPE_PROPS,
  'c:externalData': 'c:autoUpdate',
  // packages
  Types: 'Default|Override*',
  Relationships: 'Relationship*',
};

const RUN_PROPS =
  'w:ins w:del w:moveFrom w:moveTo w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath w:rPrChange';
const PARA_PROPS =
  'w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr w:sectPr w:pPrChange';
const BLOCK = 'w:p|w:tbl|w:sdt|w:customXml|w:bookmarkStart|w:bookmarkEnd|w:proofErr|w:permStart|w:permEnd';
/** what a paragraph holds after its properties: runs, fields, hyperlinks, bookmarks, in any order */
const PARA_CONTENT =
  'w:r|w:hyperlink|w:fldSimple|w:bookmarkStart|w:bookmarkEnd|w:proofErr|w:ins|w:del|w:smartTag|w:sdt|w:customXml|w:commentRangeStart|w:commentRangeEnd|w:permStart|w:permEnd|m:oMath|m:oMathPara*';
const RUN_CONTENT =
  'w:t|w:tab|w:br|w:cr|w:drawing|w:pict|w:fldChar|w:instrText|w:delText|w:sym|w:softHyphen|w:noBreakHyphen|w:footnoteReference|w:endnoteReference|w:separator|w:continuationSeparator|w:lastRenderedPageBreak|w:object|w:ptab|w:pgNum|w:footnoteRef|w:endnoteRef|w:annotationRef|w:dayShort|w:monthShort|w:yearShort*';

/** DrawingML (themes, pictures) is shared by both vocabularies */
const DRAWINGML = Object.fromEntries(Object.entries(PPTX).filter(([k]) => k.startsWith('a:')));

const DOCX: Record<string, string> = {
  ...DRAWINGML,
  'w:document': 'w:background w:body',
  'w:body': `${BLOCK}* w:sectPr`,
  'w:hdr': `${BLOCK}*`,
  'w:ftr': `${BLOCK}*`,
  'w:footnotes': 'w:footnote*',
  'w:endnotes': 'w:endnote*',
  'w:footnote': `${BLOCK}*`,
  'w:endnote': `${BLOCK}*`,
  'w:p': `w:pPr ${PARA_CONTENT}`,
  'w:pPr': PARA_PROPS,
  'w:rPr': RUN_PROPS,
  'w:r': `w:rPr ${RUN_CONTENT}`,
  'w:hyperlink': 'w:r|w:bookmarkStart|w:bookmarkEnd|w:proofErr*',
  'w:sectPr':
    'w:headerReference|w:footerReference* w:footnotePr w:endnotePr w:type w:pgSz w:pgMar w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings w:sectPrChange',
  'w:cols': 'w:col*',
  'w:pBdr': 'w:top w:left w:bottom w:right w:between w:bar',
  'w:tabs': 'w:tab*',
  'w:numPr': 'w:ilvl w:numId w:ins',
  'w:tbl': 'w:bookmarkStart|w:bookmarkEnd* w:tblPr! w:tblGrid! w:tr|w:bookmarkStart|w:bookmarkEnd|w:sdt*',
  'w:tblPr':
    'w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange',
  'w:tblGrid': 'w:gridCol* w:tblGridChange',
  'w:tblBorders': 'w:top w:left|w:start w:bottom w:right|w:end w:insideH w:insideV',
  'w:tblCellMar': 'w:top w:left|w:start w:bottom w:right|w:end',
  'w:tr': 'w:tblPrEx w:trPr w:tc|w:bookmarkStart|w:bookmarkEnd|w:sdt* w:trPrChange',
  // CT_TrPr is a repeating choice: any order
  'w:trPr':
    'w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:cantSplit|w:trHeight|w:tblHeader|w:tblCellSpacing|w:jc|w:hidden|w:ins|w:del|w:trPrChange*',
  'w:tc': `w:tcPr ${BLOCK}*!`,
  'w:tcPr':
    'w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar w:textDirection w:tcFitText w:vAlign w:hideMark w:headers w:cellIns w:cellDel w:cellMerge w:tcPrChange',
  'w:tcBorders': 'w:top w:left|w:start w:bottom w:right|w:end w:insideH w:insideV w:tl2br w:tr2bl',
  'w:tcMar': 'w:top w:left|w:start w:bottom w:right|w:end',
  'w:styles': 'w:docDefaults w:latentStyles w:style*',
  'w:docDefaults': 'w:rPrDefault w:pPrDefault',
  'w:rPrDefault': 'w:rPr',
  'w:pPrDefault': 'w:pPr',
  'w:latentStyles': 'w:lsdException*',
  'w:style':
    'w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr*',
  'w:settings':
    'w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts w:embedSystemFonts w:saveSubsetFonts w:saveFormsData w:mirrorMargins w:alignBordersAndEdges w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter w:gutterAtTop w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle* w:proofState w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars w:noLineBreaksAfter w:noLineBreaksBefore w:savePreviewPicture w:doNotValidateAgainstSchema w:saveInvalidXml w:ignoreMixedContent w:alwaysShowPlaceholderText w:doNotDemarcateInvalidXml w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat w:docVars w:rsids m:mathPr w:attachedSchema* w:themeFontLang w:clrSchemeMapping w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions w:readModeInkLockDown w:smartTagType* sl:schemaLibrary w:shapeDefaults w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator',
  'w:compat':
    'w:useSingleBorderforContiguousCells|w:wpJustification|w:noTabHangInd|w:noLeading|w:spaceForUL|w:noColumnBalance|w:balanceSingleByteDoubleByteWidth|w:noExtraLineSpacing|w:doNotLeaveBackslashAlone|w:ulTrailSpace|w:doNotExpandShiftReturn|w:spacingInWholePoints|w:lineWrapLikeWord6|w:printBodyTextBeforeHeader|w:printColBlack|w:wpSpaceWidth|w:showBreaksInFrames|w:subFontBySize|w:suppressBottomSpacing|w:suppressTopSpacing|w:suppressSpacingAtTopOfPage|w:suppressTopSpacingWP|w:suppressSpBfAfterPgBrk|w:swapBordersFacingPages|w:convMailMergeEsc|w:truncateFontHeightsLikeWP6|w:mwSmallCaps|w:usePrinterMetrics|w:doNotSuppressParagraphBorders|w:wrapTrailSpaces|w:footnoteLayoutLikeWW8|w:shapeLayoutLikeWW8|w:alignTablesRowByRow|w:forgetLastTabAlignment|w:adjustLineHeightInTable|w:autoSpaceLikeWord95|w:noSpaceRaiseLower|w:doNotUseHTMLParagraphAutoSpacing|w:layoutRawTableWidth|w:layoutTableRowsApart|w:useWord97LineBreakRules|w:doNotBreakWrappedTables|w:doNotSnapToGridInCell|w:selectFldWithFirstOrLastChar|w:applyBreakingRules|w:doNotWrapTextWithPunct|w:doNotUseEastAsianBreakRules|w:useWord2002TableStyleRules|w:growAutofit|w:useFELayout|w:useNormalStyleForList|w:doNotUseIndentAsNumberingTabStop|w:useAltKinsokuLineBreakRules|w:allowSpaceOfSameStyleInTable|w:doNotSuppressIndentation|w:doNotAutofitConstrainedTables|w:autofitToFirstFixedWidthCell|w:underlineTabInNumList|w:displayHangulFixedWidth|w:splitPgBreakAndParaMark|w:doNotVertAlignCellWithSp|w:doNotBreakConstrainedForcedTable|w:doNotVertAlignInTxbx|w:useAnsiKerningPairs|w:cachedColBalance* w:compatSetting*',
  'w:numbering': 'w:numPicBullet* w:abstractNum* w:num* w:numIdMacAtCleanup',
  'w:abstractNum': 'w:nsid w:multiLevelType w:tmpl w:name w:styleLink w:numStyleLink w:lvl*',
  'w:lvl':
    'w:start w:numFmt w:lvlRestart w:pStyle w:isLgl w:suff w:lvlText w:lvlPicBulletId w:legacy w:lvlJc w:pPr w:rPr',
  'w:num': 'w:abstractNumId! w:lvlOverride*',
  'w:lvlOverride': 'w:startOverride w:lvl',
  // pictures in a run
  'w:drawing': 'wp:anchor|wp:inline',
  'wp:inline': 'wp:extent! wp:effectExtent wp:docPr! wp:cNvGraphicFramePr a:graphic!',
  'wp:anchor':
    'wp:simplePos! wp:positionH! wp:positionV! wp:extent! wp:effectExtent wp:wrapNone|wp:wrapSquare|wp:wrapTight|wp:wrapThrough|wp:wrapTopAndBottom! wp:docPr! wp:cNvGraphicFramePr a:graphic!',
  'pic:pic': 'pic:nvPicPr! pic:blipFill! pic:spPr!',
  'pic:nvPicPr': 'pic:cNvPr! pic:cNvPicPr!',
  'pic:blipFill': 'a:blip a:srcRect a:tile|a:stretch',
  'pic:spPr': SHAPE_PROPS,
  'a:graphic': 'a:graphicData!',
  'a:graphicData': 'pic:pic|wps:wsp|c:chart*',
  'a:xfrm': 'a:off a:ext',
  'a:prstGeom': 'a:avLst',
  'a:blip': PPTX['a:blip']!,
  'a:stretch': 'a:fillRect',
  Types: 'Default|Override*',
  Relationships: 'Relationship*',
};

interface Group {
  names: Set<string>;
  many: boolean;
  required: boolean;
}

const compile = (spec: string): Group[] =>
  spec
    .split(' ')
    .filter(Boolean)
    .map((g) => {
      const many = g.includes('*');
      const required = g.includes('!');
      return { names: new Set(g.replace(/[*!]/g, '').split('|')), many, required };
    });

export type Vocabulary = 'pptx' | 'docx';

const TABLES: Record<Vocabulary, Map<string, Group[]>> = {
  pptx: new Map(Object.entries(PPTX).map(([k, v]) => [k, compile(v)])),
  docx: new Map(Object.entries(DOCX).map(([k, v]) => [k, compile(v)])),
};

/** Children whose content the schema leaves open (extension lists, chart data, docProps). */
const OPEN =
  /^(a:ext|p:ext|c:ext|w14?:|mc:|vt:|wp:docPr|pic:cNvPr|pic:cNvPicPr|wp:cNvGraphicFramePr|Properties|HeadingPairs|TitlesOfParts|cp:|dc)/;

/**
 * The schema-order problems of one part: children out of the schema's order, repeated where it
 * allows one, outside their parent's content, required and missing; and parents this table does
 * not know (so it grows with what we write instead of silently checking less).
 */
export function orderProblems(xml: string, vocabulary: Vocabulary): string[] {
  const table = TABLES[vocabulary];
  const problems: string[] = [];
  const walk = (node: XNode, parent: string, path: string): void => {
    const spec = table.get(`${parent}>${node.name}`) ?? table.get(node.name);
    const here = `${path}/${node.name}`;
    if (!spec) {
      if (node.children.length > 0 && !OPEN.test(node.name))
        problems.push(`${here}: no schema order for <${node.name}>`);
    } else {
      let at = 0;
      const seen = new Set<number>();
      for (const child of node.children) {
        const g = spec.findIndex((grp, i) => i >= at && grp.names.has(child.name));
        if (g < 0) {
          const earlier = spec.findIndex((grp) => grp.names.has(child.name));
          problems.push(
            earlier < 0
              ? `${here}: <${child.name}> is not a child of <${node.name}>`
              : `${here}: <${child.name}> out of order`,
          );
          continue;
        }
        if (seen.has(g) && !spec[g]!.many) problems.push(`${here}: a second <${child.name}>`);
        seen.add(g);
        at = g;
      }
      spec.forEach((grp, i) => {
        if (grp.required && !seen.has(i)) problems.push(`${here}: no <${[...grp.names].join('|')}>`);
      });
    }
    if (spec || !OPEN.test(node.name)) for (const c of node.children) walk(c, node.name, here);
  };
  for (const top of parseXml(xml).children) walk(top, '#root', '');
  return problems;
}

/** Attributes written twice on one element (the parser keeps the last; Office refuses the file). */
export function duplicateAttributes(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g)) {
    const names = [...(m[2] ?? '').matchAll(/([\w:.-]+)\s*=/g)].map((a) => a[1]!);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) out.push(`<${m[1]}> has ${dup} twice`);
  }
  return out;
}

/** A package's parts by path (no directory entries), and the checks every OPC package must pass. */
export function packageProblems(files: Record<string, Uint8Array>, xml: Record<string, string>): string[] {
  const problems: string[] = [];
  const paths = Object.keys(files);
  for (const p of paths) if (p.endsWith('/')) problems.push(`directory entry ${p}`);
  const types = parseXml(xml['[Content_Types].xml'] ?? '<Types/>');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const t of types.children[0]?.children ?? []) {
    if (t.name === 'Default') defaults.set(t.attrs.Extension!.toLowerCase(), t.attrs.ContentType!);
    if (t.name === 'Override') overrides.set(t.attrs.PartName!.replace(/^\//, ''), t.attrs.ContentType!);
  }
  for (const p of overrides.keys()) if (!(p in files)) problems.push(`content type for a missing part ${p}`);
  for (const p of paths) {
    if (p.endsWith('/') || p === '[Content_Types].xml') continue;
    const ext = /\.([^./]+)$/.exec(p)?.[1]?.toLowerCase() ?? '';
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`no content type for ${p}`);
  }
  for (const [p, text] of Object.entries(xml)) {
    if (!p.endsWith('.rels')) continue;
    const base = p.replace(/_rels\/([^/]*)\.rels$/, '$1').replace(/[^/]*$/, '');
    const ids = new Set<string>();
    for (const r of parseXml(text).children[0]?.children ?? []) {
      const id = r.attrs.Id ?? '';
      if (ids.has(id)) problems.push(`${p}: relationship ${id} twice`);
      ids.add(id);
      if (r.attrs.TargetMode === 'External') continue;
      const target = resolve(base, r.attrs.Target ?? '');
      if (!(target in files)) problems.push(`${p}: ${id} points at a missing part ${target}`);
    }
  }
  return problems;
}

/** A relationship target resolved against the folder of its source part. */
function resolve(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}
