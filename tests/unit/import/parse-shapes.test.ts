import { describe, expect, it } from "vitest";

import { parseRoundupDocument } from "../../../lib/import/parse";
import { onlyRoundup, parseFixture } from "./helpers";

const ranks = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("“1.” numbering with body paragraphs (dot-numbered.txt)", () => {
  const doc = parseFixture("dot-numbered.txt");
  const roundup = onlyRoundup(doc);

  it("reads title, year, selector and the introduction before the list", () => {
    expect(roundup.title).toBe("2022年北湾市十大新闻");
    expect(roundup.year).toBe(2022);
    expect(roundup.publisher).toBe("北湾日报社");
    expect(roundup.intro).toMatch(/^2022年，北湾市经受住了多重考验/);
    expect(roundup.intro).toMatch(/选出最受关注的十件大事。$/);
  });

  it("reads ten items, each with its own paragraphs", () => {
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    const [first] = roundup.items;
    expect(first?.title).toBe("北湾跨海大桥建成通车，南北两岸实现半小时通勤");
    expect(first?.paragraphs).toEqual([
      "6月18日，历时四年建设的北湾跨海大桥正式通车。大桥全长12.6公里，通车后南岸新区到老城区的车程由原来的一个半小时缩短到30分钟以内。",
      "通车首月，大桥日均车流量超过3.2万辆次，沿线三个公交枢纽同步投用。",
    ]);
    expect(roundup.items[9]?.title).toBe("“一网通办”上线，九成政务服务事项可在线办理");
    expect(roundup.items[9]?.paragraphs.join("")).not.toContain("北湾日报社评出");
  });

  it("rejoins a sentence broken across a blank line and says so", () => {
    expect(roundup.items[1]?.paragraphs).toEqual([
      "3月1日，市第一人民医院北区院区正式接诊。新院区设有门诊、急诊、住院、医技四大功能区，开放床位1200张，全市每千人口床位数由5.1张提高到5.6张。",
    ]);
    expect(doc.warnings).toEqual([expect.stringContaining("第2条")]);
  });
});

describe("“1、” and full-width “１、” numbering, titles only (fullwidth-comma-titles-only.txt)", () => {
  const doc = parseFixture("fullwidth-comma-titles-only.txt");
  const roundup = onlyRoundup(doc);

  it("reads full-width and half-width ranks alike, up to １０", () => {
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.items[0]?.title).toBe("青禾县城区集中供暖覆盖率达到98%");
    expect(roundup.items[9]?.title).toBe("“青禾菜篮子”平价蔬菜直供点覆盖所有社区");
  });

  it("leaves paragraphs empty and warns that there is no body text", () => {
    expect(roundup.items.every((item) => item.paragraphs.length === 0)).toBe(true);
    expect(doc.warnings).toEqual([expect.stringContaining("只有标题")]);
  });

  it("takes the selector from a bracketed closing line", () => {
    expect(roundup.publisher).toBe("青禾县融媒体中心");
    expect(roundup.title).toBe("2021年度青禾县十大民生实事");
    expect(roundup.year).toBe(2021);
  });
});

describe("full-width “1．” numbering (fullwidth-dot.txt)", () => {
  const roundup = onlyRoundup(parseFixture("fullwidth-dot.txt"));

  it("reads the items and stores figures with half-width digits", () => {
    expect(roundup.items.map((item) => item.title)).toEqual([
      "南屏区获评省级文明城区",
      "南屏古镇完成保护性修缮",
      "区人民医院胸痛中心通过国家认证",
    ]);
    expect(roundup.items[1]?.paragraphs).toEqual(["古镇内38处历史建筑完成修缮，全年接待游客120万人次，旅游收入增长21.5%。"]);
  });
});

describe("“第1位” and “第一位：” numbering", () => {
  it("reads 第N位 items with bodies (rank-position.txt)", () => {
    const roundup = onlyRoundup(parseFixture("rank-position.txt"));
    expect(roundup.title).toBe("2023年度东川市五大新闻");
    expect(roundup.items.map((item) => [item.rank, item.title])).toEqual([
      [1, "东川机场正式通航"],
      [2, "东川职业技术学院升格为本科层次职业大学"],
      [3, "市民服务中心建成投用"],
      [4, "东川至西岭高速公路开工"],
      [5, "东川蜜橘获国家地理标志保护产品认定"],
    ]);
    expect(roundup.items[4]?.paragraphs).toEqual(["东川蜜橘种植面积达到18万亩，认定后收购价格平均提高了两成。"]);
  });

  it("reads Chinese-numeral ranks up to 第十位 under a Markdown title (rank-position-chinese.txt)", () => {
    const roundup = onlyRoundup(parseFixture("rank-position-chinese.txt"));
    expect(roundup.title).toBe("2019年度西岭县十大新闻");
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.items[6]?.title).toBe("西岭中学在全省中学生运动会获团体第三名");
    expect(roundup.items[9]?.title).toBe("县档案馆新馆启用");
  });
});

describe("“（一）” numbering (paren-chinese.txt)", () => {
  const roundup = onlyRoundup(parseFixture("paren-chinese.txt"));

  it("reads twelve items, including （十一） and （十二）", () => {
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(12));
    expect(roundup.items[10]?.title).toBe("首届临川油菜花节举办");
    expect(roundup.items[11]?.paragraphs).toEqual(["文化站全年开展群众文化活动96场。"]);
  });

  it("accepts half-width brackets too", () => {
    const inline = onlyRoundup(parseRoundupDocument("(一)春耕开始\n(二)夏粮丰收\n(三)秋收入仓\n"));
    expect(inline.items.map((item) => [item.rank, item.title])).toEqual([
      [1, "春耕开始"],
      [2, "夏粮丰收"],
      [3, "秋收入仓"],
    ]);
  });
});

describe("two lists in one document", () => {
  it("splits at the “国内十大新闻” / “国际十大新闻” headings (two-lists.txt)", () => {
    const { roundups } = parseFixture("two-lists.txt");
    expect(roundups.map((roundup) => roundup.title)).toEqual(["国内十大新闻", "国际十大新闻"]);
    const [domestic, international] = roundups;
    expect(domestic?.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(international?.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(domestic?.items[9]?.title).toBe("一批历史文化街区完成保护修缮");
    expect(international?.items[0]?.title).toBe("多国签署海洋塑料污染治理公约");
    // The document's header (year, introduction) applies to both lists.
    expect(roundups.map((roundup) => roundup.year)).toEqual([2023, 2023]);
    expect(international?.intro).toBe("本报编辑部从全年报道中选出国内、国际各十条新闻，供读者回顾。");
    // "本报编辑部" only means "this paper's newsroom": not a name to store as the selector.
    expect(domestic?.publisher).toBeNull();
  });

  it("splits at “一、国内” / “二、国际” sections, naming each after the document (two-lists-sections.txt)", () => {
    const { roundups } = parseFixture("two-lists-sections.txt");
    expect(roundups.map((roundup) => roundup.title)).toEqual(["2023年度新闻盘点（国内）", "2023年度新闻盘点（国际）"]);
    expect(roundups.map((roundup) => roundup.items.map((item) => item.title))).toEqual([
      ["北湾至南屏城际铁路开工", "全省最大的海上风电场并网发电", "第五届沿海城市博览会在北湾举办"],
      ["北湾港新开通至三国的集装箱航线", "北湾与友好城市签署青年交流协议", "国际海洋生态论坛在北湾召开"],
    ]);
    expect(roundups[0]?.items[2]?.paragraphs).toEqual(["签约项目总金额达到420亿元。"]);
  });
});

describe("lists in date order rather than by rank", () => {
  it("keeps document order, marks the list as date-ordered and warns (date-ordered.txt)", () => {
    const doc = parseFixture("date-ordered.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.ordering).toBe("date");
    expect(roundup.items.map((item) => item.title.slice(0, 3))).toEqual([
      "1月 ",
      "2月 ",
      "3月 ",
      "4月 ",
      "5月 ",
      "6月 ",
      "8月 ",
      "9月 ",
      "11月",
      "12月",
    ]);
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.intro).toBeNull();
    expect(doc.warnings.some((warning) => warning.includes("按时间顺序排列"))).toBe(true);
  });

  it("treats “排名不分先后” in the introduction the same way and keeps the sentence", () => {
    const doc = parseRoundupDocument(
      "2023年北湾十大新闻\n\n以下十条新闻排名不分先后。\n\n1、北湾港扩建\n2、北湾大桥通车\n3、北湾机场改造\n",
    );
    const roundup = onlyRoundup(doc);
    expect(roundup.ordering).toBe("date");
    expect(roundup.intro).toBe("以下十条新闻排名不分先后。");
    expect(doc.warnings.some((warning) => warning.includes("排名不分先后"))).toBe(true);
  });

  it("reports a ranked list as ranked", () => {
    expect(onlyRoundup(parseFixture("rank-position.txt")).ordering).toBe("rank");
  });
});

describe("photo captions inside items (item-photos.txt)", () => {
  const roundup = onlyRoundup(parseFixture("item-photos.txt"));

  it("lifts a bracketed agency credit out of the body", () => {
    const [first] = roundup.items;
    expect(first?.caption).toBe("3月20日，北湾马拉松鸣枪起跑。");
    expect(first?.credit).toBe("新华社记者 王某 摄");
    expect(first?.paragraphs).toEqual([
      "3月的北湾马拉松吸引了2.8万名跑者参赛，赛道沿海湾展开。",
      "赛后，北湾马拉松首次获评全国金牌赛事。",
    ]);
  });

  it("lifts a trailing “本报记者 … 摄” credit out of the body", () => {
    const second = roundup.items[1];
    expect(second?.caption).toBe("北湾女排队员在比赛中拦网。");
    expect(second?.credit).toBe("本报记者 李某某 摄");
    expect(second?.paragraphs).toHaveLength(1);
  });

  it("leaves items without a photo without caption or credit", () => {
    expect(roundup.items[2]).toMatchObject({ caption: null, credit: null });
    expect(roundup.caption).toBeNull();
  });
});

describe("reader vote plus jury (reader-vote.txt)", () => {
  const roundup = onlyRoundup(parseFixture("reader-vote.txt"));

  it("keeps the selection method in the introduction and names the selector from it", () => {
    expect(roundup.intro).toContain("经部门推荐、线上投票、专家评审");
    expect(roundup.intro).toContain("共有18.6万人次参与。");
    expect(roundup.publisher).toBe("北湾晚报");
    expect(roundup.title).toBe("2022年北湾市十大新闻人物");
  });

  it("keeps colons inside item titles", () => {
    expect(roundup.items[0]?.title).toBe("陈海生：坚守海岛三十年的乡村医生");
  });
});

describe("selection phrases", () => {
  it.each([
    ["吉林日报社选出", "吉林日报社"],
    ["——由北湾晚报评选", "北湾晚报"],
    ["东川广播电视台评出", "东川广播电视台"],
  ])("reads “%s” as selected by %s", (line, publisher) => {
    const roundup = onlyRoundup(parseRoundupDocument(`2023年东川十大新闻\n1.东川机场通航\n2.东川大桥合龙\n${line}\n`));
    expect(roundup.publisher).toBe(publisher);
    expect(roundup.items[1]?.paragraphs).toEqual([]);
  });
});

describe("layout details", () => {
  it("keeps a list title that sits right above a lead photo, and takes the photo as the roundup's", () => {
    const doc = parseRoundupDocument(
      "2023年北湾十大新闻\n北湾港夜景。本报记者 王某 摄\n1、北湾港扩建\n港区新增泊位4个。\n2、北湾大桥通车\n大桥全长12.6公里。\n",
    );
    const roundup = onlyRoundup(doc);
    expect(roundup.title).toBe("2023年北湾十大新闻");
    expect(roundup).toMatchObject({ caption: "北湾港夜景。", credit: "本报记者 王某 摄" });
    expect(doc.warnings.some((warning) => warning.includes("导语图片"))).toBe(true);
  });

  it("joins an item title wrapped after a comma onto its second line", () => {
    const roundup = onlyRoundup(
      parseRoundupDocument("1、北湾跨海大桥建成通车，\n南北两岸实现半小时通勤\n大桥全长12.6公里。\n2、北湾港扩建\n"),
    );
    expect(roundup.items[0]?.title).toBe("北湾跨海大桥建成通车，南北两岸实现半小时通勤");
    expect(roundup.items[0]?.paragraphs).toEqual(["大桥全长12.6公里。"]);
  });

  it("drops page furniture such as “（完）” and “责任编辑：”", () => {
    const roundup = onlyRoundup(
      parseRoundupDocument("1、北湾港扩建\n港区新增泊位4个。\n（完）\n2、北湾大桥通车\n大桥全长12.6公里。\n责任编辑：周某\n"),
    );
    expect(roundup.items.map((item) => item.paragraphs)).toEqual([["港区新增泊位4个。"], ["大桥全长12.6公里。"]]);
  });

  it("gives a second list without a year of its own the document's year", () => {
    const { roundups } = parseRoundupDocument(
      "2023年北湾十大新闻\n1、北湾港扩建\n2、北湾大桥通车\n\n国际新闻\n\n1、多国签署海洋保护公约\n2、全球气温创新高\n",
    );
    expect(roundups.map((roundup) => [roundup.title, roundup.year])).toEqual([
      ["2023年北湾十大新闻", 2023],
      ["国际新闻", 2023],
    ]);
  });
});
