"""Layout on small tables (spec §2, §3, §5, §6): reflow, list items, doubling, spacing, furniture.

The seeds test these steps whole (test_seeds.py); the rows here pin one
behaviour each, in text written for the test rather than taken from the seeds,
negatives beside positives. Every expected output must itself be clean.
"""

from __future__ import annotations

import pytest

import zhclean
from zhclean.normalizers.furniture import drop_page_heads, drop_page_numbers, drop_running_heads, drop_stranded_chars
from zhclean.normalizers.lines import is_closed, starts_item

COLUMN = "记者昨天从市卫健委获悉，全市各级医疗机构\n已经全面落实预检分诊制度，发热门诊实行\n二十四小时值守，确保患者得到及时救治。"
JOINED = "记者昨天从市卫健委获悉，全市各级医疗机构已经全面落实预检分诊制度，发热门诊实行二十四小时值守，确保患者得到及时救治。"

REFLOW_CHANGE = [
    ("a wrapped column", COLUMN + "\n下一步，各地将继续加强社区防控工作。", JOINED + "\n下一步，各地将继续加强社区防控工作。"),
    ("a column break mid-sentence", COLUMN.replace("实行\n", "实行\n\n"), JOINED),
    ("a page break mid-sentence", COLUMN.replace("机构\n", "机构\n\n"), JOINED),
    # Dialogue ends most lines, so no column shows around the break; the line before
    # it is as wide as the (finished) line that went on into it (nightly find).
    (
        "a page break after dialogue",
        "　　“家里一切都好，放心！\n”“我很好，你在后方也加油\n！”小家和大家，难以两全。\n抉择之时，他们只能向家人\n\n说声“抱歉”。",
        "“家里一切都好，放心！”“我很好，你在后方也加油！”小家和大家，难以两全。抉择之时，他们只能向家人说声“抱歉”。",
    ),
    # At the top of an indented text no column shows yet; a full line closed by
    # …… over the short unindented last line of its paragraph goes on into it
    # (nightly find).
    (
        "a full line closed by an ellipsis, before any column shows",
        "　　背着几十斤重的喷药桶，每天工作九到十个小时，日\n均清理居家隔离户垃圾250公斤，平均每天走2万多步……\n"
        "没有人喊累，也没有人喊苦。\n　　没有时间担心，也没有时间恐惧，更没有时间犹豫。",
        "背着几十斤重的喷药桶，每天工作九到十个小时，日均清理居家隔离户垃圾250公斤，平均每天走2万多步……没有人喊累，也没有人喊苦。\n"
        "没有时间担心，也没有时间恐惧，更没有时间犹豫。",
    ),
    # At the end of an indented text too few unfinished lines show a column; a
    # finished line as full as the line that went on into it continues over a
    # page break into the unindented line after it (nightly find) ...
    (
        "a full finished line before a page break, no column shown",
        "　　寒冬腊月，巷口村头，雨雪纷飞中，一面面鲜艳的党旗\n、一个个坚守的身影，为焦灼的人们送去温暖安定的力量。\n\n"
        "数据显示，2月24日，湖北以外新增确诊病例降至个位数。",
        "寒冬腊月，巷口村头，雨雪纷飞中，一面面鲜艳的党旗、一个个坚守的身影，为焦灼的人们送去温暖安定的力量。"
        "数据显示，2月24日，湖北以外新增确诊病例降至个位数。",
    ),
    # ... and a shorter one ends its paragraph there.
    (
        "a short finished line before a page break, no column shown",
        "　　寒冬腊月，巷口村头，雨雪纷飞中，一面面鲜艳的党旗\n、一个个坚守的身影，为焦灼的人们送去力量。\n\n"
        "数据显示，2月24日，湖北以外新增确诊病例降至个位数。",
        "寒冬腊月，巷口村头，雨雪纷飞中，一面面鲜艳的党旗、一个个坚守的身影，为焦灼的人们送去力量。\n"
        "数据显示，2月24日，湖北以外新增确诊病例降至个位数。",
    ),
    # An A4 page set in one column: lines wider than MAX_COL, paragraphs of two
    # or three lines, so finished last lines come between the full ones (a real
    # page typeset and extracted by pdftotext left every line broken).
    (
        "a column wider than MAX_COL, short paragraphs, indent dropped",
        "1月5日，为进一步保障疫情防控期间辖区居民的医、食、行等民生需求，北仑新碶街道紧急开通了“红\n"
        "领热线”，以红领之家为依托，分别从北仑邮政、81890北仑分中心、新碶街道党群服务中心等单位抽调了\n"
        "20名党员志愿者，24小时在线，及时回应解决居民的“急难愁盼”问题。\n"
        "2月14日是支援湖北医生马建科的生日，志愿者买来蛋糕，与其家属通过网络为其庆生；2月15日，支\n"
        "援湖北护士陈玲玲家属遇到更换煤气瓶难题，党员干部接到求助信息后立即联系相关部门及时将煤气瓶送\n上门……\n"
        "2月初，宁波就在市疫情防控工作领导小组专门增设关心关爱工作组，市县两级累计转拨划拨1500余万\n"
        "元党费用于慰问关爱一线，出台激励关爱基层党员干部和医务人员“10项举措”、援鄂抗疫医疗队关心关爱\n"
        "和服务管理办法等关心关爱文件11个，为冲锋在前的“战士”加油鼓劲。",
        "1月5日，为进一步保障疫情防控期间辖区居民的医、食、行等民生需求，北仑新碶街道紧急开通了“红领热线”，以红领之家为依托，"
        "分别从北仑邮政、81890北仑分中心、新碶街道党群服务中心等单位抽调了20名党员志愿者，24小时在线，及时回应解决居民的“急难愁盼”问题。\n"
        "2月14日是支援湖北医生马建科的生日，志愿者买来蛋糕，与其家属通过网络为其庆生；2月15日，支援湖北护士陈玲玲家属遇到更换煤气瓶难题，"
        "党员干部接到求助信息后立即联系相关部门及时将煤气瓶送上门……\n"
        "2月初，宁波就在市疫情防控工作领导小组专门增设关心关爱工作组，市县两级累计转拨划拨1500余万元党费用于慰问关爱一线，"
        "出台激励关爱基层党员干部和医务人员“10项举措”、援鄂抗疫医疗队关心关爱和服务管理办法等关心关爱文件11个，为冲锋在前的“战士”加油鼓劲。",
    ),
    # pdftotext -layout centres a headline with spaces; the body's first line
    # under it is indented less, and ends where the full lines do.
    (
        "a centred headline over indented paragraphs",
        "      社区防控工作扎实推进各项措施落到实处\n  记者昨天从市卫健委获悉，全市各\n级医疗机构已经全面落实预检分诊制\n度，发热门诊实行二十四小时值守。",
        "社区防控工作扎实推进各项措施落到实处\n记者昨天从市卫健委获悉，全市各级医疗机构已经全面落实预检分诊制度，发热门诊实行二十四小时值守。",
    ),
    # A column of about MAX_COL: hanging marks put some lines over it, the rest
    # are at it or under it; all of them show the column.
    (
        "a column at MAX_COL, lines either side of it",
        "“确保流感疫苗的市场供应，对防止因流感加重疫情有重要意义。我们要充分利用区域化党建\n"
        "资源，发挥党组织战斗堡垒作用，为企业复工复产排忧解难。”上海长宁区新华路街道党工委\n"
        "书记陆敏介绍，街道党工委组织成立了楼宇企业工作组，一网一小组、一楼一人，形成工作\n"
        "联动机制，为辖区54个商务楼宇（园区）企业复工复产当好“店小二”。",
        "“确保流感疫苗的市场供应，对防止因流感加重疫情有重要意义。我们要充分利用区域化党建资源，发挥党组织战斗堡垒作用，"
        "为企业复工复产排忧解难。”上海长宁区新华路街道党工委书记陆敏介绍，街道党工委组织成立了楼宇企业工作组，一网一小组、"
        "一楼一人，形成工作联动机制，为辖区54个商务楼宇（园区）企业复工复产当好“店小二”。",
    ),
    # The same column deep in a long paragraph: a line at MAX_COL goes on into one
    # a hanging mark put over it.
    (
        "a long paragraph in a column at MAX_COL",
        '\u3000\u3000新一轮疫情发生后，大连市委多次召开专题会议作出部署，全市各级领导干部深入疫情\n防控任务较重地区和疫情防控关键部位，靠前指挥，主动研究新情况、解决新问题、提出新\n举措，确保相关措施和要求落实到位。市委组织部及时转发省委组织部《关于在坚决打赢疫\n情防控歼灭战中充分发挥党组织和党员干部作用的通知》，进一步明确要求，指导基层党组\n织要认真对照全市《基层党组织在新冠肺炎疫情常态化防控中发挥作用重要任务清单》，筑\n牢疫情防控防线。号召各级基层党组织切实发挥战斗堡垒作用，强化政治引领，有效凝聚各\n方力量；广大党员干部切实发挥先锋模范作用，结合开展“党旗在基层一线高高飘扬”“在职党\n员进社区”等活动，协助一线防疫工作者做好疫情防控工作。市委组织部从党费中划拨专项资\n金800万元，用于支持新冠肺炎疫情防控工作。',
        '新一轮疫情发生后，大连市委多次召开专题会议作出部署，全市各级领导干部深入疫情防控任务较重地区和疫情防控关键部位，靠前指挥，主动研究新情况、解决新问题、提出新举措，确保相关措施和要求落实到位。市委组织部及时转发省委组织部《关于在坚决打赢疫情防控歼灭战中充分发挥党组织和党员干部作用的通知》，进一步明确要求，指导基层党组织要认真对照全市《基层党组织在新冠肺炎疫情常态化防控中发挥作用重要任务清单》，筑牢疫情防控防线。号召各级基层党组织切实发挥战斗堡垒作用，强化政治引领，有效凝聚各方力量；广大党员干部切实发挥先锋模范作用，结合开展“党旗在基层一线高高飘扬”“在职党员进社区”等活动，协助一线防疫工作者做好疫情防控工作。市委组织部从党费中划拨专项资金800万元，用于支持新冠肺炎疫情防控工作。',
    ),
    # An A4 column with indented paragraphs: a full line that ends a sentence goes
    # on into the unindented line under it.
    (
        "a full finished line in an indented wide column",
        '\u3000\u3000打好、打赢疫情防控人民战争、总体战、阻击战，关键在党员干部，关键在基层党组织。发挥广\n大党员和各级干部冲在一线、战在一线、闯关夺隘的骨干作用，是能否夺取最终胜利的题中之义。江\n苏赣榆经济开发区坚决贯彻中央决策部署和省市区委有关要求，在区、镇范围内响亮打出“战‘疫’一线\n我先锋”旗帜，广泛开展“三上三线三先锋”活动，即“我是党员，我先上，初心在线，争做扛旗先锋；\n我是干部，跟我上，冲锋在线，争做扛责先锋；先锋堡垒，一起上，战斗在线，争做扛担先锋”，号召\n广大党员干部第一时间、第一力量、第一状态勇赴战疫情、打阻击、保稳定、促发展的最前线，一手\n抓疫情防控，一手抓经济社会发展，奋力夺取疫情防控和经济社会发展双胜利。',
        '打好、打赢疫情防控人民战争、总体战、阻击战，关键在党员干部，关键在基层党组织。发挥广大党员和各级干部冲在一线、战在一线、闯关夺隘的骨干作用，是能否夺取最终胜利的题中之义。江苏赣榆经济开发区坚决贯彻中央决策部署和省市区委有关要求，在区、镇范围内响亮打出“战‘疫’一线我先锋”旗帜，广泛开展“三上三线三先锋”活动，即“我是党员，我先上，初心在线，争做扛旗先锋；我是干部，跟我上，冲锋在线，争做扛责先锋；先锋堡垒，一起上，战斗在线，争做扛担先锋”，号召广大党员干部第一时间、第一力量、第一状态勇赴战疫情、打阻击、保稳定、促发展的最前线，一手抓疫情防控，一手抓经济社会发展，奋力夺取疫情防控和经济社会发展双胜利。',
    ),
    # A number that would not fit went to the next line whole, and the line it
    # left ends a sentence short of the column (nightly find, once the test printer
    # carried numbers over as Chromium does; running heads between the pages).
    (
        "a finished line short by the number carried over",
        '\u3000\u30001月5日，为进一步保障疫情防\n控期间辖区居民的医、食、行等民\n生需求，北仑新碶街道紧急开通了\n“红领热线”，以红领之家为依托，\n分别从北仑邮政、81890北仑分中心\n、新碶街道党群服务中心等单位抽\n调了20名党员志愿者，24小时在线\n，及时回应解决居民的“急难愁盼”\n问题。\n\u3000\u3000“我们准备恢复流感疫苗的生产\n，但碰到生产车间的注册问题……\n”2月12日，上海市长宁区新华路街\n道了解到辖区内的上海生物制品研\n究所有限责任公司（上生所）遇到\n复产困难。新华路街道立即协调区\n人口办和虹桥派出所开辟绿色通道\n宁波日报 第1版\n，现场办公，一天不到的时间，为\n上生所办好了安顺路生产车间的临\n时门牌号。“原本需要至少15个工作\n日才能解决的，没想到这么快，让\n我们及时赶上疫苗报批时间节点！\n”上生所专门给新华路街道写来一封\n感谢信。\n\u3000\u3000“我们要接过镇海兄弟们的接力\n棒，以更快的速度战胜疫情！”\n2022年新年第一天，在临时组建的\n微信群里，江北滴滴党员雷锋车队\n的队长王波波发出了这么一条信息\n，为队友们打气。\n\u3000\u3000严管防控守在一线。严把区镇\n村企防线，倒逼村企看好自己门、\n管好自己人。对排查出的来自疫情\n宁波日报 第2版\n较重区域的重点人员实行一个领导\n、一套班子、一套方案、一抓到底\n“四个一”盯防制，对居家隔离人员\n，由包村领导、村干部、党员志愿\n者、卫生员、片警、网格员形成“六\n包一”工作制，做到“五送”，即：送\n服务，由卫生院专业人员组成控温\n工作组，每天两次上门测量体温；\n送咨询，发放宣传资料4万余份，为\n群众讲解防控知识；送物资，为老\n弱病残者、返乡隔离者提供代购、\n送餐等服务。制定《复工复产工作\n方案》，实行“123456”机制（一张\n卡、两闭环、三监管、四保障、五\n支持、六机制管理），拧紧企业“安\n全阀”，织密疫情“防控网”。\n宁波日报 第3版',
        '1月5日，为进一步保障疫情防控期间辖区居民的医、食、行等民生需求，北仑新碶街道紧急开通了“红领热线”，以红领之家为依托，分别从北仑邮政、81890北仑分中心、新碶街道党群服务中心等单位抽调了20名党员志愿者，24小时在线，及时回应解决居民的“急难愁盼”问题。\n“我们准备恢复流感疫苗的生产，但碰到生产车间的注册问题……”2月12日，上海市长宁区新华路街道了解到辖区内的上海生物制品研究所有限责任公司（上生所）遇到复产困难。新华路街道立即协调区人口办和虹桥派出所开辟绿色通道，现场办公，一天不到的时间，为上生所办好了安顺路生产车间的临时门牌号。“原本需要至少15个工作日才能解决的，没想到这么快，让我们及时赶上疫苗报批时间节点！”上生所专门给新华路街道写来一封感谢信。\n“我们要接过镇海兄弟们的接力棒，以更快的速度战胜疫情！”2022年新年第一天，在临时组建的微信群里，江北滴滴党员雷锋车队的队长王波波发出了这么一条信息，为队友们打气。\n严管防控守在一线。严把区镇村企防线，倒逼村企看好自己门、管好自己人。对排查出的来自疫情较重区域的重点人员实行一个领导、一套班子、一套方案、一抓到底“四个一”盯防制，对居家隔离人员，由包村领导、村干部、党员志愿者、卫生员、片警、网格员形成“六包一”工作制，做到“五送”，即：送服务，由卫生院专业人员组成控温工作组，每天两次上门测量体温；送咨询，发放宣传资料4万余份，为群众讲解防控知识；送物资，为老弱病残者、返乡隔离者提供代购、送餐等服务。制定《复工复产工作方案》，实行“123456”机制（一张卡、两闭环、三监管、四保障、五支持、六机制管理），拧紧企业“安全阀”，织密疫情“防控网”。',
    ),
    # The same across a running head: the head stands between the short line and
    # the number carried over (nightly find).
    (
        "a finished line short by a carried-over number, a running head after it",
        '\u3000\u30001月5日，为进一步保障疫情防\n控期间辖区居民的医、食、行等民\n生需求，北仑新碶街道紧急开通了\n“红领热线”，以红领之家为依托，\n分别从北仑邮政、81890北仑分中心\n、新碶街道党群服务中心等单位抽\n调了20名党员志愿者，24小时在线\n，及时回应解决居民的“急难愁盼”\n问题。\n\u3000\u3000“我是党员，我先上！”这是共\n产党人初心和使命的召唤，是夺取\n“双胜利”必须发出的战斗宣言。习\n近平总书记强调，关键时刻冲得上\n去、危难关头豁得出来，才是真正\n的共产党人。在疫情面前，开发区\n2000多名党员、入党积极分子主动\n宁波日报 第1版\n请战，挺身而出、担当作为，他们\n勇于承担最困难、最危险、最艰巨\n的任务，不负重托，不辱使命，为\n战胜疫情、促进经济社会发展作出\n贡献。\n\u3000\u3000与此同时，针对连续作战的基\n层党员干部，宁波制定疫情防控期\n间容错免责细则，激励广大党员干\n部放开手脚、担当干事；同步推出\n“强制休息令”，在不影响疫情防控\n的前提下，强制要求295名基层一线\n人员休息，安排三分之一左右的隔\n离病房医护人员换班轮休。\n\u3000\u3000严管防控守在一线。严把区镇\n村企防线，倒逼村企看好自己门、\n管好自己人。对排查出的来自疫情\n较重区域的重点人员实行一个领导\n宁波日报 第2版\n、一套班子、一套方案、一抓到底\n“四个一”盯防制，对居家隔离人员\n，由包村领导、村干部、党员志愿\n者、卫生员、片警、网格员形成“六\n包一”工作制，做到“五送”，即：送\n服务，由卫生院专业人员组成控温\n工作组，每天两次上门测量体温；\n送咨询，发放宣传资料4万余份，为\n群众讲解防控知识；送物资，为老\n弱病残者、返乡隔离者提供代购、\n送餐等服务。制定《复工复产工作\n方案》，实行“123456”机制（一张\n卡、两闭环、三监管、四保障、五\n支持、六机制管理），拧紧企业“安\n全阀”，织密疫情“防控网”。\n\u3000\u3000“我们要接过镇海兄弟们的接力\n棒，以更快的速度战胜疫情！”\n宁波日报 第3版\n2022年新年第一天，在临时组建的\n微信群里，江北滴滴党员雷锋车队\n的队长王波波发出了这么一条信息\n，为队友们打气。',
        '1月5日，为进一步保障疫情防控期间辖区居民的医、食、行等民生需求，北仑新碶街道紧急开通了“红领热线”，以红领之家为依托，分别从北仑邮政、81890北仑分中心、新碶街道党群服务中心等单位抽调了20名党员志愿者，24小时在线，及时回应解决居民的“急难愁盼”问题。\n“我是党员，我先上！”这是共产党人初心和使命的召唤，是夺取“双胜利”必须发出的战斗宣言。习近平总书记强调，关键时刻冲得上去、危难关头豁得出来，才是真正的共产党人。在疫情面前，开发区2000多名党员、入党积极分子主动请战，挺身而出、担当作为，他们勇于承担最困难、最危险、最艰巨的任务，不负重托，不辱使命，为战胜疫情、促进经济社会发展作出贡献。\n与此同时，针对连续作战的基层党员干部，宁波制定疫情防控期间容错免责细则，激励广大党员干部放开手脚、担当干事；同步推出“强制休息令”，在不影响疫情防控的前提下，强制要求295名基层一线人员休息，安排三分之一左右的隔离病房医护人员换班轮休。\n严管防控守在一线。严把区镇村企防线，倒逼村企看好自己门、管好自己人。对排查出的来自疫情较重区域的重点人员实行一个领导、一套班子、一套方案、一抓到底“四个一”盯防制，对居家隔离人员，由包村领导、村干部、党员志愿者、卫生员、片警、网格员形成“六包一”工作制，做到“五送”，即：送服务，由卫生院专业人员组成控温工作组，每天两次上门测量体温；送咨询，发放宣传资料4万余份，为群众讲解防控知识；送物资，为老弱病残者、返乡隔离者提供代购、送餐等服务。制定《复工复产工作方案》，实行“123456”机制（一张卡、两闭环、三监管、四保障、五支持、六机制管理），拧紧企业“安全阀”，织密疫情“防控网”。\n“我们要接过镇海兄弟们的接力棒，以更快的速度战胜疫情！”2022年新年第一天，在临时组建的微信群里，江北滴滴党员雷锋车队的队长王波波发出了这么一条信息，为队友们打气。',
    ),
    (
        "indented paragraphs",
        "　　记者昨天从市卫健委获悉，全市各级医疗\n机构已经全面落实预检分诊制度，发热门诊\n实行二十四小时值守，确保患者得到救治。\n"
        "　　下一步，各地将继续加强社区防控，做好\n外来人员排查登记工作。",
        "记者昨天从市卫健委获悉，全市各级医疗机构已经全面落实预检分诊制度，发热门诊实行二十四小时值守，确保患者得到救治。\n"
        "下一步，各地将继续加强社区防控，做好外来人员排查登记工作。",
    ),
    ("a byline above a column", "本报记者 张三 通讯员 李四\n" + COLUMN, "本报记者 张三 通讯员 李四\n" + JOINED),
    ("a label above a column", "■ 信息直通车\n" + COLUMN, "■ 信息直通车\n" + JOINED),
    (  # a line twice the column's width is not a line of it
        "an unfinished headline above a narrow column",
        "全市党员干部冲锋在一线，筑牢疫情防控的坚固防线\n记者昨天从市卫健\n委获悉，全市各级\n医疗机构已全面落\n实预检分诊制度。",
        "全市党员干部冲锋在一线，筑牢疫情防控的坚固防线\n记者昨天从市卫健委获悉，全市各级医疗机构已全面落实预检分诊制度。",
    ),
    (
        "lines that start with a number are not list items",
        "据统计，全市已累计排查外来人员\n2.6万人次，其中重点地区来甬人员\n1200余人，均已落实居家隔离措施，\n情况总体平稳可控。",
        "据统计，全市已累计排查外来人员2.6万人次，其中重点地区来甬人员1200余人，均已落实居家隔离措施，情况总体平稳可控。",
    ),
    (
        "wrapped list items",
        "一、加强组织领导。成立由市长任组长的疫情防控\n工作领导小组，统筹全市防控工作，各区县\n相应成立工作专班，落实属地责任制度。\n"
        "二、落实防控措施。严格执行预检分诊制度，\n发热门诊实行二十四小时值守，全力做好\n患者救治工作，确保应收尽收、应治尽治。",
        "一、加强组织领导。成立由市长任组长的疫情防控工作领导小组，统筹全市防控工作，各区县相应成立工作专班，落实属地责任制度。\n"
        "二、落实防控措施。严格执行预检分诊制度，发热门诊实行二十四小时值守，全力做好患者救治工作，确保应收尽收、应治尽治。",
    ),
    ("a sentence under way across a blank", "党员干部冲在一线，群众积极\n\n配合社区的排查登记工作", "党员干部冲在一线，群众积极配合社区的排查登记工作"),
    ("blank lines between paragraphs", "第一段说的是一件事。\n\n第二段说的是另一件事。", "第一段说的是一件事。\n第二段说的是另一件事。"),
    (
        "wrapped English",
        "The quick brown fox jumps over the lazy dog and\nthen runs away into the forest far from here\nwhile the hunter sleeps under an old oak tree.",
        "The quick brown fox jumps over the lazy dog and then runs away into the forest far from here while the hunter sleeps under an old oak tree.",
    ),
]

REFLOW_KEEP = [
    ("clean paragraphs", "记者昨天从市卫健委获悉，全市医疗机构已全面落实预检分诊制度。\n发热门诊实行二十四小时值守。\n下一步，各地将继续加强社区防控工作。"),
    ("two unpunctuated titles", "宁波全力打好疫情防控阻击战\n全市党员干部冲锋在一线上"),
    ("a title over a subtitle", "党员干部冲锋在一线\n群众筑牢防控线"),
    # A headline with a comma over a wider one-line paragraph (Hypothesis find: the
    # paragraph was as wide as the headline within 4, so read as its wrapped end):
    ("a comma headline over a wider paragraph", "中山区机关干部为，中山区机关干部为\n中山区机关干部为居家隔离人员配送生活物资。"),
    ("a colon before a quotation", "他说：\n“我们一定能打赢这场仗。”"),
    ("numbered items after a colon", "主要措施如下：\n1. 戴口罩\n2. 勤洗手\n3. 少聚集"),
    ("equal-width items", "一、加强组织领导\n二、落实防控措施\n三、做好宣传引导"),
    ("bracketed items", "（一）成立领导小组\n（二）制定工作方案\n（三）开展督导检查"),
    ("circled items", "①加强排查管控\n②做好物资保障\n③强化宣传引导"),
    ("Markdown bullets", "- 戴口罩出门\n- 勤洗手消毒\n- 少聚集聚餐"),
    ("Markdown heading over text", "## 第一章 总则\n第一条　为了做好疫情防控工作，制定本办法。"),
    ("one line", "党员干部冲在一线"),
    # Equal unpunctuated lines look like a column but show no prose inside.
    ("a poem", "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡"),
    ("a table of contents", "第一章 总则\n第二章 组织机构\n第三章 工作职责\n第四章 附则"),
    # Spaced Latin letters or digits are no letter-spaced (justified) line.
    ("an answer key", "第一题答案\nA C B D A\n第二题答案\nB B A C D"),
    ("titles over a paragraph", "关于做好疫情防控工作的通知\n关于加强社区管理工作的意见\n关于进一步做好复工复产的通知\n请各单位认真贯彻落实。"),
    (
        "a kicker repeated between paragraphs",
        "疫情防控进行时\n记者昨天从市卫健委获悉，全市医疗机构已全面落实预检分诊制度。\n疫情防控进行时\n"
        "发热门诊实行二十四小时值守，确保患者得到及时救治。\n疫情防控进行时\n下一步，各地将继续加强社区防控工作。",
    ),
]


# Lines wider than any column (web text): one paragraph each unless a column of
# that width shows itself (three lines of one width) or a blank line breaks an
# unfinished paragraph.
WEB1 = "记者昨天从市卫健委获悉全市各级医疗机构已经全面落实预检分诊制度发热门诊实行二十四小时值守确保患者"
WEB2 = "得到及时救治下一步各地将继续加强社区防控工作做好外来人员排查登记工作确保疫情防控工作落实到位不留"
WEB3 = "死角，全市上下众志成城，坚决打赢疫情防控阻击战，让人民群众过上安定祥和的生活，这是我们的共同心愿。"
LONG_LINES = [
    ("two unfinished lines and a wider finished one", f"{WEB1}\n{WEB2}\n{WEB3}", f"{WEB1}\n{WEB2}\n{WEB3}"),
    ("a page break inside a web paragraph", f"{WEB1}\n\n{WEB3}", f"{WEB1}{WEB3}"),
    ("a paragraph that ends in a closing quote", f"{WEB1}“疫情”\n\n{WEB3}", f"{WEB1}“疫情”\n{WEB3}"),
    ("a column wider than 40", f"{WEB1}\n{WEB2}\n{WEB1}\n{WEB2[:20]}。", f"{WEB1}{WEB2}{WEB1}{WEB2[:20]}。"),
]


@pytest.mark.parametrize("raw, expected", [(r, e) for _, r, e in LONG_LINES], ids=[k for k, _, _ in LONG_LINES])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_long_lines(raw, expected, sep):
    once = zhclean.clean(raw, paragraph_separator=sep)
    if sep == "\n":
        assert once == expected
    assert zhclean.clean(once, paragraph_separator=sep) == once


@pytest.mark.parametrize("raw, expected", [(r, e) for _, r, e in REFLOW_CHANGE], ids=[k for k, _, _ in REFLOW_CHANGE])
def test_reflow_changes(raw, expected):
    assert zhclean.clean(raw) == expected
    assert zhclean.clean(expected) == expected


@pytest.mark.parametrize("text", [t for _, t in REFLOW_KEEP], ids=[k for k, _ in REFLOW_KEEP])
def test_reflow_keeps(text):
    # The 第一条 separator is an ideographic space, which reads as one space.
    assert zhclean.clean(text) == text.replace("　", " ")


@pytest.mark.parametrize(
    "line, item",
    [
        ("一、加强组织领导", True), ("（二）制定方案", True), ("(3)开展督导", True), ("4. 戴口罩", True),
        ("5、勤洗手", True), ("6）少聚集", True), ("⑦强化宣传", True), ("第八，要讲纪律", True), ("- 戴口罩", True),
        ("2.6万人次", False), ("1200余人", False), ("2020年2月9日", False), ("-10度", False), ("一万多人", False),
        ("十分重要", False), ("第一批医疗队", False), ("3.5亿元", False),
    ],
)
def test_list_markers(line, item):
    assert starts_item(line) is item


@pytest.mark.parametrize(
    "line, closed",
    [
        ("疫情防控到了最吃劲的关头。", True), ("他说：“暖暖的。”", True), ("（徐能 摄）", True), ("是否已到岗？", True),
        # '.' after Chinese is the '。' cjk_punctuation will make of it:
        ("疫情防控到了最吃劲的关头.", True), ("他说“暖暖的.”", True),
        ("全市党员干部冲锋在一", False), ("Hello world.", False), ("增长2.6", False), ("见附件..", False),
        ("版本1.", False),  # a number's '.' stays ASCII unless its sentence is Chinese (not judged here)
    ],
)
def test_finished_lines(line, closed):
    assert is_closed(line) is closed


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("22 月月 99 日日，，", "2月9日，"),
        ("先锋有我先锋有我，，挺起宁波铁脊梁挺起宁波铁脊梁", "先锋有我，挺起宁波铁脊梁"),
        ("众志成城众志成城  共克时艰共克时艰", "众志成城共克时艰"),  # the space joined a wrapped headline
        ("医疗队队员斗志昂扬。", "医疗队队员斗志昂扬。"),  # look-alike
        ("研究研究再决定。", "研究研究再决定。"),  # ABAB reduplication
        ("哈哈哈，太好了！", "哈哈哈，太好了！"),
    ],
)
def test_doubling(raw, expected):
    assert zhclean.clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("员 带 领 群 众 一 起 投 身 战 疫", "员带领群众一起投身战疫"),
        ("全市共有 120 个社区开展排查，累计 3.5 万人次。", "全市共有120个社区开展排查，累计3.5万人次。"),
        ("使用 Python 3.11 和 PyTorch 训练模型", "使用Python 3.11和PyTorch训练模型"),
        ("辽阳各级党员干部 充实战“疫”一线", "辽阳各级党员干部充实战“疫”一线"),
        ("队员。 （徐能 摄）", "队员。（徐能 摄）"),
        ("记者 黄合 通讯员 勇祖轩", "记者 黄合 通讯员 勇祖轩"),
        ("- 戴口罩", "- 戴口罩"),
        ("1. 戴口罩", "1. 戴口罩"),
        ("1.  戴口罩", "1. 戴口罩"),
        ("第一章  总则", "第一章 总则"),
        ("第二条   本办法适用于全体员工。", "第二条 本办法适用于全体员工。"),
        ("1) 戴口罩", "1) 戴口罩"),
        ("# 标题", "# 标题"),
        ("> 引用一段话。", "> 引用一段话。"),
        ("- 10 度", "- 10度"),
        ("   首行缩进的段落。", "首行缩进的段落。"),
        # A table's rows (three or more lines of one number of cells, most cells
        # two characters or more) keep a space between cells and stay rows.
        ("全市各地\n地区 确诊病例 治愈出院\n湖北  67000  50000\n广东省 1300 1200\n浙江省 1200 1100",
         "全市各地\n地区 确诊病例 治愈出院\n湖北 67000 50000\n广东省 1300 1200\n浙江省 1200 1100"),
        ("姓名 单位 职务\n张三 市卫健委 主任\n李四 市疾控中心 科长", "姓名 单位 职务\n张三 市卫健委 主任\n李四 市疾控中心 科长"),
        # Negatives: two rows are no table; letter-spaced lines have a glyph a cell;
        # cells holding sentence marks are prose.
        ("地区 确诊病例 治愈出院\n湖北 67000 50000", "地区确诊病例治愈出院\n湖北67000 50000"),
        ("员 带 领 群 众\n一 起 投 身 战\n疫 一 线 中 的", "员带领群众一起投身战疫一线中的"),
        ("各地 积极 行动，\n群众 纷纷 响应，\n社区 全面 排查。", "各地积极行动，群众纷纷响应，社区全面排查。"),
        # Letter-spacing spreads digits and Latin too (justified columns, OCR):
        # closed up where a lone Han glyph shows the spacing; kept in prose.
        ("成 立 于 1 9 4 9 年 ， 首 都 是 北 京 。", "成立于1949年，首都是北京。"),
        ("今 年 G D P 增 长 5 . 2 % ， 超 过 预 期", "今年GDP增长5.2%，超过预期"),
        ("1 9 4 9 年 成 立", "1949年成立"),
        ("公式 x = 1 + 2 成立", "公式x = 1 + 2成立"),
        ("选项 A B 都对", "选项A B都对"),
        ("Plan A B C", "Plan A B C"),
    ],
)
def test_spacing(raw, expected):
    assert zhclean.clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("员带领群众ICU病房", "员带领群众 ICU 病房"),
        ("成 立 于 1 9 4 9 年", "成立于 1949 年"),
        ("- 戴口罩", "- 戴口罩"),
        ("记者 黄合 通讯员 勇祖轩", "记者 黄合 通讯员 勇祖轩"),
    ],
)
def test_spacing_one(raw, expected):
    assert zhclean.clean(raw, cjk_latin_space="one") == expected


PAGE = "记者昨天从市卫健委获悉，全市医疗机构已全面落实预检分诊制度。"
P1, P2, P3 = (PAGE.replace("全市", k) for k in ("宁波", "杭州", "温州"))  # different surroundings
# A printed page holds more than 200 characters (furniture.PAGE_TEXT); these hold 240.
L1, L2, L3 = (p * 8 for p in (P1, P2, P3))
CUT = L2[:-9]  # a page that ends in the middle of a sentence
QA, QB = "凝聚同心战“疫”的强大合力", "凝聚同心战”疫“的强大合力"  # unfinished, quotes either way round


@pytest.mark.parametrize(
    "step, raw, expected",
    [
        (drop_page_numbers, f"{PAGE}\n\n- 3 -\n\n{PAGE}", f"{PAGE}\n\n\n\n{PAGE}"),
        (drop_page_numbers, f"{PAGE}\n\n第3版\n\n{PAGE}", f"{PAGE}\n\n\n\n{PAGE}"),
        (drop_page_numbers, f"{L1}\n12\n{L2}\n13\n{L3}", f"{L1}\n\n{L2}\n\n{L3}"),  # a run of pages
        # Numbers in a row with less than a page between: a command's output, a list's numbers.
        (drop_page_numbers, f"{PAGE}\n12\n{PAGE}\n13\n{PAGE}", f"{PAGE}\n12\n{PAGE}\n13\n{PAGE}"),
        (drop_page_numbers, "运行结果：\n0\n第二次运行：\n1", "运行结果：\n0\n第二次运行：\n1"),
        (drop_page_numbers, f"{PAGE}\n\n12\n\n{PAGE}", f"{PAGE}\n\n12\n\n{PAGE}"),  # a lone number may be text
        (drop_page_numbers, f"{PAGE}\n2019\n{PAGE}\n2020\n{PAGE}", f"{PAGE}\n2019\n{PAGE}\n2020\n{PAGE}"),  # years
        (drop_page_numbers, f"全市共排查\n12\n个社区。\n13\n{PAGE}", f"全市共排查\n12\n个社区。\n13\n{PAGE}"),  # 12 is in a sentence: no run
        (drop_page_numbers, f"全市共排查\n12\n个社区。{PAGE}", f"全市共排查\n12\n个社区。{PAGE}"),  # a wrapped number
        (drop_page_numbers, "2020", "2020"),  # nothing else: not furniture
        (drop_running_heads, f"宁波日报\n{PAGE}", f"\n{PAGE}"),
        (  # the head interrupts a sentence once
            drop_running_heads,
            f"经济观察\n\n{L1}\n\n经济观察\n\n{CUT}\n\n经济观察\n\n{L3}",
            f"\n\n{L1}\n\n\n\n{CUT}\n\n\n\n{L3}",
        ),
        (  # the same without blank lines around it: extractors often leave none
            drop_running_heads,
            f"经济观察\n{L1}\n经济观察\n{CUT}\n经济观察\n{L3}",
            f"\n{L1}\n\n{CUT}\n\n{L3}",
        ),
        (  # its page number changes, and it interrupts a sentence
            drop_running_heads,
            f"要闻 第1版\n\n{L1}\n\n要闻 第2版\n\n{CUT}\n\n要闻 第3版\n\n{L3}",
            f"\n\n{L1}\n\n\n\n{CUT}\n\n\n\n{L3}",
        ),
        (  # numbered headings over finished sections: the digits change, nothing is cut
            drop_running_heads,
            f"第1条\n\n{L1}\n\n第2条\n\n{L2}\n\n第3条\n\n{L3}",
            f"第1条\n\n{L1}\n\n第2条\n\n{L2}\n\n第3条\n\n{L3}",
        ),
        (  # a refrain after unfinished lines: it comes sooner than a page
            drop_running_heads,
            f"{P1[:-9]}\n\n经济观察\n\n{P2[:-9]}\n\n经济观察\n\n{P3[:-9]}\n\n经济观察\n\n{L1}",
            f"{P1[:-9]}\n\n经济观察\n\n{P2[:-9]}\n\n经济观察\n\n{P3[:-9]}\n\n经济观察\n\n{L1}",
        ),
        (  # a kicker repeated between finished paragraphs is text
            drop_running_heads,
            f"疫情防控进行时\n\n{L1}\n\n疫情防控进行时\n\n{L2}\n\n疫情防控进行时\n\n{L3}",
            f"疫情防控进行时\n\n{L1}\n\n疫情防控进行时\n\n{L2}\n\n疫情防控进行时\n\n{L3}",
        ),
        (drop_running_heads, f"重要通知\n\n{CUT}\n\n" * 3, f"重要通知\n\n{CUT}\n\n" * 3),  # a repeated document
        (  # a head of two lines: each is the other's neighbour, so both go at once
            # (two pages end alike: the upper line shows three surroundings only
            # once the lower one is gone, as it is on the next clean)
            drop_running_heads,
            f"{P1[:-9]}\n经济观察\n本版编辑\n{L1}\n{P1[:-9]}\n经济观察\n本版编辑\n{L2}\n{P2[:-9]}\n经济观察\n本版编辑\n{L3}",
            f"{P1[:-9]}\n\n\n{L1}\n{P1[:-9]}\n\n\n{L2}\n{P2[:-9]}\n\n\n{L3}",
        ),
        (  # a head printed twice in a row is one occurrence (the next clean makes it one)
            drop_running_heads,
            f"经济观察\n{L1}\n经济观察\n{CUT}\n经济观察\n经济观察\n{L3}",
            f"\n{L1}\n\n{CUT}\n\n\n{L3}",
        ),
        (  # surroundings that differ only in their quotes are the same surroundings:
            # the quotes step curls a pair split across two copies either way round
            # ('“疫”' / '”疫“'), and the next clean must count what this one counts
            drop_running_heads,
            f"{L1}{QA}\n经济观察\n{L1}{QA}\n经济观察\n{L2}{QB}\n经济观察\n{L2}",
            f"{L1}{QA}\n经济观察\n{L1}{QA}\n经济观察\n{L2}{QB}\n经济观察\n{L2}",
        ),
        # Pages an extractor ended with \f: a short line that every page repeats
        # once is furniture, at the page's edge or wherever reading order put it
        # (a browser's date head and URL foot), even on two pages.
        (
            drop_page_heads,
            f"12/1/26, 10:39 AM\n{L1}\nfile:///tmp/page.html\n{CUT}\n1/2\f12/1/26, 10:39 AM\n{L3}\nfile:///tmp/page.html\n2/2\f",
            f"\n{L1}\n\n{CUT}\n\f\n{L3}\n\n\f",
        ),
        (drop_page_heads, f"{L1}\n\f经济观察\n{CUT}\n\f{L3}", f"{L1}\n\f经济观察\n{CUT}\n\f{L3}"),  # one page has it
        (drop_page_heads, f"经济观察\n{L1}\n{L2}\n经济观察\n{CUT}", f"经济观察\n{L1}\n{L2}\n经济观察\n{CUT}"),  # no pages
        (  # a finished line is text, however often pages repeat it
            drop_page_heads,
            f"好的。\n{L1}\f好的。\n{L2}\f好的。\n{L3}",
            f"好的。\n{L1}\f好的。\n{L2}\f好的。\n{L3}",
        ),
        (drop_stranded_chars, f"闻\n\n加\n\n{PAGE}", f"\n\n\n\n{PAGE}"),
        (drop_stranded_chars, f"{PAGE}\n\n要\n\n闻\n\n{PAGE}", f"{PAGE}\n\n\n\n\n\n{PAGE}"),
        (drop_stranded_chars, f"{PAGE}\n\n动\n\n{PAGE}", f"{PAGE}\n\n动\n\n{PAGE}"),  # one glyph: a one-word line
        (drop_stranded_chars, "你去吗？\n去\n好的。", "你去吗？\n去\n好的。"),
        (drop_stranded_chars, f"全市党员干部冲锋在一\n线\n{PAGE}", f"全市党员干部冲锋在一\n线\n{PAGE}"),  # a sentence's tail
        # A distributed (分散对齐) last line printed a glyph per line reads on from its sentence.
        (drop_stranded_chars, f"{PAGE}并在紧\n急\n情\n况\n下\n工\n作\n。", f"{PAGE}并在紧\n急\n情\n况\n下\n工\n作\n。"),
        # A run with digits or marks, or longer than a vertical headline, is text.
        (drop_stranded_chars, f"{PAGE}\n浙\n江\n3\n5\n名", f"{PAGE}\n浙\n江\n3\n5\n名"),
        (drop_stranded_chars, f"{PAGE}\n" + "\n".join("全市医疗机构已全面落实"), f"{PAGE}\n" + "\n".join("全市医疗机构已全面落实")),
    ],
)
def test_furniture(step, raw, expected):
    assert step(raw) == expected
