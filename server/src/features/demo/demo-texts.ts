// What 石角镇's grid workers write when they report a case, one list per leaf category (issue 22):
// a reservoir town of resettled villages, tea gardens and mountain roads. `{village}` is the
// reported grid's own village, so a text never names a place outside the case's grid.

export const DEMO_TEXTS: Record<string, readonly string[]> = {
  'dispute.neighbour': [
    '{village}两户村民因屋檐滴水落到对方院子发生口角，双方情绪激动',
    '{village}村民反映邻居家的狗夜里吠叫、放养咬伤鸡鸭，多次沟通未果',
    '{village}两户因共用的排水沟被一方填平，雨天积水倒灌，发生争执',
    '{village}村民在巷道堆放柴草挡住邻居出入，双方争吵',
  ],
  'dispute.land': [
    '{village}两户村民对茶园交界处的地界各执一词，一方已动手砍伐茶树',
    '{village}村民小组与邻组对一片松林的山林权属有争议，林权证四至不清',
    '{village}移民户反映承包的旱地被原住户占用种植',
    '{village}村民因宅基地边界与邻居发生争执，要求村委会现场测量',
  ],
  'dispute.family': [
    '{village}兄弟三人对母亲的赡养费用分担意见不一，老人无人照料',
    '{village}一对夫妻长期争吵，女方回娘家，请求调解',
    '{village}村民反映儿子外出务工后拒绝承担父亲医药费',
    '{village}兄弟因分家后老屋归属问题发生争吵',
  ],
  'security.suspicious': [
    '{village}村口有一辆外地牌照面包车连续两天停放，车内人员四处打听独居老人',
    '{village}有陌生人挨家挨户推销“保健品”，自称政府补贴',
    '{village}水库坝下有外来人员夜间用电鱼工具捕鱼',
    '{village}茶园旁出现不明人员深夜拉运物品',
  ],
  'security.gambling': [
    '{village}祠堂旁小卖部后屋夜间有人聚集打牌，疑似赌博',
    '{village}村民反映山边工棚内每晚有人聚赌，出入车辆较多',
    '{village}有人在榕树下摆摊设局，引诱村民押注',
  ],
  'work_safety.enterprise': [
    '{village}砖厂作业人员未佩戴安全帽，传送带防护罩缺失',
    '{village}茶叶加工厂杀青机旁电线私拉乱接，存在触电隐患',
    '{village}木材加工点粉尘大，未配置灭火器',
    '{village}碾米厂液化气瓶与明火间距不足',
  ],
  'work_safety.construction': [
    '{village}民房加建三楼，脚手架搭设不规范，未设安全网',
    '{village}村道硬化工地夜间无警示灯，沟槽未设围挡',
    '{village}安置点新房施工，塔吊作业区下方有村民通行',
    '{village}挡土墙施工未放坡，土方堆在路边',
  ],
  'fire.hazard': [
    '{village}老屋楼道堆放大量柴草和杂物，住户在屋内给电动车充电',
    '{village}茶叶加工作坊炒茶灶旁堆放纸箱，未配灭火器',
    '{village}村民在后山烧荒，火势靠近林地',
    '{village}祠堂电线老化裸露，逢年过节大量点香烛',
  ],
  'fire.passage': [
    '{village}巷道被私家车和货车长期占用，消防车无法通行',
    '{village}安置小区消防通道被摆放的桌椅和建材堵塞',
    '{village}村内主巷道搭建雨棚，占用消防通道',
  ],
  'flood.reservoir': [
    '{village}巡查发现水库溢洪道有树枝杂物堵塞，水位接近汛限',
    '{village}水库坝体背水坡出现渗水点，水色较清',
    '{village}水库放水涵闸启闭机锈蚀，无法正常开启',
    '{village}村民在水库坝面开垦种菜，坝坡有踩踏塌陷',
  ],
  'flood.landslide': [
    '{village}连日降雨后，屋后山坡出现长约10米的裂缝，有小股泥土滑落',
    '{village}进村山路边坡塌方，碎石落到路面',
    '{village}茶园梯田挡土坎垮塌，下方有两户民房',
  ],
  'flood.waterlogging': [
    '{village}村口低洼路段积水约30厘米，摩托车无法通行',
    '{village}暴雨后排洪渠堵塞，水漫进几户村民家中',
    '{village}涵洞被淤泥堵死，田里积水排不出去',
  ],
  'sanitation.garbage': [
    '{village}村道旁垃圾池满溢多日未清运，气味难闻',
    '{village}有人在水库边倾倒建筑垃圾和生活垃圾',
    '{village}茶园路口被乱丢农药瓶和化肥袋',
    '{village}圩日后市场周边垃圾散落，无人清扫',
  ],
  'sanitation.sewage': [
    '{village}养猪场污水直排入小河沟，河水发黑',
    '{village}安置小区化粪池满溢，污水流到路面',
    '{village}村民反映上游有人洗涤农药器具，污水流入灌溉渠',
  ],
  'facilities.streetlight': [
    '{village}村道路灯连续多晚不亮，夜间行人看不清路',
    '{village}文化广场太阳能路灯灯杆倾斜，灯头损坏',
    '{village}进村桥头路灯白天常亮、夜里熄灭',
  ],
  'facilities.water_supply': [
    '{village}自来水管在村口爆裂，漏水严重，部分住户停水',
    '{village}山塘引水管被冲断，十多户村民用水困难',
    '{village}供水水压低，高处住户三天没有水',
    '{village}村民反映自来水浑浊发黄，担心饮水安全',
  ],
  'roads.damage': [
    '{village}进村水泥路出现一米多长的坑洼，雨天积水',
    '{village}山路边坡护栏被大车撞断，一直未修复',
    '{village}通往茶园的机耕路被雨水冲出深沟',
    '{village}村道路面开裂下沉，影响农用车通行',
  ],
  'roads.hazard': [
    '{village}山路急弯处缺少反光镜和警示标志，已发生两次擦碰',
    '{village}小学门口路段车辆车速快，缺少减速带',
    '{village}村道旁大树枝干断裂，悬在路面上方',
    '{village}临水库路段无护栏，夜间行车危险',
  ],
  'livelihood.elderly': [
    '{village}入户探访独居老人，老人行动不便，家中缺米缺油',
    '{village}电话回访独居老人，反映腿脚疼痛，需要联系家庭医生',
    '{village}走访一位八十多岁独居老人，房屋漏雨需修缮',
    '{village}独居老人子女在外务工，近日未接电话，上门查看情况',
  ],
  'livelihood.children': [
    '{village}留守儿童暑假常独自到水库边玩水，需提醒监护人加强看护',
    '{village}入户了解一名留守儿童学习情况，祖父母无力辅导功课',
    '{village}一名留守儿童近期辍学在家，需联系学校劝返',
    '{village}留守儿童家中无人做饭，需协调托管',
  ],
  'resettlement.subsidy': [
    '{village}移民户反映本季度后期扶持补助未按时到账',
    '{village}新迁入移民家庭询问后扶人口核定及补助申领手续',
    '{village}移民户反映补助名单中漏登一名家庭成员',
  ],
  'resettlement.housing': [
    '{village}安置房屋顶漏水，墙面发霉，住户要求维修',
    '{village}移民安置点房屋墙体出现裂缝',
    '{village}安置点化粪池和排水管网未接通',
    '{village}安置房门窗变形关不严，雨水渗入',
  ],
  'other.general': [
    '{village}村民咨询城乡居民医保缴费和报销办理事项',
    '{village}群众反映村务公开栏内容长期未更新',
    '{village}村民咨询茶园种植补贴政策',
    '{village}村民反映手机信号差，希望协调运营商',
  ],
};

/** A demo case's description: one of its category's texts, set in the case's own village. */
export function describeDemoCase(categoryCode: string, villageName: string, random: () => number): string {
  const texts = DEMO_TEXTS[categoryCode];
  if (!texts?.length) throw new Error(`no demo texts for category ${categoryCode}`);
  return fillDemoText(texts[Math.floor(random() * texts.length)]!, villageName);
}

export function fillDemoText(text: string, villageName: string): string {
  return text.replaceAll('{village}', villageName);
}

/** Whether `description` is one of the category's texts set in `villageName` (the demo text test). */
export function isDemoTextOf(categoryCode: string, villageName: string, description: string): boolean {
  return (DEMO_TEXTS[categoryCode] ?? []).some((text) => fillDemoText(text, villageName) === description);
}
