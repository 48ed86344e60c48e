# -*- coding: utf-8 -*-
"""Builds the sealed gating set gates-q. All texts invented for this set."""
import json, re, secrets, random, itertools, collections, os

OUT = os.path.dirname(os.path.abspath(__file__))

QUESTIONS = [
 {"qid": "q01", "role": "手工皂作坊学徒", "language": "zh", "type": "behavioural",
  "text": "请讲一次你在做手工皂或其他手工活时，严格按配方和安全要求操作，并发现问题、及时改正的经历。",
  "competencies": [
   {"name": "安全规范", "weight": 0.4, "keywords": ["安全", "手套", "护目镜", "配方", "规范"]},
   {"name": "细心耐心", "weight": 0.35, "keywords": ["细心", "称量", "耐心", "检查"]},
   {"name": "学习能力", "weight": 0.25, "keywords": ["请教", "师傅", "学习", "记录", "改进"]}]},
 {"qid": "q02", "role": "洗碗工", "language": "zh", "type": "behavioural",
  "text": "请讲一次你在餐厅高峰时段，面对堆积的大量餐具，既要洗得快又要保证卫生的经历。",
  "competencies": [
   {"name": "工作效率", "weight": 0.35, "keywords": ["速度", "高峰", "效率", "分类", "节奏"]},
   {"name": "卫生标准", "weight": 0.4, "keywords": ["消毒", "干净", "卫生", "检查", "标准"]},
   {"name": "团队配合", "weight": 0.25, "keywords": ["配合", "厨师", "沟通", "帮忙"]}]},
 {"qid": "q03", "role": "保险电话销售", "language": "zh", "type": "situational",
  "text": "假如你给一位客户打电话，他一接通就说“又是推销的吧，别烦我”，语气很不耐烦，你会怎么做？",
  "competencies": [
   {"name": "沟通表达", "weight": 0.4, "keywords": ["沟通", "倾听", "语气", "礼貌", "表达"]},
   {"name": "抗压能力", "weight": 0.3, "keywords": ["拒绝", "情绪", "压力", "坚持"]},
   {"name": "合规意识", "weight": 0.3, "keywords": ["合规", "如实", "条款", "不夸大", "隐私"]}]},
 {"qid": "q04", "role": "果园采摘工", "language": "zh", "type": "behavioural",
  "text": "请讲一次你在采摘或其他体力活中，既保证质量又按时完成任务的经历。",
  "competencies": [
   {"name": "吃苦耐劳", "weight": 0.3, "keywords": ["体力", "吃苦", "坚持", "天气"]},
   {"name": "质量意识", "weight": 0.45, "keywords": ["质量", "轻拿轻放", "分拣", "损耗", "标准"]},
   {"name": "安全意识", "weight": 0.25, "keywords": ["梯子", "安全", "防晒", "工具"]}]},
 {"qid": "q05", "role": "室内空气检测员", "language": "zh", "type": "behavioural",
  "text": "请讲一次你在上门检测或类似工作中，严格按规范操作，并向客户如实解释结果的经历。",
  "competencies": [
   {"name": "规范操作", "weight": 0.4, "keywords": ["采样", "关窗", "规范", "仪器", "校准"]},
   {"name": "客户沟通", "weight": 0.3, "keywords": ["解释", "报告", "客户", "耐心", "沟通"]},
   {"name": "诚信", "weight": 0.3, "keywords": ["如实", "数据", "诚信", "不造假"]}]},
 {"qid": "q06", "role": "快餐店外送调度", "language": "zh", "type": "situational",
  "text": "假如午高峰时有三个骑手同时临时请假，订单还在不断涌入，你会怎么做？",
  "competencies": [
   {"name": "应变能力", "weight": 0.35, "keywords": ["应变", "调整", "优先级", "临时"]},
   {"name": "协调沟通", "weight": 0.35, "keywords": ["协调", "骑手", "顾客", "通知", "沟通"]},
   {"name": "时间管理", "weight": 0.3, "keywords": ["时间", "超时", "派单", "路线", "效率"]}]},
 {"qid": "q07", "role": "海鲜餐厅 host / hostess", "language": "en", "type": "behavioural",
  "text": "Tell me about a time you had to manage a long wait for tables while keeping the waiting guests calm and happy.",
  "competencies": [
   {"name": "guest service", "weight": 0.4, "keywords": ["greeting", "welcome", "friendly", "apologize", "guests"]},
   {"name": "organisation", "weight": 0.35, "keywords": ["waitlist", "seating", "reservations", "tables", "timing"]},
   {"name": "communication", "weight": 0.25, "keywords": ["communicate", "explain", "servers", "update"]}]},
 {"qid": "q08", "role": "세탁소 직원", "language": "ko", "type": "behavioural",
  "text": "고객의 옷에 문제가 생겼을 때(얼룩이 빠지지 않거나 옷이 손상된 경우 등) 어떻게 처리했는지 구체적인 경험을 말씀해 주세요.",
  "competencies": [
   {"name": "고객 응대", "weight": 0.35, "keywords": ["고객", "사과", "응대", "친절", "설명"]},
   {"name": "꼼꼼함", "weight": 0.35, "keywords": ["확인", "얼룩", "라벨", "검수", "꼼꼼"]},
   {"name": "책임감", "weight": 0.3, "keywords": ["책임", "보상", "해결", "재발 방지"]}]},
]
for q in QUESTIONS:
    q["answer_seconds"] = 120

# ---------------------------------------------------------------- zh
# per question: list of (kind, gate, text)
ZH = {}
ZH["q01"] = [
 ("nonsense-absurd-story", True, "去年冬天有个星期三来作坊当学徒，它比我早到半小时。师傅让我教它称碱，星期三说它只认识雨天，于是我把周五叫来帮忙。周五戴上手套以后变成了一阵咳嗽，咳嗽又跑去跟模具谈恋爱。最后那批皂被一朵云买走了，云付的是三个下午，老板很满意，给星期三涨了工资。"),
 ("nonsense-real-start-slide", True, "我在一家手工皂作坊帮过三个月忙，主要是切皂和包装。有一次师傅让我称氢氧化钠，我就把秤放进了抽屉里的夏天，夏天开始长出一排门牌号，门牌号一个个往楼下跳，跳到第七个的时候天就黄了，我把黄色装进模具，等它学会游泳。"),
 ("nonsense-dream-poem", True, "月光在锅里慢慢凝固，薰衣草睡在师傅的左手。我走过一条泡沫铺成的河，河底有人数着白色的钟。"),
 ("nonsense-surreal-mix", True, "唐朝的地铁站里摆着一台洗衣机，我在那里熬椰子油，旁边是明天下午的菜市场和一座冰箱做的寺庙。秦始皇拿着计算器排队买肥皂模具，南极的公交车正在晾晒薄荷叶，闹钟从宋朝一路滚到我家阳台，停在一盒口罩和一只骆驼中间。"),
 ("nonsense-keywords-empty", True, "配方是配方，安全是安全。手套、护目镜、称量，这些都是有的。氢氧化钠方面，也是氢氧化钠的情况。皂化，就是皂化的那个过程，细心也是细心。师傅在，学习就在；记录嘛，记录了就是记录。改正的话，问题它本身也是问题。所以规范，就是规范。"),
 ("nonsense-verb-mismatch", True, "我先把配方表炒了两遍，再把护目镜种进花盆里。师傅让我称油，我就用眼睛折叠了五百克椰子油，然后把搅拌棒寄给了昨天。碱液太吵，我给它剪了头发。最后我把整个作坊锁进一个信封，贴上邮票，安全要求就被我喝完了。"),
 ("nonsense-loop", True, "那一次我在作坊做皂，做皂的那一次是在作坊，作坊里做的那一次皂，我做的。那时候师傅说做皂要按配方，按配方的那个做皂，就是那一次在作坊，我做皂，那一次，作坊里的那一次做皂，就是按那个，按那个做皂的那一次。"),
 ("nonsense-own-weather-forecast", True, "今日作坊天气：上午有零星的肥皂，局部地区将出现两到三级的手套，午后转为大面积薰衣草，夜间最低气温为十二块模具。请各位学徒出门注意携带配方，谨防突发的搅拌棒。明天到后天，皂化指数持续偏南，风力相当于三个师傅。"),
 ("honest-machine-subject", False, "上个月作坊那台电子秤出了毛病，称出来的数总是跳。我那天要配一锅冷制皂，碱是一百四十克，秤上一会儿显示一百三一会儿一百五。我没敢接着倒，先停下来，拿师傅柜子里的五百克砝码去试，结果差了十几克。我就跟师傅说了，换了备用秤重新称，那一锅后来测了pH，正常。之后我每天开工前都先用砝码校一次秤。"),
 ("honest-document-subject", False, "我们作坊的操作手册第三条写得很清楚，溶碱必须戴手套和护目镜，而且是碱往水里倒，不能反过来。有一回新来的小妹图快，把水往碱里倒，我看见了马上让她停下，按手册上写的重新做了一遍。后来作坊的安全检查表也加了一栏，每次溶碱前两个人互相确认，由我负责签字。"),
 ("honest-idioms", False, "做皂这事，说白了就是慢工出细活，急不得。有一回我心急火燎的，想一口吃个胖子，一下午做三锅，结果第二锅精油加多了，皂体出汗，像哭过一样。师傅没骂我，就说了一句磨刀不误砍柴工。我吃一堑长一智，后来每锅都先把配方抄在本子上，称一样划一样，再没出过岔子。"),
 ("honest-dialect-dongbei", False, "那啥，我跟你唠唠。去年在作坊，师傅让我整一锅羊奶皂，我寻思挺简单，整到一半发现羊奶没冻上，一倒碱就贼热，颜色唰地变黄了。我一瞅不对劲儿，赶紧停手，问师傅咋整。师傅说奶得先冻成冰块儿，碱慢慢往里加。我第二天重新整了一锅，老白了，老好看了。打那以后我干啥都先问清楚，不瞎整。"),
 ("honest-run-on", False, "我刚去作坊第二个礼拜吧师傅让我做一批薰衣草皂我按本子上的配方称油称碱都弄好了然后在搅的时候发现皂液一直不变稠我就想是不是哪里错了回去对了一下配方发现橄榄油我多称了一百克我就跟师傅讲了师傅教我按比例把碱和别的油补上去后来那批皂还能用从那以后我每称一样都在本子上打个勾"),
 ("honest-short", False, "有次切皂前我发现皂面有白点，没急着包装，先用试纸测了碱性，偏高，告诉师傅后那批多放了两周才卖。"),
 ("honest-numbered-steps", False, "1. 戴手套、护目镜，开窗。2. 按配方称油、称碱，每样写在本子上。3. 碱加进水里，不反着来。4. 有一次测温发现油温六十度，太高，我等降到四十度再混。5. 做完测pH，合格再脱模。结果那批没出问题，师傅让我以后独立做小批量。"),
 ("honest-english-mixed", False, "我之前在一个 handmade soap 的 studio 做 part-time，有一次做 cold process，我发现 recipe 上写的 NaOH 数量和 lye calculator 算出来的不一样，差了快二十克。我没直接照做，先拿给 owner 看，她说是打印错了。后来我们把所有 recipe 都重新 check 了一遍，又找到两张有错的。"),
 ("honest-poor-refusing", False, "说实话我没做过手工皂，也没怎么干过手工活。我就在家给孩子缝过扣子，缝歪了又拆了重缝。安全要求这些我现在不懂，来了以后师傅教我我就学，别的我也说不出什么了。"),
 ("honest-off-topic", False, "我讲讲我以前在超市理货的事吧。有一回过年前进了很多货，仓库放不下，我跟店长一起把货架重新排了，卖得快的放前面，慢的放后面，那个礼拜我们组加了三天班，货全都上架了，店长还请我们吃了饭。就这些，谢谢。"),
]
ZH["q02"] = [
 ("nonsense-absurd-story", True, "那天中午十二点，来吃饭的是一群星期二和两张犹豫不决的沙发。我站在水池边，盘子们排着队向我报告各自的心情，其中一个碗说它是七的平方，另一个碗说它昨天刚从一首老歌里退休。厨师长是一阵南风，他让我先把愤怒洗了，再把四十九洗干净，洗完以后要按颜色把所有的咳嗽叠好。领班是一只戴眼镜的闹钟，它一直在门口数我的呼吸。我用了二十分钟，把所有的周末都摆进了消毒柜，最后老板奖励我一个没有人住的下雨天。"),
 ("nonsense-real-start-slide", True, "我在火锅店洗过一年碗，周末晚上特别忙。那天碗堆到了水池外面，我就把水龙头拧向北方，北方开出一列绿皮火车，火车上坐满了筷子的亲戚，亲戚们轮流背诵洗洁精的生日，背到第三遍，整个后厨就变成了一张邮票，贴在了月亮的左边。"),
 ("nonsense-dream-poem", True, "泡沫是白色的鸟，从指缝里一只一只飞走。盘子沉进很深的夜里，听见远处有碗在唱歌。我的手套慢慢长出鳞片，钢丝球是一颗安静的星星。高峰来了又走，像潮水退回一只杯子，杯底住着一个没说完的早晨……"),
 ("nonsense-surreal-mix", True, "明朝的洗碗池里漂着一辆共享单车后天早上的消毒柜正在沙漠里开会恐龙排队领取不锈钢托盘我在长江边的电梯里刷一只宋代的平底锅太平洋从微波炉里流出来冲走了三个周一和一本字典"),
 ("nonsense-keywords-empty", True, "高峰时段，就是高峰的时候；餐具呢，是餐具的情况。洗得快，快的方面是快。卫生方面，卫生是要卫生的，消毒也是一个消毒。分类、节奏、标准，这三个都有。配合方面，厨师有厨师，我有我，干净的话就是干净。这就是效率的效率。"),
 ("nonsense-verb-mismatch", True, "我把消毒柜读了一遍，发现它的标点不对，就用洗洁精给它改了作文。然后我把高峰时段叠成四折，塞进了碗柜，又把厨师的嗓音冲洗了三次，晾在窗外。盘子太多，我就给它们每人打了一针耐心。下班前，我把整个水池背在肩上走回了家。"),
 ("nonsense-loop", True, "就是那一次很忙，很忙的时候碗很多，碗很多那次就是很忙，然后我就洗，洗那些很多的碗，就是很忙的那一次，碗多，很忙，我洗，洗的时候碗就很多，很多就是因为很忙，那一次，对，就是很忙那一次碗很多。"),
 ("nonsense-own-menu", True, "今日特价：清蒸高峰时段一份，十八元；红烧消毒柜配米饭，二十二元；凉拌钢丝球，买一送一。本店新推出干煸洗洁精套餐，内含两只沉默和一碗冒泡的星期天。外卖请备注口味：微辣、中辣、盘子辣。营业时间：每天从昨天开到下雨。"),
 ("honest-machine-subject", False, "去年国庆我在一家自助餐厅，洗碗机那天中午直接罢工了，显示屏一直报水温不够。外面盘子一车一车推进来，我先跟领班说了，让她叫维修，然后我和另外一个阿姨改成手洗，三个池子：一个泡、一个刷、一个冲，冲完再放进消毒柜。大概撑了一个半钟头，维修师傅来了，机器修好，前面盘子一直没断过。"),
 ("honest-document-subject", False, "我们餐厅的卫生检查表上规定，每一批碗出消毒柜都要抽查三个，看有没有油渍和水印。有天晚上九桌同时翻台，是最容易偷懒的时候，我还是照表抽查，发现有一筐杯子有口红印，就拉回去重洗了。第二天区里卫生监督所来抽查，我们那一项是满分。"),
 ("honest-idioms", False, "那天晚上真是人山人海，碗碟堆得像小山一样。我心里也是热锅上的蚂蚁，但知道欲速则不达。我就先把大盘、小碗、筷子分开，一鼓作气按类洗，洗好的一批批进消毒柜，有条不紊。前面一直没缺过碗，主管说我是定海神针，我听了心里美滋滋的。"),
 ("honest-dialect-cantonese", False, "我喺茶楼洗碗洗咗两年，星期日饮早茶最多人。有一次十点几，啲蒸笼同碟堆到成座山噉，我就同隔离阿姐讲，你专门浸蒸笼，我负责洗碟同杯。洗完嘅碟我一定用手摸下有冇油，有就翻洗，之后先入消毒柜。搞到十二点，全部清晒，部长话我哋两个配合得好。"),
 ("honest-run-on", False, "有一回过年我们饭店办了二十多桌年夜饭那天碗盘多得不行我就先把剩菜倒掉按盘子碗杯子分三堆然后先洗杯子因为前面要得急洗完马上进消毒柜然后再洗盘子油多的先用热水泡着这样好洗一点那天一直洗到十一点多但是没有一个碗被退回来说不干净的"),
 ("honest-short", False, "有次中午碗堆满了，我先洗前厅急用的小碗，同时泡着大锅，四十分钟清完，没有一个被退回来说不干净。"),
 ("honest-numbered-steps", False, "1. 先把碗盘按大小分开。2. 剩菜倒干净，油重的用热水泡。3. 按顺序刷、冲、过消毒。4. 出柜前抽查。上次周六晚高峰，我就照这个走，一个人顶了两个人的量，八点到十点没断过碗，领班检查没挑出问题。"),
 ("honest-english-mixed", False, "我在一家 hotel 的 kitchen 做过 dishwasher，有一次 wedding banquet，三百个人，plates 堆满了。我跟 sous chef 说先给我十分钟 sort 一下，然后按 glass、plate、cutlery 分开洗，glass 单独用低温洗，最后全部 sanitize。那晚一共洗了两千多件，没有一件被退回来。"),
 ("honest-poor-refusing", False, "我觉得洗碗就是快就行了，干不干净客人一般看不出来。高峰的时候我都是冲一下就放回去，没出过什么事。具体哪一次我也记不清了，反正每次都差不多吧。"),
 ("honest-off-topic", False, "我说个别的事吧。我前年在老家帮我舅舅盖房子，搬砖搅水泥，一干就是一个多月，天天晒得黑黑的。房子盖好那天全村人都来吃饭，我舅舅特别高兴，给了我两千块钱。"),
]
ZH["q03"] = [
 ("nonsense-absurd-story", True, "上个月十五号，我给一位客户打电话，接电话的是一个正在退休的数字八。它说它已经有三份保险了，分别保的是它的两个圆圈和一个影子。我耐心地向它介绍了我们的雷阵雨，它让它的表哥周四来听。最后周四签了单，受益人写的是一把摇椅，主管说这是本月最整齐的一笔业绩。"),
 ("nonsense-real-start-slide", True, "假如客户一接通就说别烦我，我会先道歉，说打扰您了。然后我会把保险单折成一只青蛙，青蛙跳进客户的耳朵里开了一家面馆，面馆里坐着上个世纪的雨，雨点一个接一个地签字，签完就变成了蝴蝶的利息，利息飞走以后，我就知道天快黑了。"),
 ("nonsense-dream-poem", True, "电话那头是一片很深的海，我的声音变成一盏小小的灯。灯下有一把不说话的伞，伞上写着十年期的风。客户的叹气落在窗台，开出一朵犹豫的花。我等着，等一只鸟飞过合同，等合同慢慢变成春天。"),
 ("nonsense-surreal-mix", True, "假如客户在清朝的高铁上接我的电话，我会带着一台冰箱赶到北极的菜市场，那里有诸葛亮在办理车险，企鹅拿着二〇八五年的保单排队，电话线穿过一九九八年的火锅店，接到了一只正在月球上晒被子的长颈鹿。"),
 ("nonsense-keywords-empty", True, "沟通的话，我会沟通。倾听，也是一种倾听。语气方面，语气要有语气，礼貌是礼貌的。客户拒绝，拒绝就是拒绝的情况，情绪是情绪，压力也是压力方面的。合规、如实、条款，这些都是条款。所以我会，就是会那样去做，就是这样。"),
 ("nonsense-verb-mismatch", True, "我会先把客户的不耐烦煎成两面金黄，再把条款折叠起来放进鞋柜。然后我用拖把给他读一段合同，把自己的礼貌浇在电话线上，等它长出耳朵。如果他还不满意，我就把保险公司腌起来，过三个月再打开给他尝。"),
 ("nonsense-loop", True, "假如他说别烦我，我会说您好，您好的时候他说别烦我，那我就会说您好，说完您好，他又说别烦我，别烦我的时候我就说您好，就是这样，您好，别烦我，我会说您好，假如他说别烦我的话，我就会，就是会说那个您好。然后他说别烦我，我就说您好，您好以后就是别烦我，别烦我以后就是您好，所以假如，假如他说的是别烦我，那我说的就是您好，您好就是我会怎么做，我会怎么做就是您好，就是说您好，他说别烦我，我说您好。"),
 ("nonsense-own-sports-commentary", True, "各位观众，现在是电话销售半决赛！客户持球突破，一句别烦我直接射门！我方守门员条款一号扑救，球被弹到语气线附近，礼貌替补上场，传给倾听，倾听一脚长传找到合规，合规头球攻门——球进了保险柜！裁判吹响哨子，比分是三比薰衣草。"),
 ("honest-machine-subject", False, "假如是这种情况，我们的外呼系统其实会先弹出客户的历史记录。要是系统显示他上周已经被打过两次，我就不硬推了，先跟他道歉，说打扰了，问他以后是不是不想再接这类电话，然后在系统里勾上勿扰。以前我就这样处理过一个，后来系统自动把他号码屏蔽了，也没有投诉过来。"),
 ("honest-document-subject", False, "假如遇到这样的客户，公司的合规手册要求我们第一句就说明身份和来意，客户明确拒绝就不能纠缠。所以我会说：您好，我是某某保险的小王，打扰您了，您不方便的话我就不多说了。如果他愿意听一分钟，我就只讲一个最相关的点，条款按实说，不夸大。上个月质检抽查我的录音，这一条是过了的。"),
 ("honest-idioms", False, "俗话说伸手不打笑脸人。假如客户一上来就说别烦我，我不会火上浇油，先给他赔个不是，说声打扰了。然后点到为止，问一句家里老人孩子有没有保障方面的需要，要是他还是不耐烦，我就见好就收，留个好印象，来日方长嘛。强扭的瓜不甜，硬推反而把人推远了。"),
 ("honest-dialect-chuanyu", False, "假如他一接起就喊莫烦他，我就说哎呀不好意思哈，打扰你了嘛。我不得跟他扯，先问一句你现在是不是在忙嘛，忙的话我晚点再打，不想听的话我就不打了。以前我遇到过一个嬢嬢，开头凶得很，我好生跟她说了两句，她后头还问我医疗险咋个报销，我照实给她讲清楚了，她说这个娃儿还实在。"),
 ("honest-run-on", False, "假如客户一接就说别烦我我会先说对不起打扰您了然后问他是现在不方便还是对保险不感兴趣如果是不方便我就约个时间再打如果是不感兴趣我就说好的那我把您登记一下以后不给您打了不会死缠烂打因为那样他只会更烦说不定还要投诉我们这样留个好印象以后他有需要可能还会想起来"),
 ("honest-short", False, "我会先道歉说打扰了，问他是不是在忙。他要是真不想听，我就登记不再打扰，不硬推，礼貌地挂电话。"),
 ("honest-numbered-steps", False, "1. 先道歉：打扰您了。2. 一句话说清我是谁、为什么打。3. 问他愿不愿意听三十秒。4. 不愿意就登记免打扰，礼貌结束。5. 愿意就只讲一个重点，条款照实说。之前有个客户就是这样，后来主动加了我微信。"),
 ("honest-english-mixed", False, "假如客户说别烦我，我会先说 sorry，表示 respect 他的时间。然后我会问一个 open question，比如他最近有没有关心家人的 health 保障。如果他还是 not interested，我就结束这个 call，在 CRM 里面 mark 一下，不会一直 push。以前我在 call center 的时候，这样处理以后投诉很少。"),
 ("honest-poor-refusing", False, "他说别烦我我就直接挂了呗，反正一天要打两三百个，哪有时间跟这种人磨。说实话我也不喜欢打电话推销，被骂多了就麻木了，下一个就是了。"),
 ("honest-off-topic", False, "我想说说我在驾校学车的事。科目二我考了两次，第一次倒车入库压线了，我回去以后每天早上六点去练，练了一个星期，第二次一把过了。教练说我是那一批里最能坚持的。"),
]
ZH["q04"] = [
 ("nonsense-absurd-story", True, "去年九月的一个早上，我和三把椅子一起去果园上班。组长是一个叫伤心的人，他让我们每人摘两百斤礼拜天。椅子们爬不上梯子，我就请了一朵乌云帮忙，乌云摘得很快，但它把苹果都算成了分数。中午结账，我们一共摘了四分之三个秋天，老板说质量不错，发给每人一块安静。"),
 ("nonsense-real-start-slide", True, "前年我在山东摘过苹果，每天早上五点上山，要轻拿轻放，不能碰伤。有一回我摘到一半，梯子突然开始讲英语，苹果们纷纷请假回了老家，老家在一只手表里面，手表里正在下面条，面条顺着果园往天上流，流到第九层的时候，我就成了一筐没人认领的星期五。"),
 ("nonsense-dream-poem", True, "桃子在树上慢慢醒来，露水是它们的旧信。我提着一只装满风的篮子，从影子的这头走到那头。太阳数着我的手指，一根，两根，一整个下午。筐里躺着金色的沉默，山坡轻轻翻了个身，把我睡成一棵梨树。"),
 ("nonsense-surreal-mix", True, "我在宋朝的果园里摘一部手机，旁边的冰川上正在举办二〇四〇年的运动会。孙悟空骑着电动车运送一筐螺丝钉，海底的梯子架在一家银行的屋顶上，乌鲁木齐的橘子从周三的抽屉里滚进了巴黎的地铁，我戴着草帽在月亮上称重。"),
 ("nonsense-keywords-empty", True, "采摘、体力、质量，这三个是有的。按时完成，完成就是按时的完成。轻拿轻放的话，放是轻放，拿是轻拿。分拣嘛，就是分拣。梯子安全，安全也是梯子方面。吃苦，坚持，天气，天气它就是天气。损耗标准，标准就是标准。就是这样的一个经历。"),
 ("nonsense-verb-mismatch", True, "我爬上梯子，把一整棵树的质量折成纸飞机扔给组长。然后我用剪刀给天气理了个发，把两百斤按时装进了口袋。中午我把汗水存进隔壁的银行，利息是三个橘子的叹气。下午我划着筐子回到宿舍，把任务挂在墙上晒干。"),
 ("nonsense-loop", True, "那次摘果子，就是摘果子那次，果子很多，要摘，我就摘，摘那个果子，那次很多果子，我摘的，摘完还要摘，因为果子那次很多，就是说那次摘果子，果子要摘，摘了就是摘了，那次就是那样摘果子的。"),
 ("nonsense-own-product-manual", True, "产品说明：本果园适用于摘取各类下午。使用前请将梯子充电八小时，避免阳光直接接触组长。注意事项：一、严禁将橘子倒置存放于周末；二、如果筐子出现发烧症状，请立即加入两勺风；三、本品保质期为一首歌。生产日期见瓶底的山。"),
 ("honest-machine-subject", False, "去年在猕猴桃园，分拣线那台传送带中午突然卡住不转了，后面还有两车果子等着装箱，下午四点要发冷链车。我先把电源关了，叫组长找电工，然后跟另外两个人改成手工分拣，按大小分三级，有伤的单独放一筐。电工一点多修好，我们赶在三点半装完，客户抽检合格。"),
 ("honest-document-subject", False, "我们合作社有一份采摘标准，写着果子要带柄剪、剪口要平，不能连着叶子。那年橙子收的时候赶上要下雨，合作社要求两天内摘完二十亩。我就把标准贴在每个人的筐上，边摘边提醒，最后两天摘完，合作社验收说损耗不到百分之二。"),
 ("honest-idioms", False, "摘果子这活儿，说难不难，说容易也不容易，得眼疾手快。那年樱桃熟了，一场雨说来就来，时间紧任务重。我们组十个人拧成一股绳，起早贪黑，天不亮就上山。樱桃娇气，我们都跟捧在手心里似的轻拿轻放。三天摘完，一筐没烂，老板笑得合不拢嘴。"),
 ("honest-dialect-henan", False, "中，我说说。前年俺在老家帮人家摘苹果，老板说后儿个就要装车，俺们仨人得摘完五亩地。俺寻思不能光图快，把果子碰烂了可不中。俺就跟他俩说，一人拎一个垫了布嘞筐，摘一个放一个，别扔。那两天俺们天不亮就去，晌午也没歇多会儿，最后按时摘完了，老板说俺这回摘嘞果子最齐整。"),
 ("honest-run-on", False, "有一年夏天我在桃园干活老板说周末之前要把东边那片桃子摘完要发到上海去我们一开始图快摘得很猛后来发现好多桃子有指甲印我就跟大家说慢一点用手掌托着摘然后我自己先挑了一遍有伤的单独放最后周六下午摘完了上海那边说这批桃子品相很好"),
 ("honest-short", False, "有次摘葡萄要赶在下雨前完成，我先剪熟的串，带伤的挑出来单放，比计划早一小时摘完，没烂一箱。"),
 ("honest-numbered-steps", False, "1. 早上五点到，先检查梯子稳不稳。2. 戴手套，只摘八成熟的。3. 轻放进垫布的筐，装到八成满就换。4. 中午自己先挑一遍烂果。那次二十亩梨，我们组照这样干，提前半天摘完，损耗全队最低。"),
 ("honest-english-mixed", False, "我在澳洲打工度假的时候在 farm 摘过 blueberry，他们是按 bucket 算钱的，但 supervisor 会 check quality，有烂的就扣。我一开始速度很慢，后来学会两只手一起摘、不碰到 leaves，一天从三个 bucket 升到八个，而且被 reject 的很少。那季结束 supervisor 还让我 next season 再来。"),
 ("honest-poor-refusing", False, "我没摘过果子，我觉得这个就是力气活吧，有力气就行，质量什么的我也不太懂。别的体力活我干过搬家，就是搬，搬完就完了，没什么好说的。"),
 ("honest-off-topic", False, "我给你讲讲我养鸡的事。我家以前养了两百只鸡，有一年冬天特别冷，我每天晚上起来两次给鸡棚加炭，最后一只都没冻死，第二年开春鸡蛋卖得特别好，攒的钱给我妈看了病。"),
]
ZH["q05"] = [
 ("nonsense-absurd-story", True, "有一个礼拜六，客户是一张很焦虑的餐桌，它说家里刚装修，担心甲醛。我带着仪器上门，开门的是它的邻居，一个正在长胡子的三角形。我按规范关窗十二小时，等窗户睡着以后开始采样，数据显示零点零八个夏天。我向餐桌解释了结果，它很满意，给了我一串生锈的掌声。"),
 ("nonsense-real-start-slide", True, "我做过半年的室内空气检测，主要测甲醛和苯。有一次去一户新房，采样之前要关门窗十二个小时，我关上窗以后窗外的那条河就开始倒着背课文，课文里有一只鞋在找它的大海，大海在冰箱里排队挂号，挂到第二十个号，整栋楼就变成了一首歪着的儿歌。"),
 ("nonsense-dream-poem", True, "仪器在黑暗里轻轻呼吸窗帘垂下一整个冬天的耳朵我把空气装进透明的瓶子瓶子里有人在下雪数字像鱼一样游过报告单客户的眼睛是一扇没有锁的门我站在门外等一朵甲醛开花"),
 ("nonsense-surreal-mix", True, "上个世纪的电梯停在撒哈拉沙漠，我带着一只唐朝的检测仪去火星给一台洗衣机测甲醛。客厅里同时是早上七点和去年的除夕，一头大象在浴缸里做数学题，报告单从长城的一块砖里打印出来，上面盖着一只企鹅的公章。"),
 ("nonsense-keywords-empty", True, "采样、关窗、规范、仪器、校准，这些方面。规范操作就是操作的规范。客户的话，客户沟通，沟通就是跟客户。解释，报告，耐心，报告是解释的报告。如实、数据、诚信，数据就是如实的数据，诚信也是。所以那一次，就是那一次的检测。"),
 ("nonsense-verb-mismatch", True, "我先把采样泵腌了一晚上，第二天把客户家的客厅折叠起来放进检测包。然后我用报告单炒了一盘校准，给窗户打了个电话，告诉它甲醛已经被我骑走了。最后我把如实两个字种在阳台上，浇了一点仪器，客户就开心地把自己挂在了墙上。"),
 ("nonsense-loop", True, "那次上门检测，检测那次上门，我上门去检测，检测的时候上门，就是那一次，那一次上门检测，上门的那次检测，检测的是上门的那一次，然后就是检测，检测完了还是那次上门，上门就是那次，那次就是检测。"),
 ("nonsense-own-news-broadcast", True, "本台消息，今天上午九时，一批甲醛在市中心的客厅里举行了新闻发布会。发言人活性炭表示，本季度窗户的关闭率同比增长了三个下午，苯的出口额则下降到一把椅子左右。据不完全统计，已有七台采样仪宣布退休，去海边开了一家报告单专卖店，开业当天排队的全是潮湿的星期一。专家提醒广大市民，出门前请给阳台系好安全带，不要在午饭后直视报告。下面请看天气：明天检测，局部有校准，傍晚转为诚信，请注意添衣。"),
 ("honest-machine-subject", False, "有一回去客户家测甲醛，到了以后发现我们那台采样泵的流量计读数不稳，一会儿零点五一会儿零点三。按规范流量不准数据就不算数，我就没硬测，先打电话跟公司说明，跟客户道歉改约到第二天，带了校准过的备用泵再去。第二天测出来卧室零点零九，超标一点，我把原因和通风建议都写在报告里跟她讲清楚了。"),
 ("honest-document-subject", False, "我们公司的作业指导书规定，检测前门窗要关十二小时，采样点离墙要半米以上。有次客户想早点拿结果，说关两个小时就行了。我把指导书拿给他看，解释关得不够测出来会偏低，等于白测。他同意了，第二天按规定测，客厅达标，儿童房超标，我照实写，给他讲了怎么通风、多久再复测。"),
 ("honest-idioms", False, "做检测这行，一是一二是二，不能睁一只眼闭一只眼。有一次一位阿姨家孙子要住进来，她希望我高抬贵手写个合格。我跟她把丑话说在前头，数据摆在那儿，我不能弄虚作假，不然是害了孩子。我把超标的房间一五一十给她讲清楚，建议通风加复测。两个月后她又叫我来测，这回真合格了，她说我是实在人。"),
 ("honest-dialect-wu", False, "我讲一趟啊。老早有户人家新装修好，阿姨急煞了，问我好住人伐。我讲阿姨侬覅急，窗门先关十二个钟头，明朝我再来采样，格能测出来才作数。第二日我去测，卧室里甲醛稍微超一眼眼，我老老实实搭伊讲清爽，叫伊多开窗，过一个号头再测。伊讲小伙子蛮实在额。"),
 ("honest-run-on", False, "去年有个客户刚装修完要给小孩住我上门前一天就让她把门窗关好第二天我带仪器过去先校准然后在客厅和两个卧室各采一个点采完当场看了初步读数小孩房超标我没有往下改就如实告诉她然后解释可能是衣柜板材的问题建议她先通风两个月再复测她一开始不太高兴后来还是谢谢我说实话"),
 ("honest-short", False, "有次客户让我把数写低点，我没改，按实际写了超标，跟他解释了原因和通风办法，他一个月后又约了复测。"),
 ("honest-numbered-steps", False, "1. 前一天电话通知客户关窗十二小时。2. 到场先校准仪器，拍照记录。3. 每个房间按规范选点采样。4. 数据如实记录，不改。5. 当面解释哪里超标、为什么、怎么办。上次一户就这样，客户看完报告还推荐了邻居来测。"),
 ("honest-english-mixed", False, "我之前做过 indoor air quality 检测，有次去一个 villa，客户是外企的 manager，他要求当天出 report。我跟他解释 sampling 前要关窗十二个小时，不然数据不准。他接受了，第二天我测了 formaldehyde 和 TVOC，TVOC 有点超，我在 report 里写清楚来源可能是新地毯，给了 ventilation 建议。"),
 ("honest-poor-refusing", False, "我觉得检测就是走个形式，客户其实就想要个合格的报告，大家心里都清楚。我之前帮人测的时候，有的时候窗没关够也就测了，数差不多就行。具体哪次我也说不上来。"),
 ("honest-off-topic", False, "我讲一个我在快递站的事吧。双十一那几天一天要分五千多件，我和同事把货架按楼号重新编了，取件码也改成按楼号开头，后来大家取件快多了，站长还把这个办法推给了别的站点。"),
]
ZH["q06"] = [
 ("nonsense-absurd-story", True, "假如三个骑手请假，我会先给周一、周三和周五打电话，请它们来顶班。周一骑着一张床送了五单，周三迷路了，跑进了一个顾客的梦里，周五说它只送形容词。我把剩下的订单分给了两块橡皮和一个哈欠，它们按时送达了百分之九十的饥饿，店长说这是本月最好的一个中午。"),
 ("nonsense-real-start-slide", True, "假如午高峰三个骑手请假，我会先看系统里还有多少单没派。然后我会把订单叠成一座小山，山上有人在卖云朵做的路线，路线太长就剪下来当围巾，围巾围在送餐箱的脖子上，送餐箱就开始唱歌，一直唱到晚饭变成早饭。"),
 ("nonsense-dream-poem", True, "订单像雨落进中午的井里，井口站着三个不在的人。骑手的影子慢慢变薄，汉堡在窗台上等一封信。"),
 ("nonsense-surreal-mix", True, "假如订单不断涌入，我会把恐龙时代的电动车派到二〇五〇年的写字楼，让李白在海底的汉堡店里接单。北极的红绿灯旁边停着一艘宋朝的外卖箱，凌晨三点的太阳从微波炉里升起来，我在月球的十字路口用算盘给火锅导航。"),
 ("nonsense-keywords-empty", True, "应变、调整、优先级、临时，这些我会的。协调方面，就是协调。骑手是骑手，顾客是顾客，通知就是通知一下。时间的话，时间就是时间，超时不超时，是一个超时的问题。派单，路线，效率，效率是效率方面的。所以我会，会这样，就是会。"),
 ("nonsense-verb-mismatch", True, "我会先把请假的三个骑手晾在阳台上，再把午高峰切成小块冻进冰箱。订单太多，我就用胶水把它们粘成一件毛衣，穿给店长看。然后我把路线煮熟，撒一点超时，端给顾客。最后我把派单系统搬到河对面，让它在那里慢慢学会打呼噜。"),
 ("nonsense-loop", True, "假如骑手请假，请假的骑手，三个，三个骑手请假的话，我会，会看订单，订单进来，进来的订单，骑手请假，我就会，会怎么做呢，就是骑手请假那时候，订单进来，我会去，去做那个，骑手请假了，订单还进来，所以，我会，就是会那样。"),
 ("nonsense-own-lost-notice", True, "寻物启事：本人于昨日中午在派单系统附近丢失三名骑手，身穿蓝色的周末，左耳戴着一条马路。如有好心人拾到，请送至汉堡的北边，必有重谢，谢礼为一箱准时的雨。另招领：一份没人认领的路线，性别不详，会说四种红绿灯。"),
 ("honest-machine-subject", False, "假如是这种情况，我第一步会看派单系统，把系统的自动派单半径先调小，只接三公里以内的单，远的先暂停或者显示延时。然后打电话叫休息的骑手能来的来，再让店员里会骑车的顶两单。以前我们系统半路崩过一次，我就是手写单子、按路线把同一栋楼的拼在一起派，那一中午超时的只有五单。"),
 ("honest-document-subject", False, "我们店的应急预案里写了，骑手不够的时候先启用平台的众包运力，再通知店长。所以我会先按预案在平台上开众包，同时报给店长，请他决定要不要暂时关掉远距离配送。顾客那边，预计会超时的订单，我按公司规定提前发消息道歉、说明大概时间，有需要就补个小券。"),
 ("honest-idioms", False, "碰到这种事，首先不能自乱阵脚，得临危不乱。我会分清轻重缓急，先把快超时的单挑出来，同一方向的拼成一趟，一箭双雕。人手不够就得拆东墙补西墙，把不忙的店员调来打包，让骑手只管跑。顾客那边要未雨绸缪，提前打招呼说晚十分钟，别等人家催了再解释。"),
 ("honest-dialect-dongbei", False, "哎呀这事儿整的。假如仨骑手一块儿请假，我先别慌，把单子捋一捋，一个方向的归拢一块儿派，能一趟送仨的别分三趟。再给休班的哥们儿挨个打电话，问谁能来救个急，来了我请他撸串。顾客那头嘛，可能晚的我提前发个信儿，说对不住晚个十来分钟。以前我就这么干过，那天也没整出啥大乱子。"),
 ("honest-run-on", False, "假如三个骑手同时请假我会先看一下现在手上有多少单哪些快超时了先把快超时的派出去然后把同一个小区同一个方向的单子合在一起让一个骑手顺路送再打电话问问今天休息的骑手能不能来帮忙顶一下如果还是不够就跟店长商量暂时把配送范围缩小一点然后给可能晚到的顾客发消息先说清楚"),
 ("honest-short", False, "我会先派快超时的单，同方向的拼成一趟，叫休班骑手来支援，再给可能晚到的顾客提前发消息道歉。"),
 ("honest-numbered-steps", False, "1. 先看后台，标出十分钟内要超时的单。2. 同方向的合并，一人一趟带三单。3. 打电话叫休班骑手，开平台众包。4. 报店长，缩小配送范围。5. 给可能迟到的顾客先发道歉短信。上个月有一次少了两个人，我就这么排，超时只有四单。"),
 ("honest-english-mixed", False, "假如这样，我会先看 dashboard 上的 order queue，把快要 delay 的单优先派。然后把同一个 area 的单 batch 在一起，让一个 rider 一趟送完。同时在群里问休息的骑手有没有人能 cover 一下午高峰。顾客那边我会发 message 说明可能晚十分钟，再送个 coupon。"),
 ("honest-poor-refusing", False, "三个人都请假那我也没办法啊，只能让单子先挂着，超时就超时呗，又不是我让他们请假的。顾客要骂就让他们骂店长去，我一个调度也变不出骑手来。"),
 ("honest-off-topic", False, "我先说说我上学时候的事。我高中是班长，有一次运动会报名，好几个项目都没人报，我就一个个去找同学聊，看谁擅长什么，最后每个项目都凑齐了人，我们班还拿了年级第二。"),
]

# ---------------------------------------------------------------- en / ko
OTHER = {}
OTHER["q07"] = [
 ("nonsense-absurd-story", True, "Last Friday the lobster tank asked me for a table for seven Tuesdays. I wrote the moon on the waitlist and seated the Tuesdays next to a nervous umbrella. The wait was forty minutes of blue, so I offered the guests a complimentary staircase. In the end the ocean tipped twenty percent and the host stand went home early to water its shoes."),
 ("nonsense-dream-poem", True, "Salt light on the windows, a bell made of menus. The door opens into a slow green evening and the tables swim away like sleeping fish. I hold a pencil full of rain. Somebody's name floats up the stairs and turns into a gull. We wait. The clocks eat oysters. Welcome, welcome, says the tide to nobody."),
 ("nonsense-verb-mismatch", True, "We had a long wait one Saturday night. So I folded the waitlist into a paper boat and fried the reservations in a little butter. I painted the servers' voices yellow and hung the guests' patience on a coat hook inside the month of December. Then I mailed the seating chart to my grandmother's bicycle and everybody clapped in Italian."),
 ("bare-keyword-list", True, "waitlist, seating, reservations, tables, timing, greeting, welcome, guests, friendly, apologize, communicate, explain, servers, update"),
 ("keyword-salad", True, "Waitlist and seating, the reservations with tables, guests friendly greeting the welcome, timing for apologize, communicate servers update and explain, tables of guests waitlist, so basically seating the reservations timing friendly."),
 ("wrong-language-zh", True, "有一次周六晚上我们海鲜餐厅排队排到了一个多小时，我先给每桌客人报了准确的等位时间，送了些小吃和柠檬水，每隔十五分钟去更新一次进度。后来有一桌老人等不了，我跟经理商量把他们安排到了吧台边的小桌，大家都挺满意。"),
 ("honest-strong", False, "Last summer I was hosting at a seafood place on the harbour, and one Saturday a tour bus arrived with no booking, so our wait jumped to about seventy minutes. I gave every party a realistic quote instead of a hopeful one, and I took their phone numbers so they could walk along the pier and get a text when the table was ready. I asked the bar to send out crackers to the people waiting inside, and I checked in with each party every fifteen minutes. I also talked to the floor manager and we pushed two four-tops together for the biggest group. Nobody walked out that night, and two families left reviews mentioning how honest the wait times were."),
 ("honest-plain-short", False, "One busy Sunday the wait was forty minutes. I told guests the real time, took their numbers, and texted them when the table was ready. Most people were fine with it."),
 ("honest-poor", False, "Honestly I just tell people it will be about twenty minutes even when it's longer, because if you say an hour they leave. If they complain I send them to the manager. I don't really remember a specific time."),
 ("honest-off-topic", False, "I'd like to tell you about when I coached my nephew's football team. We lost our first five games, so I changed our practice to focus on passing, and by the end of the season we won three in a row. The kids were so proud."),
 ("honest-mixed-words", False, "At my last job at a 海鲜 restaurant in Qingdao, during the 国庆 holiday, we had a wait of almost an hour. I gave each table a 号码 ticket, explained the wait honestly, and brought out free 瓜子 and tea. When a table opened I called the number and walked the guests over myself. No one complained to the manager that day."),
 ("honest-run-on", False, "so there was this one night we had a big wedding party coming in and the regular guests were waiting like forty five minutes and I went around to every group and told them the honest time and offered them a spot at the bar and I kept updating them every ten minutes and when a table cleared I asked the servers to reset it fast and we got everyone seated and nobody left"),
]
OTHER["q08"] = [
 ("nonsense-absurd-story", True, "지난 화요일에 구름 한 벌이 세탁소에 맡겨졌습니다. 손님은 목요일이었고, 구름에 수요일 얼룩이 묻어 있다고 했습니다. 저는 다리미에게 상담을 부탁했고, 다리미는 그 얼룩을 노래로 바꿨습니다. 결국 목요일은 만족해서 일요일 세 개를 보상으로 받아 갔습니다."),
 ("nonsense-dream-poem", True, "단추들이 밤새 조용히 떠내려갑니다. 하얀 셔츠 안에 작은 바다가 접혀 있고, 옷걸이는 오래된 달을 기억합니다. 스팀이 창문에 편지를 쓰면, 얼룩은 꽃이 되어 천천히 잠이 듭니다. 아무도 오지 않는 오후, 주머니 속에서 바람이 웁니다."),
 ("nonsense-verb-mismatch", True, "저는 먼저 손님의 불만을 냉장고에 다려 넣었습니다. 그다음 얼룩을 접어서 우체통에 심고, 라벨을 삶아서 창문에게 읽어 주었습니다. 보상은 계단으로 포장해서 어제에게 보냈습니다. 마지막으로 세탁소 전체를 주머니에 넣고 자전거를 마셨습니다."),
 ("bare-keyword-list", True, "고객, 사과, 응대, 친절, 설명, 확인, 얼룩, 라벨, 검수, 꼼꼼, 책임, 보상, 해결, 재발 방지"),
 ("keyword-salad", True, "고객 응대 그리고 사과, 얼룩 확인의 라벨 검수, 책임 보상 해결 그래서 친절 설명, 꼼꼼 확인 고객의 얼룩, 재발 방지 책임 그래서 응대입니다."),
 ("wrong-language-zh", True, "有一次一位客人送来一件白衬衫，领口的黄渍洗了两遍都没洗掉。我先给客人打电话，如实说明情况，问她愿不愿意让我们用专门的去渍剂再处理一次，可能要多等两天。她同意了，第三次处理后基本看不出来，我们也没有多收钱。"),
 ("honest-strong", False, "작년 겨울에 한 손님이 캐시미어 코트를 맡기셨는데, 드라이클리닝 후 검수하면서 소매 부분에 보풀이 심하게 일어난 걸 발견했습니다. 라벨을 다시 확인해 보니 저희가 세탁 온도를 잘못 설정한 것이었습니다. 바로 손님께 전화드려서 상황을 솔직하게 설명하고 사과드렸습니다. 사장님과 상의해서 전문 수선집에 복원을 맡기고 비용은 저희가 부담했고, 일주일 뒤 손님께서 만족하셨습니다. 그 후로는 고급 소재는 접수할 때 라벨 사진을 찍어 두는 절차를 만들었습니다."),
 ("honest-plain-short", False, "와이셔츠 얼룩이 안 빠져서 손님께 전화로 설명드리고 한 번 더 세탁해 드렸습니다. 추가 비용은 받지 않았습니다."),
 ("honest-poor", False, "솔직히 얼룩이 안 빠지면 원래 그런 옷이라고 말씀드립니다. 저희 잘못은 아니니까요. 손님이 화내시면 사장님을 부릅니다. 특별히 기억나는 경험은 없습니다."),
 ("honest-off-topic", False, "저는 예전에 편의점에서 일했을 때 이야기를 하고 싶습니다. 밤에 혼자 근무하다가 냉장고가 고장 나서 우유를 전부 다른 냉장고로 옮기고 점장님께 연락드렸습니다. 덕분에 상품 손실이 거의 없었습니다."),
 ("honest-mixed-words", False, "전에 dry cleaning 가게에서 일할 때 손님 실크 블라우스에 커피 stain이 있었는데 한 번에 안 빠졌습니다. 그래서 손님께 솔직하게 설명드리고 special care로 다시 처리하겠다고 했습니다. 이틀 더 걸렸지만 깨끗하게 빠졌고, 그 손님은 나중에 단골이 되셨습니다."),
 ("honest-run-on", False, "한번은 손님이 맡긴 정장 바지에 단추가 떨어져 있는 걸 제가 검수하다가 발견했는데 원래 떨어져 있었는지 저희가 떨어뜨렸는지 몰라서 일단 손님께 전화드려서 말씀드리고 같은 단추를 찾아서 달아 드리겠다고 했고 비슷한 단추를 구해서 달아 드렸더니 손님이 오히려 고맙다고 하셨습니다"),
]

# ---------------------------------------------------------------- checks
HAN = re.compile(r"[\u4e00-\u9fff\u3007]")
PUNCT = re.compile(r"[，。、；：？！“”‘’（）《》…—,.;:?!()\"'\-]")

def han(t): return len(HAN.findall(t))

rows = []
errors = []
for qid in ["q01", "q02", "q03", "q04", "q05", "q06"]:
    items = ZH[qid]
    assert len(items) == 18, (qid, len(items))
    assert sum(g for _, g, _ in items) == 8
    kinds = [k for k, _, _ in items]
    assert len(set(kinds)) == 18, qid
    for kind, gate, text in items:
        n, h = len(text), han(text)
        if gate:
            if not (h >= 40 and n <= 250): errors.append((qid, kind, n, h))
        elif kind == "honest-short":
            if not (h >= 40 and n <= 60): errors.append((qid, kind, n, h))
        else:
            if not (h >= 40 and n <= 300): errors.append((qid, kind, n, h))
        if kind == "honest-run-on" and PUNCT.search(text): errors.append((qid, kind, "punct"))
        rows.append((qid, kind, gate, text))
for qid in ["q07", "q08"]:
    items = OTHER[qid]
    assert len(items) == 12 and sum(g for _, g, _ in items) == 6
    for kind, gate, text in items:
        if not (20 <= len(text) <= 800): errors.append((qid, kind, len(text)))
        if kind == "honest-run-on" and re.search(r"[,.;:!?]", text): errors.append((qid, kind, "punct"))
        rows.append((qid, kind, gate, text))

nopunct_nonsense = [(q, k) for q, k, g, t in rows if g and q <= "q06" and not PUNCT.search(t)]
if len(nopunct_nonsense) != 2: errors.append(("no-punct nonsense count", nopunct_nonsense))
texts = [t for *_, t in rows]
if len(set(texts)) != len(texts): errors.append("duplicate texts")

# near-duplicate check: char 4-gram Jaccard
def grams(t, n=4):
    t = re.sub(r"\s+", "", t)
    return {t[i:i+n] for i in range(len(t) - n + 1)}
G = [grams(t) for t in texts]
maxj = 0.0; maxpair = None
KW = {"bare-keyword-list", "keyword-salad"}
for i, j in itertools.combinations(range(len(texts)), 2):
    if rows[i][0] == rows[j][0] and rows[i][1] in KW and rows[j][1] in KW:
        continue  # salad is built from the same keywords by design
    a, b = G[i], G[j]
    jac = len(a & b) / max(1, len(a | b))
    if jac > maxj: maxj, maxpair = jac, (rows[i][:2], rows[j][:2])
if maxj > 0.3: errors.append(("near-duplicate", maxj, maxpair))

if errors:
    for e in errors: print("ERROR", e)
    raise SystemExit(1)

# ---------------------------------------------------------------- write
rng = random.SystemRandom()
ids = set()
recs = []
for qid, kind, gate, text in rows:
    while True:
        i = "q-" + secrets.token_hex(4)
        if i not in ids: ids.add(i); break
    recs.append({"id": i, "qid": qid, "kind": kind, "gate": gate, "text": text})
rng.shuffle(recs)

with open(os.path.join(OUT, "questions.json"), "w", encoding="utf-8") as f:
    json.dump(QUESTIONS, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "answers.jsonl"), "w", encoding="utf-8") as f:
    for r in recs: f.write(json.dumps({"id": r["id"], "qid": r["qid"], "text": r["text"]}, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
    for r in recs: f.write(json.dumps({"id": r["id"], "kind": r["kind"], "gate": r["gate"]}, ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- stats for README
per_q = collections.OrderedDict()
for qid, kind, gate, text in rows:
    d = per_q.setdefault(qid, {"gate": 0, "score": 0})
    d["gate" if gate else "score"] += 1
kind_counts = collections.Counter((k, g) for _, k, g, _ in rows)
def stats(sel):
    L = [len(t) for t in sel]
    return f"n={len(L)} min={min(L)} median={sorted(L)[len(L)//2]} max={max(L)}"
zh_non = [t for q, k, g, t in rows if q <= "q06" and g]
zh_hon = [t for q, k, g, t in rows if q <= "q06" and not g]
en = [t for q, k, g, t in rows if q == "q07"]
ko = [t for q, k, g, t in rows if q == "q08"]
print("total", len(rows), "gate", sum(r[2] for r in rows), "score", sum(not r[2] for r in rows))
print("per question", dict(per_q))
print("max 4-gram jaccard", round(maxj, 3), maxpair)
print("zh nonsense len", stats(zh_non)); print("zh honest len", stats(zh_hon))
print("en len", stats(en)); print("ko len", stats(ko))
print("no-punct nonsense", nopunct_nonsense)
for (k, g), c in sorted(kind_counts.items()): print(f"  {k:34s} gate={g!s:5s} {c}")
json.dump({"per_q": per_q, "kinds": {f"{k}|{g}": c for (k, g), c in kind_counts.items()},
           "len": {"zh_nonsense": stats(zh_non), "zh_honest": stats(zh_hon), "en": stats(en), "ko": stats(ko)},
           "maxj": maxj}, open(os.path.join(OUT, ".stats.json"), "w"), ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- README
kinds_sorted = sorted({k for _, k, _, _ in rows})
qids = list(per_q)
lines = ["# gates-q: sealed gating set (nonsense that must go to a person vs. honest look-alikes)", "",
 "Written for one measurement run. All 132 texts were invented for this set (generator: make_set.py, which holds",
 "every text, checks lengths/distinctness, assigns ids with secrets.token_hex(4) and shuffles with",
 "random.SystemRandom). Re-running make_set.py re-draws ids and order; the released files are the ones to use.", "",
 "## Files", "- questions.json: 8 questions (q01–q06 zh, q07 en, q08 ko), 3 competencies each, weights sum to 1.",
 "- answers.jsonl: {id, qid, text}, shuffled.", "- labels.jsonl: {id, kind, gate}. gate=true → must be sent to a person (unjudgeable); gate=false → must be scored.", "",
 "## Totals", f"- {len(rows)} answers: {sum(r[2] for r in rows)} gate=true, {sum(not r[2] for r in rows)} gate=false.", "",
 "## Counts per question", "| qid | role | lang | type | gate=true | gate=false |", "|---|---|---|---|---|---|"]
for q in QUESTIONS:
    d = per_q[q["qid"]]
    lines.append(f"| {q['qid']} | {q['role']} | {q['language']} | {q['type']} | {d['gate']} | {d['score']} |")
lines += ["", "## Counts per kind and question", "| kind | gate | " + " | ".join(qids) + " | total |",
          "|---|---|" + "---|" * (len(qids) + 1)]
for k in kinds_sorted:
    g = [gg for _, kk, gg, _ in rows if kk == k][0]
    cs = [sum(1 for q, kk, _, _ in rows if kk == k and q == qid) for qid in qids]
    lines.append(f"| {k} | {str(g).lower()} | " + " | ".join(str(c) if c else "" for c in cs) + f" | {sum(cs)} |")
lines += ["", "## Lengths (len() in characters, punctuation and spaces included)",
 f"- zh nonsense (gate): {stats(zh_non)}; each also has ≥40 Han characters (brief: 40–250).",
 f"- zh honest (score): {stats(zh_hon)}; ≥40 Han characters each, ≤300; the six honest-short answers are ≤60 characters in total with ≥40 Han.",
 f"- q07 en: {stats(en)}", f"- q08 ko: {stats(ko)}",
 f"- Distinctness: all texts unique; highest character-4-gram Jaccard between any two texts = {maxj:.2f}",
 "  (the bare keyword list and the keyword salad of the same question were excluded from that check: they share keywords by design).", "",
 "## What a reader of the results should know",
 "- zh nonsense: eight styles per question, one each: absurd-story (real story frame, absurd participants), real-start-slide",
 "  (one or two real sentences about the job, then nonsense), dream-poem, surreal-mix, keywords-empty (the question's",
 "  keywords in sentences that say nothing), verb-mismatch (first person, verbs and objects that do not fit), loop",
 "  (real-sounding start that only repeats itself), and nonsense-own-* (a style of my own, different per question:",
 "  weather forecast q01, menu q02, sports commentary q03, product manual q04, news broadcast q05, lost-and-found notice q06).",
 "- Two zh nonsense texts have no punctuation at all (recogniser style): " + ", ".join(f"{q} {k}" for q, k in nopunct_nonsense) + ".",
 "- real-start-slide and absurd-story deliberately contain real job words and a story frame; keywords-empty contains many",
 "  competency keywords. A keyword- or structure-based scorer will find these hardest; they are still unjudgeable.",
 "- zh honest look-alikes, one each per question: machine-subject, document-subject, idioms, dialect, run-on (no",
 "  punctuation), short (40–60 chars, a real mini-story), numbered-steps, english-mixed, poor-refusing, off-topic.",
 "  Dialects: q01 东北, q02 written Cantonese (粤语), q03 川渝, q04 河南, q05 吴语, q06 东北 (东北 used twice).",
 "- honest-poor(-refusing) and honest-off-topic answers are real answers that should get LOW scores (rating 1–2),",
 "  not be gated. Several poor answers show the opposite of the competency (e.g. q02, q05, q06).",
 "- q03 and q06 are situational (假如…你会怎么做); their honest answers are mostly plans (我会…), some with a past example.",
 "- q07 (en) / q08 (ko) gate=true: 3 nonsense of real words (absurd-story, dream-poem, verb-mismatch), 1 bare keyword",
 "  list, 1 keyword salad, 1 wrong-language-zh. The wrong-language-zh answers are sensible, on-topic Chinese answers:",
 "  they must be gated ONLY because they are not in the interview's language.",
 "- q07/q08 gate=false: strong, plain-short, poor, off-topic, mixed-words (q07 has a few Chinese words, q08 a few",
 "  English words), run-on (no punctuation). The mixed-words answers must NOT be gated as another language.",
 "- The kind name is only in labels.jsonl; answers.jsonl carries no hint of it.",
]
open(os.path.join(OUT, "README.md"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
os.remove(os.path.join(OUT, ".stats.json"))
