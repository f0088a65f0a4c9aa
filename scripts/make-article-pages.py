#!/usr/bin/env python3
"""Writes the main-content measurement set: tests/feeds/data/articles/NAME.html and NAME.txt.

Each page is an article page in the shape real Chinese union/news sites and English news sites
use (navigation, breadcrumbs, inline scripts, share bars, editor lines, related-news lists,
comment boxes, sidebars, footers with copyright and ICP numbers), built from one of ten
templates. NAME.txt is the article body only, one paragraph a line: the text a reader would call
the article (subheadings and image captions inside the body included; title, date line, editor
line, share bars, related links and comments excluded). The prose below was written for this
set; names of people, places and organisations are invented.

Reproducible: a fixed seed, stdlib only.  Usage: scripts/make-article-pages.py [OUT_DIR]
"""

import html
import os
import random
import sys
import zlib

SEED = 20240517

# ---------------------------------------------------------------------------------------------
# Prose, by topic. Paragraphs are drawn from these sentences, two to four at a time.

ZH_TOPICS = {
    "技能竞赛": [
        "为期三天的全市职工职业技能大赛于本周在南岭市职业技术学院落下帷幕，来自全市四十二家企业的三百余名选手参加了比赛。",
        "本届大赛设置了焊工、电工、数控车工、汽车维修工和养老护理员等十个比赛项目，理论考试和实际操作各占一半分数。",
        "在焊工项目的比赛现场，选手们身穿防护服，手持焊枪，在规定的九十分钟内完成了板对接和管对接两项任务。",
        "市总工会有关负责人介绍，大赛前三名的选手将按规定申报市级技术能手称号，优秀选手还可以直接晋升一级职业技能等级。",
        "来自东湖机械厂的青年电工陈立伟是第一次参加市级比赛，他说，赛前三个月几乎每天下班后都要在车间练习两个小时。",
        "养老护理员项目首次纳入大赛，比赛内容包括老年人生活照料、康复护理和心理疏导，吸引了二十多家养老机构的护理员报名。",
        "裁判长王建民表示，今年选手的整体水平明显高于往年，不少青年选手的操作规范程度已经接近省级比赛的标准。",
        "为了让更多职工参与进来，各区县工会还提前组织了预选赛和岗位练兵活动，参与人数累计超过一万两千人次。",
        "大赛期间，主办方还开设了技能展示区，邀请往届获奖选手和劳动模范现场演示绝活，并与青年职工交流经验。",
        "市总工会将把大赛成果与职工职业发展结合起来，推动企业建立技能等级与薪酬待遇挂钩的机制。",
    ],
    "服务站": [
        "清河县首批十五个新就业形态劳动者服务站日前正式投入使用，外卖骑手、快递员和网约车司机可以在这里歇脚、喝水、给手机充电。",
        "服务站大多设在商圈、街道社区和加油站附近，配备了饮水机、微波炉、医药箱和雨具，有的还提供免费的理发服务。",
        "外卖骑手刘晓东说，以前中午送完一波单，只能蹲在路边吃饭，现在有了服务站，夏天能吹空调，冬天能喝口热水。",
        "县总工会在服务站设立了入会登记点，骑手扫码就能加入工会，入会后可以享受意外伤害互助保障和法律咨询服务。",
        "截至目前，已有八百多名新就业形态劳动者通过服务站加入工会组织，占全县登记骑手和快递员人数的六成以上。",
        "为了方便骑手找到服务站，县总工会与地图导航平台合作，将服务站位置标注在电子地图上，骑手可以一键导航。",
        "一些服务站还定期开展安全骑行培训和健康体检，邀请交警和社区医生讲解交通安全知识和常见病预防常识。",
        "县总工会负责人表示，下一步将在乡镇和工业园区再建设一批服务站，争取让劳动者步行十分钟内就能找到一个。",
        "服务站运行半年来，累计接待劳动者两万余人次，收集各类意见建议一百多条，大部分已经得到解决。",
        "不少商户也主动加入进来，在门店里设置爱心驿站，为户外劳动者提供免费饮水和临时休息的地方。",
    ],
    "送清凉": [
        "入伏以来，东湖区气温持续在三十五摄氏度以上，区总工会启动夏季送清凉活动，把防暑降温物资送到一线职工手中。",
        "慰问组先后走访了建筑工地、环卫站点、公交场站和物流园区，为高温下坚守岗位的职工送去绿豆、凉茶、毛巾和藿香正气水。",
        "在一处地铁施工现场，钢筋工赵师傅正在搭建钢筋笼，他说，工地已经调整了作息时间，中午最热的时候停工休息。",
        "区总工会提醒各用人单位严格落实高温津贴发放规定，合理安排工作时间，不得在高温时段安排露天高强度作业。",
        "今年的送清凉活动还增加了职工健康服务内容，组织医务人员到企业开展义诊，为职工测量血压，讲解中暑急救知识。",
        "环卫工人李阿姨凌晨四点就开始清扫路面，她说，工会送来的清凉包很实用，站点里的休息室也装上了空调。",
        "据统计，活动开展以来，全区各级工会共投入资金三百二十万元，慰问一线职工四万六千余人次。",
        "区总工会还设立了高温作业投诉电话，职工如果遇到单位不发高温津贴或者强迫高温作业，可以随时反映。",
        "一些企业在车间里加装了工业风扇和冷风机，在工地上搭建了遮阳棚，职工的工作环境明显改善。",
        "安全生产监督检查同步开展，检查组重点查看了有限空间作业和用电安全，发现的隐患已督促企业限期整改。",
    ],
    "帮扶": [
        "新学期开学前，市总工会金秋助学活动为三百六十名困难职工家庭的大学新生发放助学金，每人五千元。",
        "今年的助学对象包括困难职工子女、农民工子女和因病致困职工家庭的子女，申请材料在网上即可提交。",
        "即将进入师范大学读书的小周说，父亲去年因工受伤，家里一度为学费发愁，这笔助学金解了燃眉之急。",
        "除了助学金，市总工会还联合多家企业为受助学生提供寒暑假实习岗位，帮助他们提前了解职场。",
        "近年来，市总工会建立了困难职工档案动态管理机制，做到困难职工家庭底数清、情况明，帮扶措施精准到户。",
        "对因病因灾导致生活困难的职工，工会在春节、中秋等节日开展走访慰问，并根据实际情况给予临时救助。",
        "工会还开通了职工服务热线，困难职工可以通过热线申请帮扶，工作人员会在三个工作日内上门核实情况。",
        "今年上半年，全市各级工会共发放帮扶资金一千二百多万元，惠及困难职工家庭四千余户。",
        "受助职工王师傅说，工会不仅给了钱，还帮他联系了新的工作岗位，一家人的生活慢慢好了起来。",
        "市总工会表示，将继续完善常态化帮扶机制，推动帮扶工作由生活救助向就业帮扶和能力提升延伸。",
    ],
    "书屋": [
        "位于高新区的职工书屋经过改造后重新开放，藏书从原来的三千册增加到一万两千册，还新增了电子阅读区。",
        "书屋每天开放到晚上九点，方便倒班职工下班后前来借阅，职工凭工会会员卡可以免费借书。",
        "在电子阅读区，职工可以通过触摸屏阅读报刊，也可以扫码下载电子书，随时随地利用碎片时间学习。",
        "园区一家电子企业的质检员小吴几乎每周都来，她最近在读一本关于质量管理的书，准备参加职称考试。",
        "书屋还定期举办读书分享会、写作培训和亲子阅读活动，上个月的一场诗歌朗诵会吸引了一百多名职工参加。",
        "区总工会负责人介绍，全区已建成各级职工书屋八十六家，其中十二家被评为全国和省级示范书屋。",
        "为了解决基层书屋图书更新慢的问题，区总工会建立了图书流转机制，各书屋之间的图书每季度轮换一次。",
        "不少企业把职工书屋和职工之家、母婴室、心理咨询室建在一起，形成了综合性的职工服务阵地。",
        "职工们在留言簿上写下了自己的心愿，有人希望增加技术类图书，有人希望周末能开展更多活动。",
        "书屋的志愿管理员由退休职工和青年志愿者组成，他们负责图书整理、借阅登记和活动组织。",
    ],
    "法律援助": [
        "在外地务工的瓦工孙某与十几名工友被拖欠工资近二十万元，多次讨要无果后，他们来到区总工会职工法律援助站求助。",
        "援助站律师了解情况后，一方面帮助工友们收集考勤记录、工资条和聊天记录等证据，一方面与施工企业进行沟通。",
        "经过工会、人社部门和律师的共同努力，施工企业在半个月内将拖欠的工资全部结清，工友们终于拿到了血汗钱。",
        "区总工会职工法律援助站成立五年来，共为职工提供法律咨询六千余人次，代理劳动争议案件三百多件。",
        "援助站负责人提醒职工，进入单位工作时要及时签订劳动合同，保存好工资发放记录，遇到纠纷时要依法维权。",
        "除了案件代理，援助站还组织律师走进企业和工地，开展劳动法律知识讲座，帮助职工了解自己的权利。",
        "近年来，区总工会与区法院、仲裁院建立了劳动争议多元化解机制，不少纠纷在调解阶段就得到了解决。",
        "一名餐饮企业的厨师因加班费问题与老板发生争执，经过工会调解员三次调解，双方最终达成了和解协议。",
        "援助站还开通了线上咨询渠道，职工通过手机就可以向律师提问，一般问题在一个工作日内就能得到答复。",
        "区总工会表示，将继续扩大法律援助覆盖面，重点关注农民工和新就业形态劳动者的权益保障问题。",
    ],
}

ZH_TITLES = {
    "技能竞赛": ["南岭市职工职业技能大赛落幕 三百余名选手同台竞技", "十个工种同场比拼 市级职工技能大赛闭幕",
             "以赛促学 青年职工在技能大赛中崭露头角"],
    "服务站": ["清河县首批新就业形态劳动者服务站投入使用", "骑手有了歇脚处 服务站建到家门口",
            "八百多名骑手和快递员通过服务站加入工会"],
    "送清凉": ["东湖区总工会送清凉慰问一线职工四万余人次", "高温下的坚守 工会清凉送到一线",
            "落实高温津贴 保障职工夏季劳动安全"],
    "帮扶": ["金秋助学为三百六十名困难职工子女圆梦", "困难职工帮扶资金惠及四千余户家庭",
           "精准帮扶 让困难职工生活有盼头"],
    "书屋": ["改造后的职工书屋重新开放 藏书增至一万两千册", "职工书屋成为倒班职工的精神加油站",
           "全区建成各级职工书屋八十六家"],
    "法律援助": ["工会法律援助帮助农民工讨回二十万元欠薪", "五年代理劳动争议案件三百多件",
             "律师走进工地 普法服务送到职工身边"],
}

ZH_SUBHEADS = ["一、基本情况", "二、主要做法", "三、下一步打算", "精准服务暖人心", "多方联动见实效"]
ZH_CAPTIONS = ["图为活动现场。", "图为工会干部向职工发放慰问品。", "图为选手正在进行实际操作比赛。",
               "图为职工在书屋内阅读。"]

ZH_HEADLINES = [
    "全国总工会召开劳模工匠助企行动推进会", "省总工会部署开展职工安全健康周活动",
    "市总工会启动职工疗休养报名工作", "关于举办职工摄影比赛的通知", "东湖区召开工会工作会议",
    "新就业形态劳动者入会集中行动取得实效", "职工创新工作室成果展示活动举行", "清河县开展职工健步走活动",
    "工会驿站建设进度通报", "关于做好2024年度工会经费审计工作的通知", "女职工权益保护专项培训班开班",
    "市总工会慰问坚守岗位的环卫工人", "劳动模范先进事迹报告会在市委党校举行", "全市工会财务工作会议召开",
    "农民工工资支付情况专项检查启动", "职工互助保障活动新一年度开始参保", "工会系统开展学习交流活动",
    "青年职工创新创效大赛报名开始", "关于开展送温暖活动的通知", "产业工人队伍建设改革工作推进",
]
ZH_BLURBS = [
    "近日，市总工会召开专题会议，对下半年重点工作进行了安排部署，要求各级工会进一步做好服务职工工作。",
    "活动期间，各基层工会组织职工开展了形式多样的文体活动，丰富了职工的业余文化生活，增强了凝聚力。",
    "会议指出，要持续推进产业工人队伍建设改革，畅通技术工人成长通道，让更多职工在岗位上成长成才。",
    "据了解，今年以来全市已新建工会驿站六十余家，为户外劳动者提供了休息、饮水、充电等便利服务。",
]
ZH_COMMENTS = [
    "服务站真是办到了我们心坎上，希望能多建几个，特别是在城郊结合部，那边骑手多，休息的地方少。",
    "支持工会的工作！我们厂去年也参加了技能比赛，年轻人学技术的劲头比以前足多了，点赞。",
    "建议书屋周末也能开放到晚上，很多职工周末才有时间看书，另外希望多买一些技术类的新书。",
    "高温津贴到底怎么发，能不能出个详细的说明？我们单位一直说在研究，到现在还没有发下来。",
]
ZH_NAMES = ["王小明", "李文静", "张海涛", "刘晓燕", "陈立新", "赵建国", "周丽娟", "孙志强"]
ZH_SOURCES = ["工人日报", "南岭市总工会", "东湖区总工会", "清河县总工会", "南岭日报", "中工网"]
ZH_NAV = ["首页", "工会要闻", "基层动态", "劳模风采", "维权服务", "职工之家", "通知公告", "政策法规",
          "理论研究", "视频新闻"]

EN_TOPICS = {
    "transit": [
        "The Riverton city council voted 7 to 2 on Tuesday night to approve a plan that will add three new bus routes on the east side by next spring.",
        "The routes will connect the Maple Hill neighborhood, the community college and the hospital district, areas that riders say have been poorly served for years.",
        "Council member Dana Whitfield, who voted for the plan, said the vote was about giving people a real alternative to driving across town.",
        "Opponents argued that the city should first fix the reliability of existing routes, where buses often arrive more than ten minutes late.",
        "The plan will cost about $4.2 million in its first year, most of it covered by a state grant that the city received last fall.",
        "Transit officials expect the new routes to carry roughly 2,500 riders a day once they are fully running.",
        "Several residents spoke during the public comment period, many of them describing hour-long commutes that involve two transfers.",
        "Buses on the new routes will run every fifteen minutes during rush hour and every thirty minutes in the evening.",
        "The transit agency will hold three open houses next month so residents can see the proposed stops and suggest changes.",
        "Whitfield said the council would review ridership figures after one year and adjust the routes if they are not working.",
    ],
    "library": [
        "The Oakdale Public Library reopened its main branch on Saturday after an eighteen-month renovation that doubled the size of its children's area.",
        "Hundreds of families lined up before the doors opened, and staff handed out more than 400 new library cards by early afternoon.",
        "The renovation added a small recording studio, a maker space with 3D printers, and a quiet reading room on the second floor.",
        "Library director Paul Okafor said the goal was to make the building useful for people who might not think of themselves as readers.",
        "The project was paid for through a bond measure that voters approved in 2021, along with donations from a local foundation.",
        "Architects kept the building's original brick facade and the large front windows, which had been covered up during a remodel in the 1970s.",
        "During the renovation, the library operated out of a former furniture store on Main Street, where visits dropped by about a third.",
        "Teenagers have already signed up for every slot in the recording studio for the next two weeks, according to staff.",
        "The library will now stay open until 9 p.m. on weeknights, two hours later than before the renovation.",
        "Okafor said the next step is to bring some of the same features to the two smaller branch libraries across town.",
    ],
    "bakery": [
        "When Marisol Vega opened her bakery on Elm Street five years ago, she baked everything herself, starting at three in the morning.",
        "Today the shop employs eleven people and supplies bread to four restaurants and two grocery stores in the area.",
        "Vega grew up watching her grandmother bake, and several of the shop's best sellers are based on recipes from her family's notebooks.",
        "The business nearly closed during its second year, when a broken oven and a slow winter left her unable to pay rent for two months.",
        "Neighbors organized a fundraiser that covered the repairs, and Vega said she still keeps a list of everyone who donated.",
        "Rising prices for flour, butter and eggs have forced the shop to raise some prices twice in the past year.",
        "Vega said she tries to keep a few basic loaves affordable because many of her regular customers are older people on fixed incomes.",
        "On weekends the line often stretches out the door, and the shop usually sells out of croissants before ten o'clock.",
        "She plans to open a second location next year, though she admits she is nervous about managing two kitchens at once.",
        "Her advice for people starting a small business is simple: know your costs, and get to know the people who walk through your door.",
    ],
    "river": [
        "More than 300 volunteers spent Saturday morning pulling trash out of the Clearwater River, filling two dumpsters by noon.",
        "The annual cleanup, now in its twelfth year, covered about six miles of riverbank between the old mill and the county park.",
        "Volunteers found the usual plastic bottles and food wrappers, but also a shopping cart, three tires and a rusted bicycle.",
        "Organizer Ellen Marsh said the amount of trash has gone down over the years, which she credits to new trash cans along the trail.",
        "Students from Riverside High School made up nearly a third of the volunteers, many of them earning community service hours.",
        "Biologists from the state university set up a table where families could look at insects collected from the river.",
        "The presence of certain insects is a sign of clean water, and researchers said this year's samples were the best in a decade.",
        "The county has spent about $1.5 million since 2015 on projects to reduce runoff from nearby farms and parking lots.",
        "Marsh said the cleanup depends on local businesses, which donated gloves, bags, water and lunch for the volunteers.",
        "A second cleanup is planned for October, focusing on a stretch of the river that is only reachable by canoe.",
    ],
    "robotics": [
        "A team of eight students from Lincoln Middle School won first place at the regional robotics competition last weekend.",
        "Their robot, built from a kit and parts they designed themselves, had to sort colored blocks and stack them in under two minutes.",
        "The team practiced three afternoons a week since September, often staying late to rebuild parts that broke during testing.",
        "Coach Sandra Liu, who teaches science at the school, said the students did nearly all of the design and programming on their own.",
        "The competition drew forty-two teams from across the region, including several high school teams competing in a separate division.",
        "Twelve-year-old team captain Omar Haddad said the hardest part was learning to work together when things went wrong.",
        "The win qualifies the team for the state championship in April, which will be held at the university's engineering building.",
        "The school is raising money to cover travel costs, and parents have organized a car wash and a bake sale for next month.",
        "Liu said that interest in the club has tripled since it started three years ago, and she hopes to form a second team next fall.",
        "Several former members are now in high school and come back to help the younger students as volunteer mentors.",
    ],
    "storm": [
        "Crews worked through the weekend to restore power to thousands of homes after Thursday's storm brought down trees across the county.",
        "At the height of the outage, about 18,000 customers were without electricity, according to the local utility.",
        "The storm brought wind gusts of up to 60 miles per hour and more than two inches of rain in less than three hours.",
        "Several roads remained closed on Sunday because of fallen trees and power lines, and officials asked drivers to avoid the area.",
        "The county opened two cooling centers for residents without power, as temperatures were expected to climb into the nineties.",
        "No serious injuries were reported, though a man was treated for minor cuts after a tree fell onto his car.",
        "Utility spokesperson Karen Doyle said most customers should have power back by Monday evening, but some rural areas could take longer.",
        "Residents are asked to report downed lines and to stay at least thirty feet away from them.",
        "The storm also damaged the roof of the community center, which will be closed for repairs for at least two weeks.",
        "Emergency officials said they would review how warnings were sent out, after some residents said they received alerts too late.",
    ],
}

EN_TITLES = {
    "transit": ["Council approves three new east side bus routes", "Riverton bets on buses to link Maple Hill and the hospital district"],
    "library": ["Oakdale library reopens with recording studio and bigger children's area", "After 18 months, the main library branch is back"],
    "bakery": ["How an Elm Street bakery survived and grew", "Five years of 3 a.m. mornings at Vega's bakery"],
    "river": ["Volunteers pull two dumpsters of trash from the Clearwater", "River cleanup marks twelfth year with cleaner water"],
    "robotics": ["Lincoln Middle School robotics team wins regional title", "Students' block-sorting robot heads to state championship"],
    "storm": ["Thousands still without power after Thursday storm", "Crews work through weekend to clear storm damage"],
}
EN_SUBHEADS = ["What happens next", "A long road", "Looking ahead", "Community response", "By the numbers"]
EN_CAPTIONS = ["Volunteers and staff gathered on Saturday morning.", "The new space opened to the public this week.",
               "Residents attended the meeting on Tuesday night."]
EN_HEADLINES = [
    "School board delays vote on new start times", "Farmers market moves to Saturday evenings this summer",
    "Police seek witnesses after downtown crash", "High school soccer team advances to semifinals",
    "City to repave 40 miles of streets this year", "New bike lanes draw mixed reviews from drivers",
    "Museum exhibit explores the history of the rail yard", "Water rates to rise 3 percent in July",
    "County fair announces concert lineup", "Local author wins regional book prize",
    "Hospital expands emergency room", "Opinion: Our parks need more shade trees",
    "Weekend events: music, markets and a chili cook-off", "Restaurant inspections for the week",
]
EN_BLURBS = [
    "The district says later start times could help students sleep more, but parents worry about after-school jobs and sports.",
    "Vendors say the evening hours will draw more families, while some regular shoppers prefer the early morning crowds.",
    "The exhibit includes photographs, tools and letters from workers who built the rail yard more than a century ago.",
]
EN_COMMENTS = [
    "I have been waiting for this for years. The current route takes me almost an hour each way, and I live only four miles from work.",
    "Great news, but I hope they also think about parking. Every time there is an event the side streets fill up and nobody can get home.",
    "My kids love this place. We went on opening day and the staff were incredibly patient with the crowds. Thank you to everyone involved.",
    "Does anyone know whether the evening hours apply on Fridays too? The website still shows the old schedule.",
]
EN_NAMES = ["Jordan Ellis", "Priya Raman", "Michael Torres", "Hannah Brooks", "Samuel Adeyemi", "Laura Chen"]
EN_NAV = ["News", "Local", "Politics", "Business", "Sports", "Opinion", "Arts", "Obituaries", "Weather", "Subscribe"]


# ---------------------------------------------------------------------------------------------
# Articles: a body is a list of (kind, text) with kind "p", "h" (subheading) or "caption".

def make_article(rng, topics, titles, names, subheads, captions, lang, with_subheads, with_caption, paragraphs):
    topic = rng.choice(sorted(topics))
    sentences = list(topics[topic])
    rng.shuffle(sentences)
    body = []
    for index in range(paragraphs):
        if not sentences:
            break
        take = min(len(sentences), rng.randint(1, 3))
        joiner = "" if lang == "zh" else " "
        body.append(("p", joiner.join(sentences[:take])))
        del sentences[:take]
        if with_subheads and index in (1, 3) and index + 1 < paragraphs:
            body.append(("h", subheads[index // 2]))
    if with_caption:
        body.insert(1, ("caption", rng.choice(captions)))
    year = 2024
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    hour = rng.randint(7, 21)
    minute = rng.randint(0, 59)
    return {
        "topic": topic,
        "title": rng.choice(titles[topic]),
        "body": body,
        "author": rng.choice(names),
        "editor": rng.choice(names),
        "date": (year, month, day, hour, minute),
    }


def body_text(article):
    return "\n".join(text for _, text in article["body"]) + "\n"


def e(text):
    return html.escape(text, quote=True)


def iso(article):
    y, mo, d, h, mi = article["date"]
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00+08:00"


def dash_date(article):
    y, mo, d, h, mi = article["date"]
    return f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}"


def chinese_date(article):
    y, mo, d, h, mi = article["date"]
    return f"{y:04d}年{mo:02d}月{d:02d}日 {h:02d}:{mi:02d}"


def english_date(article):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    y, mo, d, _, _ = article["date"]
    return f"{months[mo - 1]} {d}, {y}"


def links(rng, headlines, count, href="/news/{}.html", with_date=False):
    picked = rng.sample(headlines, count)
    items = []
    for i, headline in enumerate(picked):
        date = f"<span>2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</span>" if with_date else ""
        items.append(f'<li><a href="{href.format(rng.randint(1000, 9999))}" title="{e(headline)}">{e(headline)}</a>{date}</li>')
    return "\n".join(items)


def zh_footer_text(rng):
    return (f"版权所有：南岭市总工会　地址：南岭市人民路{rng.randint(10, 300)}号　电话：0771-{rng.randint(1000000, 9999999)}<br>"
            f"桂ICP备{rng.randint(10000000, 99999999)}号-1　网站标识码：{rng.randint(4500000000, 4599999999)}")


def zh_paragraphs(article, style):
    out = []
    for kind, text in article["body"]:
        if kind == "h":
            out.append(f"<p><strong>{e(text)}</strong></p>")
        elif kind == "caption":
            out.append(f'<p style="text-align:center"><img src="/uploads/{zlib.crc32(text.encode()) % 9999}.jpg" alt=""></p>')
            out.append(f'<p style="text-align:center">{e(text)}</p>')
        else:
            out.append(f'<p{style}>{e(text)}</p>')
    return "\n".join(out)


def br_body(article, indent):
    parts = []
    for kind, text in article["body"]:
        if kind == "caption":
            parts.append(f'<img src="/pic/{zlib.crc32(text.encode()) % 9999}.jpg" border="0"><br>{indent}{e(text)}')
        else:
            parts.append(f"{indent}{e(text)}")
    return "<br><br>\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Chinese templates

def zh_portal(rng, article):
    """A provincial union portal: div layout, TRS_Editor body, share bar, 责任编辑, 相关新闻, sidebar."""
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(ZH_NAV))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(article['title'])}_工会要闻_南岭工会网</title>
<meta name="keywords" content="工会,职工,南岭">
<meta name="description" content="{e(article['body'][0][1][:60])}">
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "https://hm.example.com/hm.js?abc"; }})();</script>
</head><body>
<div class="top"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span><a href="/login">登录</a> | <a href="/reg">注册</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="南岭工会网"></div>
<div class="search"><form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="w1200 clearfix">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gh/">工会要闻</a> &gt; 正文</div>
<div class="main-left">
<div class="article">
<h1>{e(article['title'])}</h1>
<div class="info">发布时间：{dash_date(article)}　来源：{rng.choice(ZH_SOURCES)}　作者：{article['author']}　<span class="fontsize">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor">
{zh_paragraphs(article, ' style="text-indent:2em"')}
</div>
<div class="bdsharebuttonbox"><span>分享到：</span><a href="#" class="bds_weixin" title="分享到微信">微信</a><a href="#" class="bds_tsina" title="分享到新浪微博">微博</a><a href="#" class="bds_qzone">QQ空间</a></div>
<script>window._bd_share_config={{"common":{{"bdSnsKey":{{}},"bdText":""}},"share":{{}}}};</script>
<p class="zrbj">【责任编辑：{article['editor']}】</p>
</div>
<div class="xgxw"><h3>相关新闻</h3><ul>{links(rng, ZH_HEADLINES, 6, with_date=True)}</ul></div>
</div>
<div class="main-right">
<div class="box"><h3>热点新闻</h3><ol>{links(rng, ZH_HEADLINES, 8)}</ol></div>
<div class="box"><h3>通知公告</h3><ul>{links(rng, ZH_HEADLINES, 6, with_date=True)}</ul></div>
</div>
</div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/map">网站地图</a></p>
<p>{zh_footer_text(rng)}</p></div>
</body></html>
"""


def zh_table_gbk(rng, article):
    """A district government-style site: nested tables, <br>-separated body in a td, GBK."""
    menu = "".join(f'<tr><td height="28" class="menu">·<a href="/list{i}.asp">{n}</a></td></tr>' for i, n in enumerate(ZH_NAV))
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{e(article['title'])}--东湖区总工会</title>
<link href="/style.css" rel="stylesheet" type="text/css">
<script language="javascript">function MM_openBrWindow(theURL,winName,features) {{ window.open(theURL,winName,features); }}</script>
</head>
<body leftmargin="0" topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="1000" height="120"></td></tr>
<tr><td height="32" class="daohang" align="center">{' | '.join(f'<a href="/c{i}.asp">{n}</a>' for i, n in enumerate(ZH_NAV))}</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr>
<td width="220" valign="top" bgcolor="#F5F5F5">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="lanmu">栏目导航</td></tr>
{menu}
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="lanmu">最新动态</td></tr>
<tr><td><ul>{links(rng, ZH_HEADLINES, 6, href="/show.asp?id={}")}</ul></td></tr></table>
</td>
<td width="10"></td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td height="30" class="weizhi">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/list1.asp">工会要闻</a></td></tr>
</table>
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="50" align="center"><font style="font-size:20px;font-weight:bold;color:#C00000">{e(article['title'])}</font></td></tr>
<tr><td height="30" align="center" style="border-bottom:1px dashed #ccc">发布时间：{dash_date(article)}　　来源：东湖区总工会　　点击数：<script>document.write("1286")</script></td></tr>
<tr><td id="zoom" class="content" style="font-size:14px;line-height:28px;padding:15px">
{br_body(article, "&nbsp;&nbsp;&nbsp;&nbsp;")}
</td></tr>
<tr><td align="right" height="40">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
</td>
</tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#B30000">
<tr><td height="80" align="center" style="color:#fff">{zh_footer_text(rng)}<br>建议使用1024×768分辨率浏览</td></tr>
</table>
</body>
</html>
"""


def zh_district_gb2312(rng, article):
    """A county union site: tables with <p> body inside a td, font tags, marquee notices, gb2312."""
    notices = "".join(f'<a href="/n{rng.randint(1, 999)}.htm">{e(h)}</a><br>' for h in rng.sample(ZH_HEADLINES, 6))
    paras = []
    for kind, text in article["body"]:
        if kind == "caption":
            paras.append(f'<p align="center"><img src="/UploadFiles/{rng.randint(1000, 9999)}.jpg" width="500"></p>')
            paras.append(f'<p align="center"><font color="#666666">{e(text)}</font></p>')
        elif kind == "h":
            paras.append(f"<p><b>{e(text)}</b></p>")
        else:
            paras.append(f'<p style="text-indent:2em"><font face="宋体" size="3">{e(text)}</font></p>')
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta charset="gb2312"><title>{e(article['title'])}_清河县总工会</title>
<style>td {{ font-size: 12px }} .bt {{ font-size: 18px }}</style>
</head><body>
<table width="980" align="center" cellspacing="0" cellpadding="0" border="0"><tr><td><img src="/img/top.jpg"></td></tr>
<tr><td bgcolor="#0055A5" height="30">{''.join(f'<a href="/l{i}.htm"><font color="#FFFFFF">{n}</font></a>&nbsp;&nbsp;' for i, n in enumerate(ZH_NAV[:8]))}</td></tr></table>
<table width="980" align="center" cellspacing="0" cellpadding="0" border="0"><tr>
<td width="700" valign="top">
<table width="100%" cellspacing="0" cellpadding="8" border="0">
<tr><td class="bt" align="center"><b>{e(article['title'])}</b></td></tr>
<tr><td align="center"><font color="#999999">{chinese_date(article)}　作者：{article['author']}　来源：清河县总工会</font></td></tr>
<tr><td>
{chr(10).join(paras)}
<p align="right">（编辑：{article['editor']}）</p>
</td></tr>
<tr><td>上一篇：<a href="/a{rng.randint(1, 999)}.htm">{e(rng.choice(ZH_HEADLINES))}</a><br>下一篇：<a href="/a{rng.randint(1, 999)}.htm">{e(rng.choice(ZH_HEADLINES))}</a></td></tr>
</table>
</td>
<td width="20"></td>
<td width="260" valign="top">
<table width="100%" cellspacing="0" cellpadding="4" border="1" bordercolor="#DDDDDD"><tr><td bgcolor="#EEEEEE"><b>通知公告</b></td></tr>
<tr><td><marquee direction="up" scrollamount="2" height="200">{notices}</marquee></td></tr></table>
<table width="100%" cellspacing="0" cellpadding="4" border="0"><tr><td><b>友情链接</b></td></tr>
<tr><td><select onchange="window.open(this.value)"><option>全国总工会</option><option>省总工会</option></select></td></tr></table>
</td></tr></table>
<table width="980" align="center" cellspacing="0" cellpadding="0" border="0"><tr><td align="center" height="60">
Copyright &copy; 2024 清河县总工会 版权所有　{zh_footer_text(rng)}<br>
<script src="/count.asp?style=hidden"></script>您是第<script>document.write("102938")</script>位访客
</td></tr></table>
</body></html>
"""


def zh_sidebar_portal(rng, article):
    """A news portal whose sidebar carries prose-like summaries, and a comment box under the article."""
    recommend = "\n".join(
        f'<div class="item"><a href="/r/{rng.randint(1, 9999)}.html">{e(h)}</a><p>{e(b)}</p></div>'
        for h, b in zip(rng.sample(ZH_HEADLINES, 4), ZH_BLURBS))
    comments = "\n".join(
        f'<div class="comment-item"><span class="user">网友{rng.randint(100, 999)}</span><p>{e(c)}</p><span class="time">{dash_date(article)}</span></div>'
        for c in rng.sample(ZH_COMMENTS, 3))
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{e(article['title'])}">
<meta name="author" content="{article['author']}">
<meta name="PubDate" content="{dash_date(article)}">
<title>{e(article['title'])} - 中工网</title>
</head><body>
<div id="topbar"><a href="/">中工网首页</a> <a href="/app">客户端</a> <a href="/wx">微信</a></div>
<div class="menu">{''.join(f'<a href="/{i}">{n}</a>' for i, n in enumerate(ZH_NAV))}</div>
<div class="wrap">
<div class="left">
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/jc">基层动态</a></div>
<h1 class="title">{e(article['title'])}</h1>
<div class="source"><span>{chinese_date(article)}</span> <span>来源：{rng.choice(ZH_SOURCES)}</span></div>
<div id="content">
{zh_paragraphs(article, '')}
</div>
<div class="page"><a href="/p/1.html">上一篇</a> <a href="/p/2.html">下一篇</a></div>
<div class="comment"><h3>网友评论</h3>
<textarea placeholder="说点什么吧"></textarea><button>发表评论</button>
{comments}
</div>
</div>
<div class="right">
<h3>推荐阅读</h3>
{recommend}
<h3>排行榜</h3><ol>{links(rng, ZH_HEADLINES, 10)}</ol>
</div>
</div>
<div class="foot">{zh_footer_text(rng)}<br>中工网版权所有，未经书面授权禁止使用</div>
<script src="/js/stat.js"></script>
</body></html>
"""


def zh_wechat(rng, article):
    """A public-account style mirror: sections and spans with <br>, no <p>."""
    sections = []
    for kind, text in article["body"]:
        if kind == "h":
            sections.append(f'<section style="margin:10px 0"><span style="font-weight:bold;color:#b30000">{e(text)}</span></section>')
        elif kind == "caption":
            sections.append(f'<section style="text-align:center"><img data-src="/mmbiz/{rng.randint(1, 999)}.png"><br><span style="font-size:12px">{e(text)}</span></section>')
        else:
            sections.append(f'<section style="line-height:1.75em"><span style="font-size:15px">{e(text)}</span><br></section>')
    return f"""<!DOCTYPE html>
<html><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
<title>{e(article['title'])}</title>
<script>var msg_title = "{e(article['title'])}"; var ct = "1715908320";</script>
</head><body id="activity-detail">
<div class="rich_media">
<h2 class="rich_media_title" id="activity-name">{e(article['title'])}</h2>
<div class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_text">{article['author']}</span>
<a class="rich_media_meta_link" href="#">南岭工会</a> <em id="publish_time">{chinese_date(article)}</em></div>
<div class="rich_media_content" id="js_content">
{chr(10).join(sections)}
<section style="text-align:center"><span style="color:#999">来源：南岭工会微信公众号</span></section>
</div>
<div class="rich_media_tool"><a href="#">阅读原文</a> <span>阅读 2.3万</span> <span>在看 128</span></div>
<div class="qr_code_pc"><img src="/qr.png"><p>长按识别二维码关注</p></div>
<div class="discuss_container"><h3>精选留言</h3>
<ul>{''.join(f'<li class="discuss_item"><div class="nickname">读者{i}</div><div class="discuss_message">{e(c)}</div></li>' for i, c in enumerate(rng.sample(ZH_COMMENTS, 2)))}</ul>
</div>
</div>
</body></html>
"""


def zh_news2(rng, article):
    """A city news site: the body in a div of <br>-separated lines (or <p>), 延伸阅读 inside the body container."""
    use_br = rng.random() < 0.5
    if use_br:
        inner = f'<div class="text">{br_body(article, "　　")}<br><br>（责任编辑：{article["editor"]}）</div>'
    else:
        inner = f'<div class="text">{zh_paragraphs(article, "")}<p>（责任编辑：{article["editor"]}）</p></div>'
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(article['title'])}|南岭新闻网</title>
<meta name="description" content="{e(article['title'])}">
</head><body>
<div id="header"><div class="logo"><a href="/"><img src="/logo.png" alt="南岭新闻网"></a></div>
<ul class="navbar">{''.join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(ZH_NAV))}</ul></div>
<div id="article">
<div class="article-head"><h1>{e(article['title'])}</h1>
<p>{chinese_date(article)}　{rng.choice(ZH_SOURCES)}　记者 {article['author']}</p></div>
<div class="article-content">
{inner}
<div class="extend"><h4>延伸阅读</h4><ul>{links(rng, ZH_HEADLINES, 5)}</ul></div>
</div>
<div class="prev-next"><p>上一篇：<a href="/1">{e(rng.choice(ZH_HEADLINES))}</a></p><p>下一篇：<a href="/2">{e(rng.choice(ZH_HEADLINES))}</a></p></div>
</div>
<div id="footer"><p>南岭新闻网 版权所有 {zh_footer_text(rng)}</p><p>违法和不良信息举报电话：12377</p></div>
<script type="text/javascript">document.write('<img src="/stat?page=' + location.pathname + '">');</script>
</body></html>
"""


# ---------------------------------------------------------------------------------------------
# English templates

def en_paragraphs(article):
    out = []
    for kind, text in article["body"]:
        if kind == "h":
            out.append(f"<h2>{e(text)}</h2>")
        elif kind == "caption":
            out.append(f'<figure><img src="/img/{zlib.crc32(text.encode()) % 999}.jpg" alt=""><figcaption>{e(text)}</figcaption></figure>')
        else:
            out.append(f"<p>{e(text)}</p>")
    return out


def en_news(rng, article):
    """A local daily: <article> with header, byline and <time>, a related box mid-body, comments."""
    paras = en_paragraphs(article)
    related = f'<aside class="related-links"><h3>Related</h3><ul>{links(rng, EN_HEADLINES, 3)}</ul></aside>'
    paras.insert(min(3, len(paras)), related)
    comments = "\n".join(
        f'<li class="comment"><b>{rng.choice(EN_NAMES)}</b><p>{e(c)}</p></li>' for c in rng.sample(EN_COMMENTS, 3))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(article['title'])} | The Riverton Ledger</title>
<meta property="og:title" content="{e(article['title'])}">
<meta property="article:published_time" content="{iso(article)}">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "local"}});</script>
</head><body>
<header class="site-header"><a class="logo" href="/">The Riverton Ledger</a>
<nav><ul>{''.join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in EN_NAV)}</ul></nav></header>
<main>
<article>
<header><h1>{e(article['title'])}</h1>
<p class="byline">By <a rel="author" href="/staff/1">{article['author']}</a></p>
<time datetime="{iso(article)}">{english_date(article)}</time></header>
<div class="article-body">
{chr(10).join(paras)}
</div>
<footer class="article-footer"><p>Tags: <a href="/t/1">Local</a>, <a href="/t/2">Community</a></p></footer>
</article>
<section class="comments"><h2>Comments</h2><ol>{comments}</ol></section>
</main>
<footer><p>&copy; 2024 Riverton Ledger Media. All rights reserved.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body></html>
"""


def en_blog(rng, article):
    """A WordPress-style blog: entry-content, share bar, long comments, widget sidebar with an about text."""
    paras = en_paragraphs(article)
    comments = "\n".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{rng.choice(EN_NAMES)}</b> says:</footer><div class="comment-content"><p>{e(c)}</p></div></article></li>'
        for c in rng.sample(EN_COMMENTS, 4))
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{e(article['title'])} &#8211; Notes from Oakdale</title>
<meta name="author" content="{article['author']}">
<style>.screen-reader-text {{ display: none }}</style>
</head><body class="post-template-default single">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Notes from Oakdale</a></p>
<p class="site-description">A neighborhood blog since 2009</p></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randint(100, 999)}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(article['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{iso(article)}">{english_date(article)}</time></span> by <span class="author vcard">{article['author']}</span></div></header>
<div class="entry-content">
{chr(10).join(paras)}
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Email</a></li></ul></div>
</div>
</article>
<nav class="post-navigation"><a href="/prev">Previous post</a> <a href="/next">Next post</a></nav>
<div id="comments" class="comments-area"><h2>4 thoughts on this</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><form><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_text"><h2>About</h2><div class="textwidget"><p>This blog has covered life in Oakdale for fifteen years, from school board meetings to new restaurants. It is written by volunteers and has no advertising.</p></div></section>
<section class="widget widget_recent_entries"><h2>Recent Posts</h2><ul>{links(rng, EN_HEADLINES, 5)}</ul></section>
<section class="widget widget_tag_cloud"><h2>Tags</h2><div class="tagcloud"><a href="#">library</a> <a href="#">parks</a> <a href="#">schools</a> <a href="#">food</a></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by a CMS</div></footer>
</div></body></html>
"""


def en_press_br(rng, article):
    """An old press-release page: tables, <br><br>-separated body, no <p>."""
    return f"""<HTML><HEAD><TITLE>{e(article['title'])}</TITLE>
<META NAME="description" CONTENT="Press release"></HEAD>
<BODY BGCOLOR="#FFFFFF">
<TABLE WIDTH="800" BORDER="0"><TR><TD COLSPAN="2"><IMG SRC="/banner.gif"></TD></TR>
<TR><TD WIDTH="160" VALIGN="TOP" BGCOLOR="#EEEEEE">
<A HREF="/">Home</A><BR><A HREF="/news">Press Releases</A><BR><A HREF="/about">About the County</A><BR><A HREF="/depts">Departments</A><BR><A HREF="/jobs">Jobs</A><BR><A HREF="/contact">Contact Us</A>
</TD>
<TD VALIGN="TOP">
<FONT FACE="Arial" SIZE="2">
<B><FONT SIZE="4">{e(article['title'])}</FONT></B><BR>
FOR IMMEDIATE RELEASE &mdash; {english_date(article)}<BR><BR>
{br_body(article, "")}
<BR><BR>###<BR><BR>
Media contact: Public Information Office, (555) 010-{rng.randint(1000, 9999)}
</FONT>
</TD></TR>
<TR><TD COLSPAN="2" ALIGN="CENTER"><FONT SIZE="1">Copyright 2024 County of Clearwater. <A HREF="/disclaimer">Disclaimer</A></FONT></TD></TR>
</TABLE>
</BODY></HTML>
"""


def en_magazine(rng, article):
    """A magazine layout: body split over sibling sections, ads and a pull quote between them, 'More from' teasers."""
    paras = en_paragraphs(article)
    chunks = [paras[i:i + 3] for i in range(0, len(paras), 3)]
    pieces = []
    for i, chunk in enumerate(chunks):
        pieces.append(f'<div class="article-section">{"".join(chunk)}</div>')
        if i == 0:
            quote = article["body"][-1][1].split(". ")[0]
            pieces.append(f'<aside class="pull-quote"><blockquote>{e(quote)}</blockquote></aside>')
        pieces.append('<div class="ad-slot"><span>Advertisement</span><div id="div-gpt-ad-1"></div></div>')
    teasers = "\n".join(
        f'<div class="teaser"><a href="/story/{rng.randint(1, 999)}"><h3>{e(h)}</h3></a><p>{e(b)}</p></div>'
        for h, b in zip(rng.sample(EN_HEADLINES, 3), EN_BLURBS))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(article['title'])} - Valley Monthly</title>
<meta name="twitter:title" content="{e(article['title'])}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{e(article['title'])}"}}</script>
</head><body>
<div class="topnav">{''.join(f'<a href="/{n.lower()}">{n}</a>' for n in EN_NAV)}</div>
<div class="container">
<div class="story">
<div class="kicker">Community</div>
<h1 class="headline">{e(article['title'])}</h1>
<div class="dek">A closer look at what changed, and why it matters.</div>
<div class="byline-block">By {article['author']} &middot; {english_date(article)}</div>
<div class="story-body">
{chr(10).join(pieces)}
</div>
<div class="newsletter-signup"><h4>Get the Valley Monthly newsletter</h4><p>Stories like this one, in your inbox every Friday.</p><form><input type="email"><button>Sign up</button></form></div>
</div>
<div class="more-from"><h2>More from Community</h2>
{teasers}
</div>
</div>
<div class="site-footer">Valley Monthly &copy; 2024. <a href="/about">About</a> <a href="/advertise">Advertise</a></div>
</body></html>
"""


def zh_rows_gbk(rng, article):
    """A GBK site built in the 2000s: every paragraph in its own table row, attachments and related links below."""
    rows = []
    for kind, text in article["body"]:
        if kind == "caption":
            rows.append(f'<tr><td align="center"><img src="/upfile/{rng.randint(100, 999)}.jpg"><br>{e(text)}</td></tr>')
        else:
            rows.append(f'<tr><td class="zw14" style="line-height:26px">　　{e(text)}</td></tr>')
    related = "".join(f'<tr><td>·<a href="/show.aspx?id={rng.randint(1, 9999)}">{e(h)}</a></td><td width="90">2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}</td></tr>'
                      for h in rng.sample(ZH_HEADLINES, 5))
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{e(article['title'])}</title>
<script type="text/javascript" src="/js/jquery.js"></script>
<script>function doZoom(size){{ document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
</head>
<body>
<form name="form1" method="post" action="./show.aspx?id={rng.randint(1, 9999)}" id="form1">
<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKLTk1NjE2MzA0MWRk">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/head.jpg"></td></tr>
<tr><td class="dh">{'&nbsp;|&nbsp;'.join(f'<a href="/list.aspx?lm={i}">{n}</a>' for i, n in enumerate(ZH_NAV))}</td></tr></table>
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="210" valign="top" class="bk">
<table width="100%"><tr><td class="lmbt">工会工作</td></tr>
{''.join(f'<tr><td>&gt; <a href="/list.aspx?lm=1{i}">{n}</a></td></tr>' for i, n in enumerate(ZH_NAV[1:7]))}
</table>
</td>
<td width="15"></td>
<td valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td height="45" align="center" class="bt18">{e(article['title'])}</td></tr>
<tr><td align="center" class="hui">发布日期：{chinese_date(article)}　浏览次数：<span id="hits">318</span>　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
<tr><td><hr size="1" color="#CCCCCC"></td></tr>
{chr(10).join(rows)}
<tr><td>附件：<a href="/upfile/notice.doc">活动报名表.doc</a></td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td colspan="2" class="lmbt">相关链接</td></tr>{related}</table>
</td></tr></table>
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td align="center" class="foot">
主办：南岭市总工会　承办：南岭市总工会网络信息中心<br>{zh_footer_text(rng)}
</td></tr></table>
</form>
</body></html>
"""


def en_hashed(rng, article):
    """A script-built news site: hashed class names that say nothing, inline links, a list in the body,
    reader responses and editor's picks in plain divs."""
    def cls():
        return "sc-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6)) + " " + \
            "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij") for _ in range(6))
    parts = []
    for i, (kind, text) in enumerate(article["body"]):
        if kind == "h":
            parts.append(f'<h2 class="{cls()}">{e(text)}</h2>')
        elif kind == "caption":
            parts.append(f'<figure class="{cls()}"><img src="/i/{i}.webp"><figcaption>{e(text)}</figcaption></figure>')
        else:
            words = text.split(" ")
            if i % 2 == 0 and len(words) > 8:
                start = rng.randint(2, len(words) - 4)
                words[start] = f'<a href="/story/{rng.randint(1, 9999)}">{e(words[start])}'
                words[start + 2] = f'{e(words[start + 2])}</a>'
                body = " ".join(w if w.startswith("<a") or w.endswith("</a>") else e(w) for w in words)
            else:
                body = e(text)
            parts.append(f'<p class="{cls()}">{body}</p>')
    items = ["Three routes on the east side", "Buses every fifteen minutes at rush hour", "A review after one year"]
    parts.insert(min(2, len(parts)), f'<ul class="{cls()}">' + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>")
    article["body"].insert(min(2, len(article["body"])), ("p", "\n".join(items)))
    responses = "".join(
        f'<div class="{cls()}"><div class="{cls()}">{rng.choice(EN_NAMES)}</div><p class="{cls()}">{e(c)}</p></div>'
        for c in rng.sample(EN_COMMENTS, 4))
    picks = "".join(f'<div class="{cls()}"><a href="/s/{rng.randint(1, 999)}">{e(h)}</a><p>{e(b)}</p></div>'
                    for h, b in zip(rng.sample(EN_HEADLINES, 3), EN_BLURBS))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(article['title'])}</title>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"id":{rng.randint(1, 99999)}}}}}}}</script>
</head><body><div id="__next"><div class="{cls()}">
<div class="{cls()}">{''.join(f'<a href="/{n.lower()}">{n}</a>' for n in EN_NAV)}</div>
<div class="{cls()}">
<div class="{cls()}">
<h1 class="{cls()}">{e(article['title'])}</h1>
<div class="{cls()}">By {article['author']} · {english_date(article)}</div>
<div class="{cls()}">
{chr(10).join(parts)}
</div>
<div class="{cls()}"><h2>Reader responses</h2>{responses}</div>
</div>
<div class="{cls()}"><h3>Editor's picks</h3>{picks}<h3>Most read</h3><ol>{links(rng, EN_HEADLINES, 5)}</ol></div>
</div>
<div class="{cls()}">&copy; 2024 Metro Wire. All rights reserved.</div>
</div></div></body></html>
"""


def zh_xxgk(rng, article):
    """A government information-disclosure page: a metadata table of short cells above the body,
    attachments, a QR box and print/close links."""
    index_no = f"11450100{rng.randint(1000000, 9999999)}/2024-{rng.randint(10000, 99999)}"
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{e(article['title'])}">
<meta name="PubDate" content="{dash_date(article)}"><meta name="ContentSource" content="南岭市总工会">
<title>{e(article['title'])}-南岭市人民政府门户网站</title>
<script src="/js/jquery.min.js"></script><script>var pageid = {rng.randint(1, 9999)};</script>
</head><body>
<div class="gov-top"><div class="w"><a href="/">南岭市人民政府门户网站</a><span>无障碍</span><span>长者模式</span></div></div>
<div class="gov-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/bs/">政务服务</a><a href="/hd/">互动交流</a><a href="/zjnl/">走进南岭</a></div>
<div class="w">
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/gzdt/">工作动态</a></div>
<div class="xxgk-table"><table>
<tr><th>索引号：</th><td>{index_no}</td><th>分类：</th><td>工作动态</td></tr>
<tr><th>发布机构：</th><td>南岭市总工会</td><th>生成日期：</th><td>{dash_date(article)[:10]}</td></tr>
<tr><th>名称：</th><td colspan="3">{e(article['title'])}</td></tr>
<tr><th>文号：</th><td></td><th>主题词：</th><td>工会 职工</td></tr>
</table></div>
<div class="article-box">
<h1 class="bt">{e(article['title'])}</h1>
<div class="xx">来源：南岭市总工会　发布时间：{dash_date(article)}　浏览次数：<span id="count">--</span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{zh_paragraphs(article, ' style="text-indent:2em;line-height:2"')}
</div>
<div class="fj"><p>附件下载：</p><p><a href="/att/1.pdf">1.活动方案.pdf</a></p><p><a href="/att/2.xls">2.报名汇总表.xls</a></p></div>
<div class="ewm"><img src="/qr.png"><span>扫一扫在手机打开当前页</span></div>
<div class="dy"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
</div>
</div>
<div class="gov-foot"><p>主办单位：南岭市人民政府办公室　承办单位：南岭市大数据发展局</p><p>{zh_footer_text(rng)}</p>
<p><a href="/wzdt">网站地图</a> <a href="/lxwm">联系我们</a></p><span id="_ideConac"></span></div>
</body></html>
"""


def en_bio(rng, article):
    """A features site: inline READ MORE links between paragraphs, a contributor box and a
    newsletter box inside the article container, a 'you might like' rail after it."""
    paras = en_paragraphs(article)
    paras.insert(min(2, len(paras)), f'<p><strong>READ MORE:</strong> <a href="/s/{rng.randint(1, 999)}">{e(rng.choice(EN_HEADLINES))}</a></p>')
    paras.insert(min(5, len(paras)), '<div class="inline-signup"><p>Sign up for our weekly local news email.</p><input type="email"><button>Go</button></div>')
    rail = "".join(f'<li><a href="/s/{rng.randint(1, 999)}"><img src="/t.jpg"><span>{e(h)}</span></a></li>' for h in rng.sample(EN_HEADLINES, 4))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(article['title'])} | Eastside Features</title>
<meta name="description" content="{e(article['body'][0][1][:120])}">
</head><body>
<div id="skip"><a href="#main">Skip to content</a></div>
<div class="site-top"><a href="/">Eastside Features</a> <a href="/events">Events</a> <a href="/food">Food</a> <a href="/people">People</a> <a href="/donate">Donate</a></div>
<div id="main">
<div class="feature">
<p class="section-label"><a href="/people">People</a></p>
<h1>{e(article['title'])}</h1>
<p class="credit">Story by {article['author']}. Published {english_date(article)}.</p>
{chr(10).join(paras)}
<div class="contributor"><img src="/staff.jpg"><p>{article['author']} writes about neighborhoods, schools and small businesses for Eastside Features. Reach them at tips@example.org.</p></div>
</div>
<div class="rail"><h3>You might like</h3><ul>{rail}</ul></div>
</div>
<div class="bottom-bar">Eastside Features is a nonprofit newsroom. &copy; 2024</div>
</body></html>
"""


def en_bare(rng, article):
    """A minimal static-site page: paragraphs sit directly in <body> between a menu and a footer
    line, with no container at all."""
    paras = en_paragraphs(article)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(article['title'])}</title>
<link rel="stylesheet" href="/style.css"></head><body>
<div><a href="/">Ellen's notebook</a> &middot; <a href="/archive">Archive</a> &middot; <a href="/about">About</a> &middot; <a href="/feed.xml">RSS</a></div>
<h1>{e(article['title'])}</h1>
<p><em>{english_date(article)}</em></p>
{chr(10).join(paras)}
<hr>
<p>Thanks for reading. Replies by email are welcome.</p>
<div><a href="/archive">&larr; All posts</a></div>
</body></html>
"""


def zh_intro_sidebar(rng, article):
    """A small union site: one sentence a paragraph, a page-number bar inside the body, and a
    sidebar box introducing the union in plain, well-punctuated prose (no links)."""
    sentences = []
    for kind, text in article["body"]:
        if kind == "p":
            sentences.extend(s + "。" for s in text.split("。") if s)
        else:
            sentences.append(text)
    article["body"] = [("p", s) for s in sentences]
    paras = "\n".join(f"<p>　　{e(s)}</p>" for s in sentences)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{e(article['title'])} - 高新区总工会</title>
<style>.l{{float:left;width:700px}}.r{{float:right;width:260px}}</style></head><body>
<div class="t"><img src="/logo.gif"> 高新区总工会 <span>服务职工　凝聚人心</span></div>
<div class="dh"><a href="/">网站首页</a><a href="/ghdt/">工会动态</a><a href="/zcfg/">政策法规</a><a href="/wqfw/">维权服务</a><a href="/lmfc/">劳模风采</a><a href="/lxwm/">联系我们</a></div>
<div class="l">
<div class="wz">{e(article['title'])}</div>
<div class="sj">{dash_date(article)[:10]}　阅读：{rng.randint(100, 999)}</div>
<div class="nr">
{paras}
<div class="fy">共2页：<a href="#">上一页</a> <b>1</b> <a href="?page=2">2</a> <a href="?page=2">下一页</a></div>
</div>
</div>
<div class="r">
<div class="k"><div class="kt">工会简介</div><div class="kc">高新区总工会成立于二〇〇三年，现有基层工会组织四百余个，会员六万余人。区总工会坚持以职工为中心的工作导向，围绕技能提升、权益维护和困难帮扶开展工作，先后被评为省级模范职工之家、全市工会工作先进单位。</div></div>
<div class="k"><div class="kt">联系方式</div><div class="kc">地址：高新区创业大道{rng.randint(1, 99)}号<br>电话：0771-{rng.randint(1000000, 9999999)}<br>邮编：530000</div></div>
</div>
<div style="clear:both"></div>
<div class="db">高新区总工会 版权所有 {zh_footer_text(rng)}</div>
</body></html>
"""


def en_itemprop(rng, article):
    """A wire-style story: schema.org articleBody, 'Story continues below' and photo credit lines,
    an ad label and a corrections note inside the body, a trending list outside it."""
    paras = []
    for i, (kind, text) in enumerate(article["body"]):
        if kind == "h":
            paras.append(f"<h3>{e(text)}</h3>")
        elif kind == "caption":
            paras.append(f'<div class="photo"><img src="/p.jpg"><p class="cap">{e(text)}</p><p class="photo-credit">Photo: {rng.choice(EN_NAMES)} / Metro Wire</p></div>')
        else:
            paras.append(f"<p>{e(text)}</p>")
        if i == 1:
            paras.append('<div class="adbox"><p class="label">Advertisement</p><p>Story continues below</p></div>')
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(article['title'])} - Metro Wire</title>
<meta itemprop="datePublished" content="{iso(article)}">
</head><body>
<div class="header"><a href="/">Metro Wire</a><ul class="sections"><li><a href="/us">U.S.</a></li><li><a href="/world">World</a></li><li><a href="/biz">Business</a></li></ul></div>
<div itemscope itemtype="https://schema.org/NewsArticle" class="story-wrap">
<h1 itemprop="headline">{e(article['title'])}</h1>
<div class="meta"><span itemprop="author">{article['author']}</span>, Metro Wire · Updated {english_date(article)}</div>
<div itemprop="articleBody">
{chr(10).join(paras)}
<p class="correction"><i>This story has been updated to correct the spelling of a name.</i></p>
</div>
</div>
<div class="trending"><h4>Trending now</h4><ol>{links(rng, EN_HEADLINES, 6)}</ol></div>
<div class="foot">Copyright 2024 Metro Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</div>
</body></html>
"""


# ---------------------------------------------------------------------------------------------

# (template, language, encoding, pages, with_subheads, with_caption)
PLAN = [
    (zh_portal, "zh", "utf-8", 4, True, True),
    (zh_table_gbk, "zh", "gbk", 4, False, False),
    (zh_district_gb2312, "zh", "gbk", 3, True, True),
    (zh_sidebar_portal, "zh", "utf-8", 3, False, True),
    (zh_wechat, "zh", "utf-8", 3, True, False),
    (zh_news2, "zh", "utf-8", 3, False, False),
    (en_news, "en", "utf-8", 4, True, True),
    (en_blog, "en", "utf-8", 4, True, False),
    (en_press_br, "en", "latin-1", 4, False, False),
    (en_magazine, "en", "utf-8", 4, True, False),
    (zh_rows_gbk, "zh", "gbk", 2, False, True),
    (en_hashed, "en", "utf-8", 2, True, True),
    (zh_xxgk, "zh", "utf-8", 2, False, True),
    (en_bio, "en", "utf-8", 2, False, True),
    (en_bare, "en", "utf-8", 2, True, False),
    (zh_intro_sidebar, "zh", "utf-8", 2, False, False),
    (en_itemprop, "en", "utf-8", 2, False, True),
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "feeds", "data", "articles")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    for template, lang, encoding, pages, subheads, caption in PLAN:
        for number in range(1, pages + 1):
            if lang == "zh":
                article = make_article(rng, ZH_TOPICS, ZH_TITLES, ZH_NAMES, ZH_SUBHEADS, ZH_CAPTIONS, "zh",
                                       subheads and number % 2 == 1, caption and number != 2,
                                       rng.choice([2, 4, 5, 6, 7]))
            else:
                article = make_article(rng, EN_TOPICS, EN_TITLES, EN_NAMES, EN_SUBHEADS, EN_CAPTIONS, "en",
                                       subheads and number % 2 == 1, caption and number != 2,
                                       rng.choice([2, 4, 5, 6, 7]))
            name = f"{lang}_{template.__name__.split('_', 1)[1]}_{number}"
            page = template(rng, article)
            if template is zh_table_gbk and number == 3:
                # Mislabelled, as some old sites are: GBK bytes under a UTF-8 declaration.
                page = page.replace("charset=gb2312", "charset=utf-8")
            with open(os.path.join(out_dir, name + ".html"), "wb") as f:
                f.write(page.encode(encoding, errors="xmlcharrefreplace"))
            with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(body_text(article))


if __name__ == "__main__":
    main()
